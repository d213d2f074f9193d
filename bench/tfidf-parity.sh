#!/usr/bin/env bash
# Reproduces scikit-learn's TF-IDF reference files in ../shared/parity with nlpipe and reports,
# per file, whether the vocabulary is identical and the largest absolute difference (must be <= 1e-9).
# Usage: bench/tfidf-parity.sh [PARITY_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
refs=${1:-../shared/parity}
if [[ ! -d $refs ]]; then
  echo "skipped: $refs not found (the parity references live in ../shared/parity)"; exit 0
fi
./nlpipe eval tfidf-parity "$refs" --tolerance 1e-9
