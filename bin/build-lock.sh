# shellcheck shell=bash
# Sourced by ./nlpipe, ./run-tests and the bench scripts that build: one Maven build at a time in this checkout. The launcher's
# rebuild and the test suite write the same target/ directories, and two builds interleaving there
# leave half-written classes behind. Without flock (macOS) nothing is locked.

nlpipe_can_build() {  # $1 = checkout root: whether this user may write its target/ (not in a checkout another user built)
  mkdir -p "$1/target" 2>/dev/null && [[ -w $1/target ]]
}

# $1 = checkout root, $2 = who waits (for the message); holds it until nlpipe_build_unlock or the shell's exit.
# Returns 1 in a checkout this user cannot build in (nlpipe_can_build), once a build there has finished.
nlpipe_build_lock() {
  local lock=$1/target/build.lock status=0
  nlpipe_can_build "$1" || status=1
  if command -v flock >/dev/null 2>&1; then
    if (( status == 0 )); then
      exec 9>"$lock"
    elif [[ -r $lock ]]; then
      # flock needs only read access: a user of another's checkout still waits until the owner's build has rewritten the jar
      exec 9<"$lock"
    else
      return 1
    fi
    if ! flock -n 9; then
      echo "$2: another build or test run is using this checkout; waiting for it to finish ..." >&2
      flock 9
    fi
  fi
  return "$status"
}

nlpipe_build_unlock() {  # closes the lock's descriptor, so a process started afterwards (exec java ...) does not hold it
  exec 9>&-
}

nlpipe_cannot_build() {  # $1 = checkout root, $2 = who builds: why a build cannot start here, and what to do instead
  echo "$2: cannot build in $1: this user cannot write $1/target (the checkout belongs to another user, or is read-only);" \
    "build in a clone of your own (git clone $1), or ask the checkout's owner to build it (./nlpipe --version there)" >&2
}

nlpipe_require_mvn() {  # $1 = who builds: returns 3, saying to install Maven, where no mvn is on the PATH
  command -v mvn >/dev/null 2>&1 && return 0
  echo "$1: building needs Apache Maven 3.8 or newer ('mvn' on the PATH): install it (e.g. apt install maven) and run again" >&2
  return 3
}

nlpipe_build_start() {  # $1 = checkout root, $2 = who builds: Maven present and the lock held, else the reason and status 3
  nlpipe_require_mvn "$2" || return
  nlpipe_build_lock "$1" "$2" || { nlpipe_cannot_build "$1" "$2"; return 3; }
}

nlpipe_locked_mvn() {  # $1 = checkout root, $2 = who waits, then mvn's arguments: a build under the checkout's lock
  local root=$1 who=$2 status=0
  shift 2
  nlpipe_build_start "$root" "$who" || return
  # a package rewrites cli/target/nlpipe.jar in place: the launcher's mark makes a build cut short be done again
  [[ " $* " == *" package "* ]] && mkdir -p "$root/cli/target" && touch "$root/cli/target/.nlpipe-build-unfinished"
  (cd "$root" && mvn "$@") || status=$?
  [[ $status -eq 0 && " $* " == *" package "* ]] && rm -f "$root/cli/target/.nlpipe-build-unfinished"
  nlpipe_build_unlock
  return "$status"
}
