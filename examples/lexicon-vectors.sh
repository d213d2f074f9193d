#!/usr/bin/env bash
# Word vectors for the lexicon of lattice NER models (ner.lattice-lstm: model.lexiconVectors),
# learned by nlpipe from the Chinese text under ../shared/data: the THUCNews news sample and titles,
# the TNEWS headlines, the ChnSentiCorp reviews and the four classic novels (about 9 M characters,
# as examples/zh-text.sh writes them). The text is segmented by HanLP (segment.hanlp, the same
# dictionary the default lexicon uses), then word2vec (skip-gram, 50 dimensions, 5 epochs, words
# seen at least twice) learns one vector per word. The papers used ctb.50d.vec (Gigaword); it is
# not available here, so these are much weaker vectors from about 1 % of that text.
#   examples/lexicon-vectors.sh [OUTPUT_DIR [TRAIN_OPTION...]]     (default models/lexicon-vectors)
# then train with --set model.lexiconVectors=OUTPUT_DIR/vectors.bin. TRAIN_OPTIONs go to the word2vec
# training after this script's own (--set train.epochs=10 overrides the config's 5 epochs).
# DATA_DIR overrides ../shared/data. THREADS (default 1) sets word2vec's threads: with one, the same
# vectors come out of every run; more are faster but not repeatable.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# an option first would be taken for the output directory (and given to realpath as one of its own)
[[ ${1:-} != -* ]] || { echo "usage: $0 [OUTPUT_DIR [TRAIN_OPTION...]]  (TRAIN_OPTIONs such as --set train.epochs=10 go to nlpipe train)" >&2; exit 2; }
# paths given are read from where the script is called, the defaults from the repository
out=$(realpath -m "${1:-$root/models/lexicon-vectors}")
[[ -z ${DATA_DIR:-} ]] || export DATA_DIR=$(realpath -m "$DATA_DIR")
cd "$root"
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
examples/zh-text.sh "$work"
./nlpipe train examples/word2vec-zh.yaml --output "$out" --set data.train="$work" \
    --set model.dim=50 --set model.minCount=2 --set train.threads="${THREADS:-1}" "${@:2}"
echo "lexicon vectors: $out/vectors.bin (use --set model.lexiconVectors=$out/vectors.bin)"
