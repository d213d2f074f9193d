#!/usr/bin/env bash
# Reproduces scikit-learn's TF-IDF reference files in ../shared/parity with nlpipe and reports,
# per file, whether the vocabulary is identical and the largest absolute difference (must be <= 1e-9).
# Usage: bench/tfidf-parity.sh [PARITY_DIR]
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
root=$(cd "$(dirname "$0")/.." && pwd)
refs=${1:+$(readlink -m "$1")}   # a directory given is read from where the script was run
cd "$root"
if [[ -n $refs && ! -d $refs ]]; then
  echo "error: $refs not found" >&2; exit 2
fi
refs=${refs:-../shared/parity}
if [[ ! -d $refs ]]; then
  echo "skipped: $refs not found (the parity references live in ../shared/parity)"; exit 0
fi
./nlpipe eval tfidf-parity "$refs" --tolerance 1e-9
