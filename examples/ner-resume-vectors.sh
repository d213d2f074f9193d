#!/usr/bin/env bash
# A lexicon-enhanced Resume NER example trained with pretrained vectors learned here, as the papers
# started from Gigaword vectors (not available here): character and bigram vectors from the shared
# Chinese text plus Resume's training split (examples/char-vectors.sh) and word vectors for the
# lexicon (examples/lexicon-vectors.sh), each learned once by word2vec on one thread (so the same
# vectors every run) and reused when they exist, then
#   ./nlpipe train CONFIG --output OUTPUT_DIR --set model.embeddings=... --set model.bigramEmbeddings=...
#       --set model.lexiconVectors=... [your --set options]
#   examples/ner-resume-vectors.sh CONFIG [OUTPUT_DIR] [--set key=value ...]
# CONFIG: examples/ner-lattice-resume.yaml, ner-flat-resume.yaml or ner-flat-bert-resume.yaml (charDim,
# bigramDim and wordDim 50, the vectors' size). OUTPUT_DIR defaults to models/NAME-vectors in the
# repository. The vectors go to VECTORS_DIR (default the repository's models/): resume.char-vectors/,
# resume.bigram-vectors/, lexicon-vectors/. Resume is read from DATA_DIR/resume-ner (DATA_DIR defaults
# to ../shared/data beside the repository) for the vectors and the training alike.
# The Lattice LSTM example with these vectors scored 94.55 +- 0.26 test F1 over four seeds
# (docs/benchmarks.md, Resume).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
usage="usage: $0 CONFIG [OUTPUT_DIR] [--set key=value ...]"
[[ $# -ge 1 && $1 != -* ]] || { echo "$usage" >&2; exit 2; }
config=$(realpath -m "$1")
shift
[[ -f $config ]] || { echo "error: $config not found; give a Resume NER configuration such as examples/ner-lattice-resume.yaml" >&2; exit 2; }
out=$root/models/$(basename "$config" .yaml)-vectors
if [[ $# -gt 0 && $1 != --set ]]; then
  [[ $1 == -* ]] && { echo "error: unknown option $1; $usage" >&2; exit 2; }
  out=$1
  shift
fi
out=$(realpath -m "$out")
data=$(realpath -m "${DATA_DIR:-$root/../shared/data}")
train=$data/resume-ner/train.char.bmes
[[ -f $train ]] || { echo "error: $train not found; set DATA_DIR to the directory holding resume-ner/" >&2; exit 2; }
vectors=$(realpath -m "${VECTORS_DIR:-$root/models}")
mkdir -p "$vectors"
cd "$root"
if [[ ! -f $vectors/resume.char-vectors/vectors.bin || ! -f $vectors/resume.bigram-vectors/vectors.bin ]]; then
  DATA_DIR=$data examples/char-vectors.sh "$vectors/resume" "$train"
fi
if [[ ! -f $vectors/lexicon-vectors/vectors.bin ]]; then
  DATA_DIR=$data examples/lexicon-vectors.sh "$vectors/lexicon-vectors"
fi
./nlpipe train "$config" --output "$out" \
    --set data.train="$train" --set data.dev="$data/resume-ner/dev.char.bmes" --set data.test="$data/resume-ner/test.char.bmes" \
    --set model.embeddings="$vectors/resume.char-vectors/vectors.bin" \
    --set model.bigramEmbeddings="$vectors/resume.bigram-vectors/vectors.bin" \
    --set model.lexiconVectors="$vectors/lexicon-vectors/vectors.bin" "$@"
