# shellcheck shell=bash
# Shared by bench/tokenizer.sh and bench/tokenizer-parity.sh: JDK, corpora, the test classes of pipeline-nn and
# their class path (DJL's Hugging Face tokenizers and the tokenizer.json files come from test-scoped dependencies).
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=../bin/find-jdk.sh
source "$root/bin/find-jdk.sh"
# shellcheck source=data-path.sh
source "$root/bench/data-path.sh"
zh=$(bench_data_path NLPIPE_ZH_RAW ../shared/data/zh-raw-novels)
en=$(bench_data_path NLPIPE_EN_RAW ../shared/data/en-raw-corpus)
cd "$root"
# shellcheck source=whole-numbers.sh
source "$root/bench/whole-numbers.sh"

# Exits when a raw corpus is absent: skipped where a user's clone has no ../shared, an error where the user named it.
require_corpora() {
  compgen -G "$zh/*.txt" > /dev/null || bench_data_absent NLPIPE_ZH_RAW "$zh" "no .txt files (raw Chinese text)"
  compgen -G "$en/*.txt" > /dev/null || bench_data_absent NLPIPE_EN_RAW "$en" "no .txt files (raw English text)"
}

# Compiles pipeline-nn with its tests and sets bench_cp to run its benchmark classes. One Maven run, so that
# pipeline-core resolves to its freshly compiled classes, never to an installed jar.
build_bench() {
  local deps
  deps=$(mktemp)
  # shellcheck source=../bin/build-lock.sh
  source bin/build-lock.sh
  # shellcheck disable=SC2086 # NLPIPE_MVN_OPTS holds several options
  nlpipe_locked_mvn . bench -q -B -ntp -Dstyle.color=never ${NLPIPE_MVN_OPTS:-} -pl pipeline-nn -am test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$deps" 2>&1 \
    | grep -v -e $'^\e\[0m' -e 'sun.misc.Unsafe' -e 'terminally deprecated' -e 'Please consider reporting' -e 'will be removed in a future' >&2 || true
  if [[ ! -s $deps ]]; then
    echo "$(basename "$0"): the build failed; run 'mvn -pl pipeline-nn -am test-compile' to see why" >&2
    exit 3
  fi
  bench_cp="pipeline-nn/target/test-classes:pipeline-nn/target/classes:$(cat "$deps")"
  rm -f "$deps"
}

# Serializes timing runs between sessions sharing the machine.
timed() {
  if command -v flock > /dev/null; then
    flock /tmp/nlpipe-bench.lock "$@"
  else
    "$@"
  fi
}
