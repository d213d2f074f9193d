#!/usr/bin/env bash
# MSRA Chinese NER with character and character-bigram vectors that nlpipe learns from the MSRA
# training text itself (no external data or embeddings), the way the published BiLSTM-CRF baselines
# start from pretrained character and bigram vectors: the training sentences are written out once as
# characters and once as bigrams (digits as 0, the tagger's own lookup keys), word2vec (skip-gram,
# 5 epochs) learns 100-dimensional character and 50-dimensional bigram vectors from them, then
# examples/ner-msra.yaml is trained with those vectors as its initial embeddings and these changes:
# all of the training sentences are trained on (MSRA has no dev split; the last epoch's moving
# average of the weights is kept), Adam's rate starts at 1.5e-3 and falls linearly to 0 over 10
# epochs, embedding rows are updated only when a batch reads them (train.sparseEmbeddings) and a
# bigram is read as unknown with chance 0.1 (model.bigramDropout). 92.24 test F1 in our run;
# details in docs/benchmarks.md. --set train.devFraction=0.05 holds out 5 % as dev data instead
# (dev scores per epoch, the best epoch kept).
#   examples/ner-msra-vectors.sh [OUTPUT_DIR] [--set key=value ...]
# OUTPUT_DIR (default models/ner-msra-vectors) receives the tagger; the vectors go to
# OUTPUT_DIR.char-vectors and OUTPUT_DIR.bigram-vectors. Extra --set options are passed to the NER
# training and override the ones above. MSRA_DIR overrides the data directory (default
# ../shared/data/msra-ner).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/models/ner-msra-vectors
if [[ $# -gt 0 && $1 != --set ]]; then
  [[ $1 == -* ]] && { echo "error: unknown option $1; usage: $0 [OUTPUT_DIR] [--set key=value ...]" >&2; exit 2; }
  out=$(realpath -m "$1")  # read from where the script is called
  shift
fi
data=$(realpath -m "${MSRA_DIR:-$root/../shared/data/msra-ner}")
# the --set values and the examples' own paths are read from the repository, as in the docs' commands
cd "$root"
for split in train test; do
  if [[ ! -f $data/$split.txt ]]; then
    echo "error: $data/$split.txt not found; set MSRA_DIR to the directory holding train.txt and test.txt" >&2
    exit 2
  fi
done
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# one sentence per line: its characters, and its bigrams (each character with the next, the last
# with </s>, as the tagger forms them), separated by spaces
awk -v chars="$work/chars.txt" -v bigrams="$work/bigrams.txt" -f examples/char-bigram-lines.awk "$data/train.txt"
w2v=(--set tokenize.regex.lowercase=false --set model.minCount=1 --set train.threads=1)
./nlpipe train examples/word2vec-en.yaml --output "$out.char-vectors" --set data.train="$work/chars.txt" "${w2v[@]}"
./nlpipe train examples/word2vec-en.yaml --output "$out.bigram-vectors" --set data.train="$work/bigrams.txt" \
    --set model.dim=50 "${w2v[@]}"
# the tagger reads the same directory as the vectors (examples/ner-msra.yaml names the shared one)
./nlpipe train examples/ner-msra.yaml --output "$out" --set data.train="$data/train.txt" --set data.test="$data/test.txt" \
    --set model.embeddings="$out.char-vectors/vectors.bin" \
    --set model.bigramEmbeddings="$out.bigram-vectors/vectors.bin" --set train.devFraction=0 --set train.lr=0.0015 \
    --set train.schedule=linear --set train.epochs=10 --set train.sparseEmbeddings=true --set model.bigramDropout=0.1 "$@"
