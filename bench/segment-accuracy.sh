#!/usr/bin/env bash
# Word segmentation accuracy on SIGHAN 2005 PKU: every backend through nlpipe and called directly
# (same scorer, same run); Python jieba through `nlpipe eval segment --pred`; and the bakeoff's
# maximum-matching baseline, whose scores the data's README reports (a check of the scorer).
# Usage: bench/segment-accuracy.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/segment-common.sh"
require_pku
build_bench
"$JAVA_HOME/bin/java" -Xss8m -cp "$bench_cp" dev.nlpipe.core.bench.SegmentAccuracy \
  "$pku/pku_test_gold.utf8" "$pku/pku_training_words.utf8" examples/segment-pku.yaml
pred=$(mktemp "${TMPDIR:-/tmp}/pku-pred.XXXXXX")
trap 'rm -f "$pred"' EXIT
score() {
  ./nlpipe eval segment --gold "$pku/pku_test_gold.utf8" --pred "$pred" --words "$pku/pku_training_words.utf8" \
    | grep -E 'predicted words|precision|recall|F1|OOV rate' | tr -s ' ' | paste -sd ';' -
}
if have_jieba; then
  /usr/bin/python3 bench/jieba_segment.py segment "$pku/pku_test.utf8" "$pred"
  echo "jieba 0.42 (Python, default mode): $(score)"
fi
if [[ -x /usr/bin/python3 ]]; then
  /usr/bin/python3 bench/maxmatch_baseline.py "$pku/pku_training_words.utf8" "$pku/pku_test.utf8" "$pred"
  echo "maximum matching baseline: $(score)"
  echo "  (the data's README reports R 0.907, P 0.843, F 0.874, OOV rate 0.058, OOV recall 0.069, IV recall 0.958, 112281 words)"
fi
