# shellcheck shell=bash
# Sourced by ./nlpipe, ./run-tests and the bench scripts that build: one Maven build at a time in this checkout. The launcher's
# rebuild and the test suite write the same target/ directories, and two builds interleaving there
# leave half-written classes behind. Without flock (macOS) nothing is locked.

nlpipe_build_lock() {  # $1 = checkout root, $2 = who waits (for the message); holds it until nlpipe_build_unlock or the shell's exit
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$1/target"
  exec 9>"$1/target/build.lock"
  if ! flock -n 9; then
    echo "$2: another build or test run is using this checkout; waiting for it to finish ..." >&2
    flock 9
  fi
}

nlpipe_build_unlock() {  # closes the lock's descriptor, so a process started afterwards (exec java ...) does not hold it
  exec 9>&-
}

nlpipe_locked_mvn() {  # $1 = checkout root, $2 = who waits, then mvn's arguments: a build under the checkout's lock
  local root=$1 who=$2 status=0
  shift 2
  nlpipe_build_lock "$root" "$who"
  # a package rewrites cli/target/nlpipe.jar in place: the launcher's mark makes a build cut short be done again
  [[ " $* " == *" package "* ]] && mkdir -p "$root/cli/target" && touch "$root/cli/target/.nlpipe-build-unfinished"
  (cd "$root" && mvn "$@") || status=$?
  [[ $status -eq 0 && " $* " == *" package "* ]] && rm -f "$root/cli/target/.nlpipe-build-unfinished"
  nlpipe_build_unlock
  return "$status"
}
