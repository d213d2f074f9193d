#!/usr/bin/env bash
# Runs the nlpipe Spark job on a real standalone cluster on this machine and checks its output:
# starts one master and two workers (1 core, 1 GB each) on 127.0.0.1 from the Spark jars Maven
# downloaded for pipeline-spark (no Spark download: a throw-away SPARK_HOME whose jars/ links to
# them), submits nlpipe-spark.jar with Spark's own launcher (what spark-submit runs), compares the
# documents with `nlpipe run` on the same pipeline and input (lines sorted by id), and stops
# everything it started. Exit code 0 when they are equal.
# Usage: bench/spark-cluster.sh [PIPELINE.yaml [INPUT]]   (default: examples/quickstart.yaml and its input)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=../bin/find-jdk.sh
source bin/find-jdk.sh
pipeline=${1:-examples/quickstart.yaml}
input=${2:-}
work=$(mktemp -d)
# shellcheck source=spark-common.sh
source bench/spark-common.sh
cleanup() {
  spark_stop_all
  rm -rf "$work"
}
trap cleanup EXIT

echo "spark-cluster: building (nlpipe.jar, nlpipe-spark.jar, Spark's class path)" >&2
# shellcheck source=../bin/build-lock.sh
source bin/build-lock.sh
[[ -n ${SKIP_BUILD:-} ]] || nlpipe_locked_mvn . bench -q -B -ntp -DskipTests package >&2
spark_home_setup
spark_cluster_start
echo "spark-cluster: master $spark_master with 2 workers" >&2

args=(run "$pipeline" --output "$work/spark-out")
local_args=(run "$pipeline" --output "$work/local.jsonl" --quiet)
if [[ -n $input ]]; then args+=(--input "$input"); local_args+=(--input "$input"); fi
start=$(date +%s%N)
set +e
submit=()
spark_submit_command submit "$spark_master" "${args[@]}"
"${submit[@]}" > "$work/logs/submit.log" 2>&1
code=$?
set -e
millis=$(( ($(date +%s%N) - start) / 1000000 ))
grep -E '^[^ ]+: read ' "$work/logs/submit.log" >&2 || true
if [[ $code -ne 0 ]]; then
  echo "spark-cluster: the job exited with $code; its log:" >&2
  grep -v ' INFO ' "$work/logs/submit.log" | tail -30 >&2
  exit "$code"
fi
./nlpipe "${local_args[@]}"
sort "$work/local.jsonl" > "$work/local.sorted"
cat "$work/spark-out"/part-* | sort > "$work/spark.sorted"
if cmp -s "$work/local.sorted" "$work/spark.sorted"; then
  printf 'spark-cluster: OK — %d documents equal to nlpipe run'"'"'s (job %d ms, start-up included)\n' \
      "$(wc -l < "$work/local.sorted")" "$millis"
else
  echo "spark-cluster: the cluster's documents differ from nlpipe run's:" >&2
  diff "$work/local.sorted" "$work/spark.sorted" | head -5 >&2
  exit 1
fi
