#!/usr/bin/env bash
# TF-IDF fit + transform throughput on the largest corpus in ../shared/data (the English raw
# corpus, ~161k non-empty lines, 20.6 MB): nlpipe (in memory, like scikit-learn's fit_transform)
# next to scikit-learn 1.2.1 in the same run, with the ratio, peak heap, and a check that both
# produce the same vocabulary, non-zeros and values (checksums over the whole matrix).
# Usage: bench/tfidf-speed.sh [THREADS] [REPEATS]      (runs under flock /tmp/nlpipe-bench.lock)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]] && command -v flock >/dev/null; then
  export NLPIPE_BENCH_LOCKED=1
  exec flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=data-path.sh
source "$root/bench/data-path.sh"
corpus=$(bench_data_path NLPIPE_BENCH_CORPUS ../shared/data/en-raw-corpus)
cd "$root"
threads=${1:-2}
repeats=${2:-3}
# shellcheck source=whole-numbers.sh
source "$root/bench/whole-numbers.sh"; whole_numbers 1 "$threads" "$repeats"
[[ -d $corpus ]] || bench_data_absent NLPIPE_BENCH_CORPUS "$corpus" "no such directory (raw English text)"
./nlpipe --version >/dev/null   # builds the jar if needed
source bin/find-jdk.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== nlpipe (threads $threads, best of $repeats, -Xmx2g)"
"$JAVA_HOME/bin/java" -Xmx2g -cp cli/target/nlpipe.jar dev.nlpipe.cli.bench.TfidfBench "$corpus" "$threads" "$repeats" | tee "$work/nlpipe.txt"

if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  echo "skipped scikit-learn: /usr/bin/python3 has no sklearn (apt-get install python3-sklearn)"; exit 0
fi
echo "== scikit-learn $(/usr/bin/python3 -c 'import sklearn; print(sklearn.__version__)') (best of $repeats)"
/usr/bin/python3 bench/tfidf_sklearn.py "$corpus" "$repeats" | tee "$work/sklearn.txt"

val() { sed -n "s/^$1 //p" "$2"; }
echo "== comparison"
awk -v a="$(val docs_per_second "$work/nlpipe.txt")" -v b="$(val docs_per_second "$work/sklearn.txt")" \
  'BEGIN { printf "throughput ratio (nlpipe / scikit-learn): %.2fx\n", a / b }'
same=yes
for key in vocabulary vocabulary_sha256 nnz; do
  [[ $(val $key "$work/nlpipe.txt") == "$(val $key "$work/sklearn.txt")" ]] || { echo "DIFFERENT $key"; same=no; }
done
for key in sum_values sum_weighted; do
  a=$(val $key "$work/nlpipe.txt"); b=$(val $key "$work/sklearn.txt")
  awk -v a="$a" -v b="$b" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= 1e-6 * (b < 0 ? -b : b) + 1e-6) }' || { echo "DIFFERENT $key: $a vs $b"; same=no; }
done
echo "identical vocabulary, non-zeros and value checksums: $same"
[[ $same == yes ]]
