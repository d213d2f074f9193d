#!/usr/bin/env bash
# Runs the nlpipe Spark job on a real standalone cluster on this machine and checks its output:
# starts one master and two workers (1 core, 1 GB each) on 127.0.0.1 from the Spark jars Maven
# downloaded for pipeline-spark (no Spark download: a throw-away SPARK_HOME whose jars/ links to
# them), submits nlpipe-spark.jar with Spark's own launcher (what spark-submit runs), compares the
# documents with `nlpipe run` on the same pipeline and input (lines sorted by id), and stops
# everything it started. Exit code 0 when they are equal.
# Usage: bench/spark-cluster.sh [PIPELINE.yaml [INPUT]]   (default: examples/quickstart.yaml and its input)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=../bin/find-jdk.sh
source bin/find-jdk.sh
pipeline=${1:-examples/quickstart.yaml}
input=${2:-}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "spark-cluster: building (nlpipe.jar, nlpipe-spark.jar, Spark's class path)" >&2
[[ -n ${SKIP_BUILD:-} ]] || mvn -q -B -ntp -DskipTests package >&2
mvn -q -B -ntp -pl pipeline-spark dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
    -Dmdep.includeScope=provided >&2

# Spark's launcher finds its jars under $SPARK_HOME/jars when a RELEASE file marks a distribution.
export SPARK_HOME=$work/spark SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$SPARK_HOME/jars" "$work/logs"
touch "$SPARK_HOME/RELEASE"
tr ':' '\n' < "$work/cp.txt" | while read -r jar; do ln -sf "$jar" "$SPARK_HOME/jars/"; done
# Jackson and SLF4J are nlpipe's compile dependencies too, so Maven lists them outside 'provided'.
mvn -q -B -ntp -pl pipeline-spark dependency:build-classpath -Dmdep.outputFile="$work/cp-compile.txt" \
    -Dmdep.includeGroupIds=com.fasterxml.jackson.core,com.fasterxml.jackson.dataformat,org.yaml,org.slf4j >&2
tr ':' '\n' < "$work/cp-compile.txt" | while read -r jar; do [[ -n $jar ]] && ln -sf "$jar" "$SPARK_HOME/jars/"; done

# The java command Spark's launcher builds for a class (with the --add-opens Java 17+ needs), as
# spark-class reads it: NUL-separated arguments after a "\0\n" marker.
spark_command() {   # OUTPUT_ARRAY_NAME CLASS ARGS...
  local -n out=$1; shift
  local raw=()
  mapfile -d '' raw < <("$JAVA_HOME/bin/java" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@")
  out=("${raw[@]:1}")
  out[0]=${out[0]#$'\n'}
}
launch() {
  local name=$1; shift
  local cmd=()
  spark_command cmd "$@"
  "${cmd[@]}" > "$work/logs/$name.log" 2>&1 &
  pids+=($!)
}
wait_for() {   # LOG PATTERN SECONDS
  for _ in $(seq "$3"); do
    grep -q "$2" "$work/logs/$1.log" 2>/dev/null && return 0
    sleep 1
  done
  echo "spark-cluster: $1 did not report '$2' in $3 s; its log:" >&2
  tail -20 "$work/logs/$1.log" >&2
  exit 3
}

port=$(( 20000 + RANDOM % 20000 ))
master=spark://127.0.0.1:$port
launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0
wait_for master "I have been elected leader" 120
for w in 1 2; do
  launch "worker-$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
      --webui-port 0 --work-dir "$work/worker-$w" "$master"
done
wait_for worker-1 "Successfully registered with master" 120
wait_for worker-2 "Successfully registered with master" 120
echo "spark-cluster: master $master with 2 workers" >&2

args=(run "$pipeline" --output "$work/spark-out")
local_args=(run "$pipeline" --output "$work/local.jsonl" --quiet)
if [[ -n $input ]]; then args+=(--input "$input"); local_args+=(--input "$input"); fi
start=$(date +%s%N)
set +e
submit=()
spark_command submit org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client \
    --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false \
    --executor-memory 768m --total-executor-cores 2 \
    --class dev.nlpipe.spark.NlpipeSparkJob pipeline-spark/target/nlpipe-spark.jar "${args[@]}"
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
