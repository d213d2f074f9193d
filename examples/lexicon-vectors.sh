#!/usr/bin/env bash
# Word vectors for the lexicon of lattice NER models (ner.lattice-lstm: model.lexiconVectors),
# learned by nlpipe from the Chinese text under ../shared/data: the THUCNews news sample and titles,
# the TNEWS headlines, the ChnSentiCorp reviews and the four classic novels (about 9 M characters).
# The text is segmented by HanLP (segment.hanlp, the same dictionary the default lexicon uses), then
# word2vec (skip-gram, 50 dimensions, 5 epochs, words seen at least twice) learns one vector per word.
# The papers used ctb.50d.vec (Gigaword); it is not available here, so these are much weaker vectors
# from about 1 % of that text.
#   examples/lexicon-vectors.sh [OUTPUT_DIR]          (default models/lexicon-vectors)
# then train with --set model.lexiconVectors=OUTPUT_DIR/vectors.bin
# DATA_DIR overrides ../shared/data.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=${1:-models/lexicon-vectors}
data=${DATA_DIR:-../shared/data}
for f in thucnews-cnews-sample/cnews.sample1000.txt thucnews-titles/dev.txt tnews/train.tsv chnsenticorp/train.tsv \
         zh-raw-novels/xiyouji.txt; do
  [[ -f $data/$f ]] || { echo "error: $data/$f not found; set DATA_DIR to the shared data directory" >&2; exit 2; }
done
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# one text per line, labels and ids dropped: news "label<TAB>text", titles "text<TAB>label",
# TNEWS "text<TAB>label", ChnSentiCorp "label<TAB>text" (header line skipped)
cut -f2- "$data/thucnews-cnews-sample/cnews.sample1000.txt" > "$work/news.txt"
for f in thucnews-titles/train.txt thucnews-titles/dev.txt thucnews-titles/test.txt; do
  [[ -f $data/$f ]] && cut -f1 "$data/$f"
done > "$work/titles.txt"
cut -f1 "$data/tnews/train.tsv" > "$work/tnews.txt"
tail -n +2 "$data/chnsenticorp/train.tsv" | cut -f2- > "$work/reviews.txt"
cp "$data"/zh-raw-novels/*.txt "$work/"
./nlpipe train examples/word2vec-zh.yaml --output "$out" --set data.train="$work" \
    --set model.dim=50 --set model.minCount=2 "${@:2}"
echo "lexicon vectors: $out/vectors.bin (use --set model.lexiconVectors=$out/vectors.bin)"
