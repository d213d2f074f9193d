# shellcheck shell=bash
# Sourced by ./nlpipe and ./run-tests: one Maven build at a time in this checkout. The launcher's
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
