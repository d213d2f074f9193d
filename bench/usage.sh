# shellcheck shell=bash
# Sourced first by every benchmark script: `-h` or `--help` prints the script's header comment (what
# it measures, its usage and defaults) and exits 0, before any lock, build or run; an argument taken
# for a path or a count would otherwise start an hour-long run or fail in the middle of one.
# `bench_usage` prints the script's usage line to standard error and exits 2: a wrong argument.
bench_usage() {
  sed -n 's/^# Usage: /usage: /p' "$0" >&2
  exit 2
}

bench_help() {
  case ${1:-} in
    -h|--help) sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p;}' "$0"; exit 0 ;;
  esac
}
