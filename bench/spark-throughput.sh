#!/usr/bin/env bash
# Spark against `nlpipe run` on the same input and pipeline: documents/s of `nlpipe run --threads 1`
# and `--threads 2`, of the Spark job in local[1] and local[2], and on a standalone cluster of two
# 1-core workers (bench/spark-common.sh), and the fixed start-up cost of each (the wall time of the
# same run over a 100-line input). Processing throughput is LINES' documents over the wall time
# minus that start-up cost; per core it is divided by the cores the run had (1 or 2), and the
# ratios are that per-core figure over `nlpipe run`'s with the same number of cores and over its
# single thread's.
#
# Input: Chinese sentences of the four classic novels (split at 。！？) interleaved with English
# lines of the NLTK corpus (../shared/data), repeated to LINES lines and cut into PARTS files
# (each file is one Spark partition). Pipeline: normalize.text, segment, sentence.split,
# filter.length and a TF-IDF + logistic-regression classifier trained here on ChnSentiCorp.
# Usage: bench/spark-throughput.sh [LINES [PARTS]]   (default 1000000 lines in 8 files; holds a lock file;
#        SKIP_BUILD=1 uses the jars already built)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]]; then   # one benchmark at a time on this machine
  export NLPIPE_BENCH_LOCKED=1
  exec flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=../bin/find-jdk.sh
source bin/find-jdk.sh
lines=${1:-1000000}
parts=${2:-8}
[[ $lines =~ ^[1-9][0-9]*$ && $parts =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [LINES] [PARTS] (whole numbers, e.g. 1000000 8)" >&2; exit 2; }
data=../shared/data
for d in zh-raw-novels en-raw-corpus chnsenticorp; do
  if [[ ! -d $data/$d ]]; then echo "spark-throughput: $data/$d is missing; skipped" >&2; exit 0; fi
done
work=$(mktemp -d)
# shellcheck source=spark-common.sh
source bench/spark-common.sh
cleanup() {
  spark_stop_all
  rm -rf "$work"
}
trap cleanup EXIT

echo "spark-throughput: building (nlpipe.jar, nlpipe-spark.jar, Spark's class path)" >&2
# shellcheck source=../bin/build-lock.sh
source bin/build-lock.sh
[[ -n ${SKIP_BUILD:-} ]] || nlpipe_locked_mvn . bench -q -B -ntp -DskipTests package >&2
spark_home_setup

echo "spark-throughput: training the classifier (ChnSentiCorp, C = 3)" >&2
if ! ./nlpipe train examples/classify-chnsenticorp.yaml --output "$work/chnsenticorp" --set model.C=3 > "$work/logs/train.log" 2>&1; then
  echo "spark-throughput: training the classifier failed; its log:" >&2
  tail -20 "$work/logs/train.log" >&2
  exit 3
fi

perl -CSD -Mutf8 -ne 'chomp; s/^\s+|\s+$//g; next unless length;
    if ($ARGV =~ /zh-raw/) { push @zh, grep { length > 1 } split /(?<=[。！？])/ } else { push @en, $_ }
    END { for my $i (0 .. ($#zh > $#en ? $#zh : $#en)) { print "$zh[$i % @zh]\n$en[$i % @en]\n" } }' \
    "$data"/zh-raw-novels/*.txt "$data"/en-raw-corpus/*.txt > "$work/base.txt"
mkdir -p "$work/input" "$work/tiny"
awk -v n="$lines" '{ line[NR] = $0 } END { for (i = 0; i < n; i++) print line[i % NR + 1] }' "$work/base.txt" > "$work/all.txt"
(cd "$work/input" && split -n "l/$parts" -d -a 3 --additional-suffix=.txt "$work/all.txt" part-)
head -n 100 "$work/all.txt" > "$work/tiny.txt"
(cd "$work/tiny" && split -n l/2 -d -a 3 --additional-suffix=.txt "$work/tiny.txt" part-)
rm "$work/all.txt" "$work/tiny.txt"

cat > "$work/pipeline.yaml" <<YAML
pipeline: spark-throughput
input:  { path: $work/input, format: text }
stages:
  - type: normalize.text
  - type: segment
  - type: sentence.split
  - type: filter.length
    with: { minTokens: 3 }
  - type: classify
    model: $work/chnsenticorp
    with: { preprocess: true }
output: { path: $work/out.jsonl, format: jsonl }
YAML

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
spark_cluster_start

seconds_since() { echo "scale=2; ($(date +%s%N) - $1) / 1000000000" | bc; }
run_nlpipe() {   # THREADS INPUT: wall seconds; the output's line count goes to $work/count
  local start code; start=$(date +%s%N)
  # called inside $(...), where set -e is off: a failed run must not become a timing
  ./nlpipe run "$work/pipeline.yaml" --threads "$1" --input "$2" --output "$work/out.jsonl" --quiet || code=$?
  if [[ ${code:-0} -ne 0 ]]; then
    echo "spark-throughput: nlpipe run --threads $1 exited with $code" >&2
    exit "$code"
  fi
  seconds_since "$start"
  wc -l < "$work/out.jsonl" > "$work/count"
  rm -f "$work/out.jsonl"
}
run_spark() {   # MASTER INPUT: wall seconds; the output's line count goes to $work/count
  local start cmd=() code
  start=$(date +%s%N)
  spark_submit_command cmd "$1" run "$work/pipeline.yaml" --input "$2" --output "$work/spark-out"
  set +e
  "${cmd[@]}" > "$work/logs/submit.log" 2>&1
  code=$?
  set -e
  if [[ $code -ne 0 ]]; then
    echo "spark-throughput: the job ($1) exited with $code; its log:" >&2
    grep -v ' INFO ' "$work/logs/submit.log" | tail -30 >&2
    exit "$code"
  fi
  seconds_since "$start"
  cat "$work/spark-out"/part-* | wc -l > "$work/count"
  rm -rf "$work/spark-out"
}

echo "load average before: $load_before; cores: $(nproc)"
echo "input: $lines lines ($(du -sh "$work/input" | cut -f1)) in $parts files; start-up measured on 100 lines"
./nlpipe run "$work/pipeline.yaml" --threads 1 --input "$work/tiny" --output "$work/out.jsonl" --quiet   # warm-up
expected=""
declare -A per_core
printf '%-26s %5s %9s %10s %10s %12s %14s %10s %10s\n' run cores 'wall s' 'start-up s' 'docs/s' 'docs/s net' \
    'net per core' 'vs nlpipe' 'vs 1 thr'
for name in "nlpipe run --threads 1" "nlpipe run --threads 2" "spark local[1]" "spark local[2]" "spark cluster 2x1 core"; do
  case $name in
    "nlpipe run --threads "*) cores=${name##* }
      fixed=$(run_nlpipe "$cores" "$work/tiny"); wall=$(run_nlpipe "$cores" "$work/input") ;;
    "spark local["*) cores=${name//[^0-9]/}
      fixed=$(run_spark "local[$cores]" "$work/tiny"); wall=$(run_spark "local[$cores]" "$work/input") ;;
    *) cores=2
      fixed=$(run_spark "$spark_master" "$work/tiny"); wall=$(run_spark "$spark_master" "$work/input") ;;
  esac
  wrote=$(cat "$work/count")
  if [[ -z $expected ]]; then expected=$wrote
  elif [[ $wrote != "$expected" ]]; then
    echo "spark-throughput: $name wrote $wrote documents, nlpipe run $expected" >&2; exit 1
  fi
  rate=$(echo "scale=0; $lines / $wall" | bc)
  if [[ $(echo "$wall - $fixed > 0.05" | bc) == 1 ]]; then
    net=$(echo "scale=0; $lines / ($wall - $fixed)" | bc)
    core=$(( net / cores ))
  else
    # the start-up is the whole run: no net rate to give (a larger LINES gives one)
    net=n/a core=n/a short_run=1
  fi
  [[ $name == nlpipe* ]] && per_core[$cores]=$core
  # Against `nlpipe run` with the same number of cores, and against its single thread.
  ratio=n/a ratio1=n/a
  if [[ $core != n/a && ${per_core[$cores]:-n/a} != n/a && ${per_core[1]:-n/a} != n/a ]]; then
    ratio=$(printf '%.2f' "$(echo "scale=3; $core / ${per_core[$cores]}" | bc)")
    ratio1=$(printf '%.2f' "$(echo "scale=3; $core / ${per_core[1]}" | bc)")
  fi
  printf '%-26s %5d %9s %10s %10d %12s %14s %10s %10s\n' "$name" "$cores" "$wall" "$fixed" "$rate" "$net" "$core" "$ratio" "$ratio1"
done
if [[ -n ${short_run:-} ]]; then
  echo "n/a: a run took no longer than its start-up on 100 lines; give a larger LINES for net rates"
fi
echo "documents written by every run: $expected of $lines"
echo "model directory: $(du -sh "$work/chnsenticorp" | cut -f1) ($(du -sb "$work/chnsenticorp" | cut -f1) bytes)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
