#!/usr/bin/env bash
# CoNLL-2003 English NER with word vectors that nlpipe learns from the CoNLL training text itself
# (no external data or embeddings): the training sentences are lowercased with digits as 0, word2vec
# (skip-gram, 100 dimensions, 20 epochs) is trained on them, then examples/ner-conll2003.yaml is
# trained with those vectors as its initial word embeddings (its word dropout 0.1 makes the tagger
# also learn from the character and shape features that unseen words still have). Results:
# docs/benchmarks.md.
#   examples/ner-conll2003-vectors.sh [OUTPUT_DIR] [--train-dev] [--set key=value ...]
# OUTPUT_DIR (default models/ner-conll2003-vectors) receives the tagger; the vectors go to
# OUTPUT_DIR.vectors. --train-dev trains on eng.train and eng.testa together (the final-model
# practice of Chiu & Nichols and others): with no dev set left to pick an epoch, all 40 epochs run
# and the last epoch's moving average of the weights (train.averageDecay 0.999) is kept. Extra --set
# options are passed to the NER training. CONLL_DIR overrides the data directory (default
# ../shared/data/conll2003).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/models/ner-conll2003-vectors
train_dev=false
while [[ $# -gt 0 && $1 != --set ]]; do
  case $1 in
    --train-dev) train_dev=true ;;
    -*) echo "error: unknown option $1; usage: $0 [OUTPUT_DIR] [--train-dev] [--set key=value ...]" >&2; exit 2 ;;
    *) out=$(realpath -m "$1") ;;  # read from where the script is called
  esac
  shift
done
data=$(realpath -m "${CONLL_DIR:-$root/../shared/data/conll2003}")
# the --set values and the examples' own paths are read from the repository, as in the docs' commands
cd "$root"
if [[ ! -f $data/eng.train ]]; then
  echo "error: $data/eng.train not found; set CONLL_DIR to the directory holding eng.train, eng.testa and eng.testb" >&2
  exit 2
fi
vectors=$out.vectors
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tokens=$work/tokens.txt
train=$data/eng.train
splits=(--set data.dev="$data/eng.testa")
if $train_dev; then
  # beside the output, not in the temporary directory: the checkpoint names this file, so an
  # interrupted run continues when the script is run again
  train=$out.train-dev.conll
  cat "$data/eng.train" "$data/eng.testa" > "$train"
  splits=(--set data.dev= --set train.averageDecay=0.999)
fi
# one sentence per line, -DOCSTART- lines dropped, lowercased, digits as 0 (the tagger's own lookup keys)
awk 'NF == 0 { if (l != "") { print l; l = "" }; next }
     $1 == "-DOCSTART-" { next }
     { w = tolower($1); gsub(/[0-9]/, "0", w); l = (l == "" ? w : l " " w) }
     END { if (l != "") print l }' "$train" > "$tokens"
./nlpipe train examples/word2vec-en.yaml --output "$vectors" --set data.train="$tokens" \
    --set model.minCount=1 --set model.sample=0 --set train.epochs=20 --set train.threads=1
./nlpipe train examples/ner-conll2003.yaml --output "$out" --set model.embeddings="$vectors/vectors.bin" \
    --set data.train="$train" "${splits[@]}" --set data.test="$data/eng.testb" "$@"
if $train_dev; then
  rm -f "$train"
fi
