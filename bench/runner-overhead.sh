#!/usr/bin/env bash
# Runner overhead: documents/s of a pipeline with one no-op stage and with tokenize.regex over
# 1 M short lines, with 1 and 2 worker threads (best of REPEAT runs each; warm-up run first).
# Usage: bench/runner-overhead.sh [LINES] [REPEAT]
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]]; then   # one benchmark at a time on this machine
  export NLPIPE_BENCH_LOCKED=1
  exec flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
lines=${1:-1000000}
repeat=${2:-3}
# awk would compare a word as text: the generator below never ended on `x`, and wrote 2 lines for `200k`
[[ $lines =~ ^[1-9][0-9]*$ && $repeat =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [LINES] [REPEAT] (whole numbers, e.g. 1000000 3)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Short mixed lines (about 40 characters), generated deterministically.
awk -v n="$lines" 'BEGIN {
  split("the river rose overnight and several roads were closed near bridge", en, " ");
  split("今天 北京 天气 很好 我们 一起 去 公园 散步 吧", zh, " ");
  for (i = 1; i <= n; i++) {
    s = "";
    for (j = 0; j < 5; j++) s = s en[(i * 7 + j * 3) % 12 + 1] " ";
    for (j = 0; j < 4; j++) s = s zh[(i * 5 + j) % 10 + 1];
    print s " " i;
  }
}' > "$work/lines.txt"
echo "load: $(cut -d" " -f1-3 /proc/loadavg), cores: $(nproc)"
echo "input: $lines lines, $(du -h "$work/lines.txt" | cut -f1)"

for stage in util.noop tokenize.regex; do
  cat > "$work/$stage.yaml" <<YAML
pipeline: bench-$stage
input:  { path: $work/lines.txt, format: text }
stages: [ { type: $stage } ]
output: { path: $work/out.jsonl, format: jsonl }
YAML
done

./nlpipe run "$work/util.noop.yaml" --threads 1 --quiet   # warm-up (and build if needed)
printf '%-16s %8s %14s\n' stage threads docs/s
for stage in util.noop tokenize.regex; do
  for threads in 1 2; do
    best=0
    for ((r = 0; r < repeat; r++)); do
      ./nlpipe run "$work/$stage.yaml" --threads "$threads" --quiet --metrics "$work/m.json"
      rate=$(sed -n 's/.*"documents_per_second" : \([0-9.]*\).*/\1/p' "$work/m.json" | cut -d. -f1)
      (( rate > best )) && best=$rate
    done
    printf '%-16s %8d %14d\n' "$stage" "$threads" "$best"
  done
done
