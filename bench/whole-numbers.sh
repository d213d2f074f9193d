# shellcheck shell=bash
# Sourced by the benchmark scripts whose arguments are counts: `whole_numbers MIN VALUE...` exits 2
# with the script's usage line when a VALUE is not a whole number of at least MIN (a typo such as
# `1k` otherwise ends in a stack trace, or in an awk or bc loop that never stops). Needs
# bench/usage.sh, which every benchmark sources first.
whole_numbers() {
  local min=$1 v
  shift
  for v in "$@"; do
    if [[ ! $v =~ ^[0-9]+$ ]] || (( 10#$v < min )); then
      echo "$(basename "$0"): '$v' is not a whole number of at least $min" >&2
      bench_usage
    fi
  done
}
