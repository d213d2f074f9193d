# shellcheck shell=bash
# Sourced by the benchmark scripts that take a data set's path from the environment. A path the user sets is
# read from where they ran the script, and its absence is an error: they meant that data. The default under
# ../shared/data is absent from a user's clone, and its absence skips the benchmark.

bench_data_path() {  # $1 = the variable's name, $2 = its default, relative to the checkout: prints the path to read (call it before cd)
  if [[ -n ${!1:-} ]]; then
    readlink -m -- "${!1}"
  else
    printf '%s\n' "$2"
  fi
}

bench_data_absent() {  # $1 = the variable's name, $2 = the path read, $3 = what is missing there,
                       # $4 = where to get the default (a public data set's hint unless given): exits 2 if the user set it, else 0
  if [[ -n ${!1:-} ]]; then
    echo "$(basename "$0"): error: $1=$2: $3" >&2
    exit 2
  fi
  echo "$(basename "$0"): skipped: $2: $3 ${4:-(the public data sets live in ../shared/data; set $1 to another copy)}" >&2
  exit 0
}
