# shellcheck shell=bash
# Sourced by bench/spark-cluster.sh and bench/spark-throughput.sh: Spark from the jars Maven
# downloaded for pipeline-spark (no Spark download), its launcher, and a standalone cluster of one
# master and two workers (1 core, 1 GB each) on 127.0.0.1.
# The caller sets $work (a temporary directory it removes) and kills every pid in spark_pids on exit.

spark_pids=()

# A throw-away SPARK_HOME whose jars/ links to Spark's class path: Spark's launcher finds its jars
# under $SPARK_HOME/jars when a RELEASE file marks a distribution.
spark_home_setup() {
  # Spark's jars and what they need, from pipeline-spark's compile class path (compile + provided:
  # libraries Spark shares with nlpipe, Jackson or commons-io, are compile-scoped there and must be on
  # Spark's own class path too). Not nlpipe's modules: they come from the job jar, never from ~/.m2,
  # where an older install would shadow the job's classes (Spark's jars come first). -am lets the
  # reactor resolve nlpipe's modules on a machine that never installed them.
  mvn -q -B -ntp -pl pipeline-spark -am dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
      -DincludeScope=compile -DexcludeGroupIds=dev.nlpipe >&2
  export SPARK_HOME=$work/spark SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  mkdir -p "$SPARK_HOME/jars" "$work/logs"
  touch "$SPARK_HOME/RELEASE"
  tr ':' '\n' < "$work/cp.txt" | while read -r jar || [[ -n $jar ]]; do [[ -n $jar ]] && ln -sf "$jar" "$SPARK_HOME/jars/"; done
}

# The java command Spark's launcher builds for a class (with the --add-opens Java 17+ needs), as
# spark-class reads it: NUL-separated arguments after a "\0\n" marker.
spark_command() {   # OUTPUT_ARRAY_NAME CLASS ARGS...
  local -n out=$1; shift
  local raw=()
  mapfile -d '' raw < <("$JAVA_HOME/bin/java" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@")
  out=("${raw[@]:1}")
  out[0]=${out[0]#$'\n'}
}

spark_launch() {   # NAME CLASS ARGS...: runs in the background, logging to $work/logs/NAME.log
  local name=$1; shift
  local cmd=()
  spark_command cmd "$@"
  "${cmd[@]}" > "$work/logs/$name.log" 2>&1 &
  spark_pids+=($!)
}

spark_wait_for() {   # NAME PATTERN SECONDS
  for _ in $(seq "$3"); do
    grep -q "$2" "$work/logs/$1.log" 2>/dev/null && return 0
    sleep 1
  done
  echo "spark: $1 did not report '$2' in $3 s; its log:" >&2
  tail -20 "$work/logs/$1.log" >&2
  exit 3
}

# Starts the master and two workers; sets spark_master to the master's URL.
spark_cluster_start() {
  local port=$(( 20000 + RANDOM % 20000 ))
  spark_master=spark://127.0.0.1:$port
  spark_launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0
  spark_wait_for master "I have been elected leader" 120
  for w in 1 2; do
    spark_launch "worker-$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
        --webui-port 0 --work-dir "$work/worker-$w" "$spark_master"
  done
  spark_wait_for worker-1 "Successfully registered with master" 120
  spark_wait_for worker-2 "Successfully registered with master" 120
}

# Stops what spark_launch started (the caller's EXIT trap calls it).
spark_stop_all() {
  local p
  for p in "${spark_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${spark_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  spark_pids=()
}

# The spark-submit arguments that run nlpipe-spark.jar (or $NLPIPE_SPARK_JAR, e.g. the neural-job
# profile's nlpipe-spark-neural.jar) against MASTER (local[N] or a cluster URL);
# on a cluster, executors of 768 MB with one core per worker.
spark_submit_command() {   # OUTPUT_ARRAY_NAME MASTER JOB_ARGS...
  local -n submit_out=$1
  local spark_master_url=$2; shift 2
  local extra=()
  [[ $spark_master_url == spark://* ]] && extra=(--executor-memory 768m --total-executor-cores 2)
  spark_command submit_out org.apache.spark.deploy.SparkSubmit --master "$spark_master_url" --deploy-mode client \
      --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false "${extra[@]}" \
      --class dev.nlpipe.spark.NlpipeSparkJob "${NLPIPE_SPARK_JAR:-pipeline-spark/target/nlpipe-spark.jar}" "$@"
}
