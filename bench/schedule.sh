#!/usr/bin/env bash
# Benchmark of `nlpipe schedule --once` over many small files (docs/benchmarks.md, "Scheduled
# directories"). Creates N files (default 10,000) of a few lines each in a temporary directory,
# then measures, in this order:
#   1. the first pass (every file new): files/s and documents/s;
#   2. a no-change pass (only stat checks against the state database);
#   3. a touched pass (every file's time changed, content not: each file is hashed, none processed);
#   4. baseline: `nlpipe run` over the same directory into a mirrored output directory, the same
#      documents through the same stages without per-file state, so the ratio shows what the
#      bookkeeping costs.
# Usage: bench/schedule.sh [FILES] [THREADS]   (run from the repository root)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
# The machine is shared: hold the benchmark lock for the whole measurement (not per command, so
# waiting for the lock never counts as time).
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]]; then
  exec env NLPIPE_BENCH_LOCKED=1 flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
files=${1:-10000}
threads=${2:-2}
# shellcheck source=whole-numbers.sh
source "$root/bench/whole-numbers.sh"; whole_numbers 1 "$files" "$threads"
pipeline=examples/deploy/pipeline.yaml
work=$(mktemp -d "${TMPDIR:-/tmp}/nlpipe-bench-schedule.XXXXXX")
trap 'rm -rf "$work"' EXIT

./nlpipe --version >/dev/null   # builds the jar if needed, outside the timings
# shellcheck source=bin/find-jdk.sh
source bin/find-jdk.sh
nlpipe=("$JAVA_HOME/bin/java" -Xss8m -jar cli/target/nlpipe.jar)   # the built jar: no rebuild check inside timings

echo "creating $files files under $work/in ..." >&2
python3 - "$work/in" "$files" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
zh = ["今天上午北京市海淀区的一家咖啡馆里坐满了人。", "姚明在NBA打篮球。", "这家公司去年的收入增长了百分之十二。"]
en = ["The river rose 1.5 meters overnight.", "Prices of fresh vegetables fell again this week.", "A new library opened downtown."]
for i in range(n):
    d = os.path.join(root, "batch-%03d" % (i // 500))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "doc-%05d.txt" % i), "w", encoding="utf-8") as f:
        for j in range(3):
            f.write((zh if (i + j) % 2 else en)[(i + j) % 3] + " #%d\n" % i)
PY
docs=$((files * 3))

now() { date +%s.%N; }
# run_timed LABEL CMD...: wall seconds into $secs, the command's standard error into $work/LABEL.log
run_timed() {
  local label=$1; shift
  local t0 t1
  t0=$(now)
  "$@" 2> "$work/$label.log" || { cat "$work/$label.log" >&2; exit 1; }
  t1=$(now)
  secs=$(echo "$t1 - $t0" | bc -l)
}
tick_line() { grep -E 'tick #[0-9]+ (done|stopped)' "$work/$1.log" | tail -1 | sed 's/^[^ ]* //'; }

# --settle 0s: the inputs are written just before each pass and are complete
sched=("${nlpipe[@]}" schedule "$pipeline" --input "$work/in" --output "$work/out" --once --quiet --threads "$threads" --settle 0s)

run_timed first "${sched[@]}"
first=$secs
echo "first pass ($files new files, $docs documents): $(printf '%.2f' "$first") s wall, $(echo "$files / $first" | bc -l | xargs printf '%.0f') files/s, $(echo "$docs / $first" | bc -l | xargs printf '%.0f') docs/s (JVM start included)"
echo "  scheduler: $(tick_line first)"

run_timed nochange "${sched[@]}"
echo "no-change pass: $(printf '%.2f' "$secs") s wall"
echo "  scheduler: $(tick_line nochange)"

find "$work/in" -type f -exec touch {} +
run_timed touched "${sched[@]}"
echo "touched pass (all $files files re-hashed, none processed): $(printf '%.2f' "$secs") s wall"
echo "  scheduler: $(tick_line touched)"

run_timed baseline "${nlpipe[@]}" run "$pipeline" --input "$work/in" --output "$work/run-out/" --threads "$threads" --quiet
echo "baseline nlpipe run over the same directory: $(printf '%.2f' "$secs") s wall, $(echo "$docs / $secs" | bc -l | xargs printf '%.0f') docs/s"
echo "ratio first schedule pass / nlpipe run: $(echo "$first / $secs" | bc -l | xargs printf '%.2f')x the time"
