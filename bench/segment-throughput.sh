#!/usr/bin/env bash
# Segmentation throughput (chars/s, warm JVM, 1 and 2 threads) of every backend on the SIGHAN 2005
# PKU test text: through nlpipe's pipeline runner and by calling the library directly, in the same
# run, plus Python jieba when installed, with the ratios.
# Usage: bench/segment-throughput.sh [--seconds S] [--rounds N] [--only BACKEND_NAME_PART]
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/segment-common.sh"
# shellcheck source=whole-numbers.sh
source bench/whole-numbers.sh
seconds=1
rounds=5
args=("$@")
# checked before the build, which takes minutes
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || bench_usage
  case $1 in
    --seconds) [[ $2 =~ ^[0-9]*\.?[0-9]+$ ]] || bench_usage; seconds=$2 ;;
    --rounds) whole_numbers 1 "$2"; rounds=$2 ;;
    --only) ;;
    *) bench_usage ;;
  esac
  shift 2
done
require_pku
build_bench
peers=()
if have_jieba; then
  read -r jieba_wall jieba_cpu < <(timed /usr/bin/python3 bench/jieba_segment.py speed "$pku/pku_test.utf8" "$seconds" "$rounds")
  echo "jieba 0.42 (Python, 1 process): $jieba_wall chars/s, $jieba_cpu chars/CPU-s"
  peers+=(--peer "jieba=$jieba_wall:$jieba_cpu")
fi
timed "$JAVA_HOME/bin/java" -Xss8m -cp "$bench_cp" dev.nlpipe.core.bench.SegmentThroughput \
  "$pku/pku_test.utf8" "$pku/pku_training_words.utf8" examples/segment-pku.yaml "${args[@]}" "${peers[@]}"
