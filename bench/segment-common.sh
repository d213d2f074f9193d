# shellcheck shell=bash
# Shared by the segmentation benchmark scripts: JDK, PKU data location, built classes, jieba.
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=../bin/find-jdk.sh
source "$root/bin/find-jdk.sh"
# shellcheck source=data-path.sh
source "$root/bench/data-path.sh"
pku=$(bench_data_path NLPIPE_PKU_DIR ../shared/data/sighan2005-pku)
cd "$root"

# Exits when a SIGHAN 2005 PKU file is absent: skipped where a user's clone has no ../shared, an error where the user named it.
require_pku() {
  local f
  for f in pku_test.utf8 pku_test_gold.utf8 pku_training_words.utf8; do
    [[ -f $pku/$f ]] || bench_data_absent NLPIPE_PKU_DIR "$pku" "no $f (SIGHAN 2005 PKU data)"
  done
}

# Builds the shaded jar and the benchmark classes (pipeline-core's test sources).
build_bench() {
  ./nlpipe --version >/dev/null
  # shellcheck source=../bin/build-lock.sh
  source bin/build-lock.sh
  local log
  log=$(mktemp)
  if ! nlpipe_locked_mvn . bench -q -B -ntp -Dstyle.color=never -pl pipeline-core test-compile > "$log" 2>&1; then
    # Maven's errors, else the end of the log (a missing mvn, a checkout this user cannot write)
    grep -m 20 -E '^\[ERROR\]' "$log" >&2 || tail -n 5 "$log" >&2
    echo "$(basename "$0"): the build failed; run 'mvn -pl pipeline-core test-compile' to see why" >&2
    rm -f "$log"
    exit 3
  fi
  rm -f "$log"
  bench_cp="cli/target/nlpipe.jar:pipeline-core/target/test-classes"
}

# Whether Python's jieba is importable by /usr/bin/python3 (the peer; a missing one is skipped, not an error).
have_jieba() {
  if [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import jieba' 2>/dev/null; then
    return 0
  fi
  echo "jieba: skipped (not installed for /usr/bin/python3; apt-get install python3-jieba)" >&2
  return 1
}

# Serializes timing runs between sessions sharing the machine.
timed() {
  if command -v flock >/dev/null; then
    flock /tmp/nlpipe-bench.lock "$@"
  else
    "$@"
  fi
}
