#!/usr/bin/env bash
# Word segmentation accuracy on SIGHAN 2005 PKU: every backend through nlpipe and called directly
# (same scorer, same run), and Python jieba through `nlpipe eval segment --pred`.
#   bench/segment-accuracy.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"
require_pku
build_bench
"$JAVA_HOME/bin/java" -Xss8m -cp "$bench_cp" dev.nlpipe.core.bench.SegmentAccuracy \
  "$pku/pku_test_gold.utf8" "$pku/pku_training_words.utf8" examples/segment-pku.yaml
if have_jieba; then
  pred=$(mktemp "${TMPDIR:-/tmp}/jieba-pku.XXXXXX")
  trap 'rm -f "$pred"' EXIT
  /usr/bin/python3 bench/jieba_segment.py segment "$pku/pku_test.utf8" "$pred"
  echo "jieba 0.42 (Python, default mode), scored by nlpipe eval segment --pred:"
  ./nlpipe eval segment --gold "$pku/pku_test_gold.utf8" --pred "$pred" --words "$pku/pku_training_words.utf8" | grep -E 'precision|recall|F1'
fi
