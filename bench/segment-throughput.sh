#!/usr/bin/env bash
# Segmentation throughput (chars/s, warm JVM, 1 and 2 threads) of every backend on the SIGHAN 2005
# PKU test text: through nlpipe's pipeline runner and by calling the library directly, in the same
# run, plus Python jieba when installed, with the ratios.
#   bench/segment-throughput.sh [--seconds S] [--rounds N] [--only BACKEND_NAME_PART]
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/segment-common.sh"
require_pku
build_bench
seconds=1
rounds=5
args=("$@")
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --only) shift 2 ;;
    *) echo "usage: $0 [--seconds S] [--rounds N] [--only BACKEND_NAME_PART]" >&2; exit 2 ;;
  esac
done
peers=()
if have_jieba; then
  read -r jieba_wall jieba_cpu < <(timed /usr/bin/python3 bench/jieba_segment.py speed "$pku/pku_test.utf8" "$seconds" "$rounds")
  echo "jieba 0.42 (Python, 1 process): $jieba_wall chars/s, $jieba_cpu chars/CPU-s"
  peers+=(--peer "jieba=$jieba_wall:$jieba_cpu")
fi
timed "$JAVA_HOME/bin/java" -Xss8m -cp "$bench_cp" dev.nlpipe.core.bench.SegmentThroughput \
  "$pku/pku_test.utf8" "$pku/pku_training_words.utf8" examples/segment-pku.yaml "${args[@]}" "${peers[@]}"
