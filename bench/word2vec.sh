#!/usr/bin/env bash
# word2vec training speed (words/s) and quality (analogy accuracy on questions-words with the 30,000
# most frequent words, Spearman's rho on WordSim-353) of nlpipe against gensim and fastText without
# subwords (and the original C tool when `word2vec` is on PATH), all with the same hyper-parameters
# (skip-gram, dim 100, window 5, negative 5, sample 1e-3, min count 5, alpha 0.025) on the same
# lowercased corpus in the same run. Prints each tool's figures and nlpipe's speed ratio against it.
# Peers that are not installed are skipped with a message. Timings hold the lock
# /tmp/nlpipe-bench.lock so that concurrent benchmarks on a shared machine do not overlap.
#
# Usage: bench/word2vec.sh [THREADS...]        (default: 1 2)
#   SET=en|zh         en: the English raw corpus, lowercased; evaluated on questions-words and WordSim-353
#                     zh: the four classic novels segmented with jieba (for every tool alike); evaluated
#                         on CA8 (morphological + semantic) and wordsim-240/297
#   CORPUS=DIR|FILE   another corpus (default: the set's)
#   EPOCHS=N          (default 5)   ARCH=skipgram|cbow (default skipgram)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=data-path.sh
source "$root/bench/data-path.sh"
set_name=${SET:-en}
data=../shared/data
case $set_name in
  en) corpus=$(bench_data_path CORPUS "$data/en-raw-corpus")
      eval_args=(--analogy "$data/questions-words/questions-words.txt" --similarity "$data/wordsim353/wordsim353.tsv")
      sims=(wordsim353) ;;
  zh) corpus=$(bench_data_path CORPUS "$data/zh-raw-novels")
      eval_args=(--analogy "$data/ca8/morphological.txt" --analogy "$data/ca8/semantic.txt"
                 --similarity "$data/wordsim-zh/wordsim-240.txt" --similarity "$data/wordsim-zh/wordsim-297.txt")
      sims=(wordsim-240 wordsim-297) ;;
  *) echo "SET must be en or zh" >&2; exit 2 ;;
esac
cd "$root"
epochs=${EPOCHS:-5}
arch=${ARCH:-skipgram}
threads_list=${*:-1 2}
[[ -e $corpus ]] || bench_data_absent CORPUS "$corpus" "not found"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3
lock() { flock /tmp/nlpipe-bench.lock "$@"; }

# One text file, one line per input line, read identically by every tool: lowercased (en) or
# segmented by jieba, words separated by spaces (zh).
if [[ $set_name == zh ]]; then
  if ! "$py" -c 'import jieba' 2> /dev/null; then
    echo "word2vec bench: SET=zh segments the corpus with jieba, which is not installed for $py; skipping"
    exit 0
  fi
  find "$corpus" -type f -name '*.txt' | sort | xargs cat | "$py" -c '
import sys, logging, jieba
jieba.setLogLevel(logging.WARNING)
for line in sys.stdin:
    words = [w for w in jieba.cut(line.strip()) if w.strip()]
    if words:
        print(" ".join(words))' > "$work/corpus.txt"
else
  find "$corpus" -type f -name '*.txt' | sort | xargs cat | "$py" -c 'import sys; sys.stdout.write(sys.stdin.read().lower())' > "$work/corpus.txt" 2>/dev/null \
    || find "$corpus" -type f -name '*.txt' | sort | xargs cat | tr '[:upper:]' '[:lower:]' > "$work/corpus.txt"
fi
echo "corpus: $corpus ($set_name), $(wc -w < "$work/corpus.txt") tokens; $arch, $epochs epochs, dim 100, window 5, negative 5, sample 1e-3, min count 5"

alpha=0.025; [[ $arch == cbow ]] && alpha=0.05
./nlpipe list tasks > /dev/null 2>&1 || true   # build once, outside the timings

quality() {  # $1 = vectors file; prints the analogy accuracy and each similarity set's rho
  local j=$work/eval.json
  if ./nlpipe eval embed --vectors "$1" "${eval_args[@]}" --json "$j" > /dev/null 2>&1; then
    "$py" -c '
import json, sys
r = json.load(open(sys.argv[1]))
rho = [r["similarity"][s]["spearman"] for s in sys.argv[2:]]
print(" ".join(["%.4f" % r["analogy"]["accuracy"]] + ["%.4f" % x if x is not None else "-" for x in rho]))' "$j" "${sims[@]}"
  else
    echo "- -"
  fi
}

printf '%-10s %7s %12s %14s %9s' tool threads words/s nlpipe/tool analogy; printf ' %12s' "${sims[@]}"; echo
for t in $threads_list; do
  lock ./nlpipe train examples/word2vec-en.yaml --output "$work/nlpipe-$t" --set data.train="$work/corpus.txt" \
    --set train.threads="$t" --set train.epochs="$epochs" --set model.arch="$arch" --set train.alpha=$alpha 2> "$work/nlpipe.log" \
    || { cat "$work/nlpipe.log"; exit 1; }
  ours=$(sed -n 's/.*"words_per_second" : \([0-9]*\).*/\1/p' "$work/nlpipe-$t/metrics.json")
  printf '%-10s %7d %12d %14s %9s %12s %12s\n' nlpipe "$t" "$ours" - $(quality "$work/nlpipe-$t/vectors.bin")

  if "$py" -c 'import gensim' 2> /dev/null; then
    read -r rate _ < <(lock "$py" bench/word2vec_gensim.py "$work/corpus.txt" "$t" "$epochs" "$arch" "$work/gensim.bin" 2> /dev/null)
    printf '%-10s %7d %12d %14.2f %9s %12s %12s\n' gensim "$t" "$rate" "$(echo "$ours / $rate" | bc -l)" $(quality "$work/gensim.bin")
  else
    echo "gensim: not installed for $py; skipped"
  fi

  if command -v fasttext > /dev/null; then
    lock fasttext "$arch" -input "$work/corpus.txt" -output "$work/fasttext" -dim 100 -ws 5 -neg 5 -loss ns -t 1e-3 -minCount 5 \
      -epoch "$epochs" -lr $alpha -minn 0 -maxn 0 -thread "$t" -verbose 2 > "$work/fasttext.log" 2>&1
    per=$(tr '\r' '\n' < "$work/fasttext.log" | sed -n 's/.*words\/sec\/thread: *\([0-9]*\).*/\1/p' | tail -1)
    rate=$((per * t))
    printf '%-10s %7d %12d %14.2f %9s %12s %12s\n' fasttext "$t" "$rate" "$(echo "$ours / $rate" | bc -l)" $(quality "$work/fasttext.vec")
  else
    echo "fasttext: not installed; skipped"
  fi

  if command -v word2vec > /dev/null; then
    cbow=0; [[ $arch == cbow ]] && cbow=1
    lock word2vec -train "$work/corpus.txt" -output "$work/c.bin" -cbow $cbow -size 100 -window 5 -negative 5 -hs 0 -sample 1e-3 \
      -min-count 5 -iter "$epochs" -alpha $alpha -threads "$t" -binary 1 > "$work/c.log" 2>&1
    per=$(tr '\r' '\n' < "$work/c.log" | sed -n 's/.*Words\/thread\/sec: *\([0-9.]*\)k.*/\1/p' | tail -1)
    rate=$(echo "$per * 1000 * $t" | bc -l | cut -d. -f1)
    printf '%-10s %7d %12d %14.2f %9s %12s %12s\n' c-tool "$t" "$rate" "$(echo "$ours / $rate" | bc -l)" $(quality "$work/c.bin")
  else
    echo "c-tool: 'word2vec' (the original C tool) not on PATH; skipped"
  fi
done
