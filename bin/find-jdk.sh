# shellcheck shell=bash
# Sourced by ./nlpipe, ./run-tests and .ci/run: finds a JDK >= 21 and exports JAVA_HOME.
# Order: JAVA_HOME if it is new enough, else the newest JDK under the system JVM directories,
# else the JDK of the `javac` on PATH if it is new enough (a JDK, not a JRE: the launcher builds).
# Fails with a clear message otherwise.

nlpipe_java_major() {  # $1 = JDK home; prints its major version or nothing
  local home=$1 v=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -f "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z $v ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  v=${v#1.}
  printf '%s\n' "${v%%[.+-]*}"
}

nlpipe_java_home_problem() {  # $1 = a JAVA_HOME that was passed over: prints why, for the message
  local v
  if [[ ! -d $1 ]]; then
    echo "JAVA_HOME=$1 does not exist."
    return 0
  fi
  v=$(nlpipe_java_major "$1")
  if [[ -z $v ]]; then
    echo "JAVA_HOME=$1 has no bin/java (not a JDK's home)."
  elif [[ ! -x $1/bin/javac ]]; then
    echo "JAVA_HOME=$1 is Java $v without bin/javac (a JRE, not a JDK)."
  else
    echo "JAVA_HOME=$1 is Java $v."
  fi
}

nlpipe_find_jdk() {
  local need=21 best="" best_v=0 v home
  if [[ -n ${JAVA_HOME:-} ]]; then
    v=$(nlpipe_java_major "$JAVA_HOME")
    if [[ -n $v && $v -ge $need && -x "$JAVA_HOME/bin/javac" ]]; then
      printf '%s\n' "$JAVA_HOME"; return 0
    fi
  fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d $home && ! -L $home ]] || continue
    v=$(nlpipe_java_major "$home")
    if [[ -n $v && $v -ge $need && $v -gt $best_v && -x "$home/bin/javac" ]]; then
      best=$home; best_v=$v
    fi
  done
  if [[ -z $best ]] && command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(nlpipe_java_major "$home")
    if [[ -n $v && $v -ge $need ]]; then best=$home; fi
  fi
  if [[ -z $best ]]; then
    {
      echo "nlpipe needs a JDK $need or newer, and none was found."
      [[ -n ${JAVA_HOME:-} ]] && echo "  $(nlpipe_java_home_problem "$JAVA_HOME")"
      echo "  Looked in /usr/lib/jvm, /usr/java, /opt/java and for javac on PATH (a JDK is needed, not only a JRE: nlpipe builds itself)."
      echo "  Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME to it."
    } >&2
    return 1
  fi
  printf '%s\n' "$best"
}

JAVA_HOME=$(nlpipe_find_jdk) || exit 2
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
