# shellcheck shell=bash
# Shared by the segmentation benchmark scripts: JDK, PKU data location, built classes, jieba.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=../bin/find-jdk.sh
source "$root/bin/find-jdk.sh"
# a directory the user names is read from where they ran the script, and its absence is an error, not a skip
pku_given=${NLPIPE_PKU_DIR:-}
[[ -n $pku_given ]] && pku_given=$(readlink -m "$pku_given")
cd "$root"
pku=${pku_given:-../shared/data/sighan2005-pku}

# Exits 0 with a message when the SIGHAN 2005 PKU files are absent (a user's clone has no ../shared).
require_pku() {
  local f
  for f in pku_test.utf8 pku_test_gold.utf8 pku_training_words.utf8; do
    if [[ ! -f $pku/$f ]]; then
      if [[ -n $pku_given ]]; then
        echo "$(basename "$0"): error: NLPIPE_PKU_DIR=$pku_given has no $f (SIGHAN 2005 PKU data)" >&2
        exit 2
      fi
      echo "$(basename "$0"): skipped: $pku/$f not found (SIGHAN 2005 PKU data; set NLPIPE_PKU_DIR to its directory)" >&2
      exit 0
    fi
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
    grep -E '^\[ERROR\]' "$log" | head -20 >&2
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
