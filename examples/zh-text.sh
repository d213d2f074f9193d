#!/usr/bin/env bash
# Writes the plain Chinese text of the shared data sets into a directory, one text per line and one
# file per source, labels and ids dropped: the THUCNews news sample and titles, the TNEWS headlines,
# the ChnSentiCorp reviews and the four classic novels (about 9 M characters). The word2vec scripts
# (lexicon-vectors.sh, char-vectors.sh) learn from it.
#   examples/zh-text.sh OUTPUT_DIR
# DATA_DIR overrides ../shared/data.
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 OUTPUT_DIR" >&2; exit 2; }
out=$1
data=${DATA_DIR:-$(dirname "$0")/../../shared/data}
for f in thucnews-cnews-sample/cnews.sample1000.txt thucnews-titles/dev.txt tnews/train.tsv chnsenticorp/train.tsv \
         zh-raw-novels/xiyouji.txt; do
  [[ -f $data/$f ]] || { echo "error: $data/$f not found; set DATA_DIR to the shared data directory" >&2; exit 2; }
done
mkdir -p "$out"
# news "label<TAB>text", titles "text<TAB>label", TNEWS "text<TAB>label", ChnSentiCorp "label<TAB>text" (header line skipped)
cut -f2- "$data/thucnews-cnews-sample/cnews.sample1000.txt" > "$out/news.txt"
for f in thucnews-titles/train.txt thucnews-titles/dev.txt thucnews-titles/test.txt; do
  [[ -f $data/$f ]] && cut -f1 "$data/$f"
done > "$out/titles.txt"
cut -f1 "$data/tnews/train.tsv" > "$out/tnews.txt"
tail -n +2 "$data/chnsenticorp/train.tsv" | cut -f2- > "$out/reviews.txt"
# written as new files of this user's default mode: cp gave them the shared data's read-only one, and
# the next run into this directory could not overwrite them
for f in "$data"/zh-raw-novels/*.txt; do
  rm -f "$out/${f##*/}"
  cat "$f" > "$out/${f##*/}"
done
