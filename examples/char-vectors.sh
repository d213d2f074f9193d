#!/usr/bin/env bash
# Character and character-bigram vectors for the Chinese character taggers (model.embeddings and
# model.bigramEmbeddings of ner.bilstm-crf, ner.lattice-lstm and ner.flat), learned by nlpipe's
# word2vec (skip-gram, 5 epochs, units seen at least twice) from the Chinese text of the shared data
# sets (examples/zh-text.sh: news, headlines, reviews, the four classic novels; about 9 M characters)
# plus the text of the bmes files given, such as the NER corpus's training split. The papers
# (Lattice LSTM, FLAT) started from Gigaword character and bigram vectors, which are not available
# here; these come from about 1 % of that much text.
#   examples/char-vectors.sh OUTPUT_PREFIX [BMES_FILE...]
# writes OUTPUT_PREFIX.char-vectors/ and OUTPUT_PREFIX.bigram-vectors/; then train with
#   --set model.embeddings=OUTPUT_PREFIX.char-vectors/vectors.bin
#   --set model.bigramEmbeddings=OUTPUT_PREFIX.bigram-vectors/vectors.bin
# DIM (default 50, the Resume examples' charDim and bigramDim) sets the size of both; DATA_DIR
# overrides ../shared/data. THREADS (default 1) sets word2vec's threads: with one, the same vectors
# come out of every run (so a tagger trained on them repeats its F1); more are faster but not repeatable.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[[ $# -ge 1 && $1 != -* ]] || { echo "usage: $0 OUTPUT_PREFIX [BMES_FILE...]" >&2; exit 2; }
out=$(realpath -m "$1")
shift
bmes=()
for f in "$@"; do
  [[ -f $f ]] || { echo "error: $f not found (expected a bmes file: a character and its tag per line)" >&2; exit 2; }
  bmes+=("$(realpath "$f")")
done
dim=${DIM:-50}
[[ -z ${DATA_DIR:-} ]] || export DATA_DIR=$(realpath -m "$DATA_DIR")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
examples/zh-text.sh "$work/text"
./nlpipe run examples/text-to-chars.yaml --input "$work/text" --output "$work/text.bmes" --quiet
awk -v chars="$work/chars.txt" -v bigrams="$work/bigrams.txt" -f examples/char-bigram-lines.awk "$work/text.bmes" "${bmes[@]}"
w2v=(--set tokenize.regex.lowercase=false --set model.dim="$dim" --set model.minCount=2 --set train.threads="${THREADS:-1}")
./nlpipe train examples/word2vec-en.yaml --output "$out.char-vectors" --set data.train="$work/chars.txt" "${w2v[@]}"
./nlpipe train examples/word2vec-en.yaml --output "$out.bigram-vectors" --set data.train="$work/bigrams.txt" "${w2v[@]}"
echo "character vectors: $out.char-vectors/vectors.bin, bigram vectors: $out.bigram-vectors/vectors.bin"
