#!/usr/bin/env bash
# Lexicon matching speed: every word of HanLP's core dictionary (2-10 characters) found in each
# sentence of a character-per-line NER file, by nlpipe's Lexicon (HanLP's Aho-Corasick double-array
# trie, one pass per sentence) and by HanLP's core-dictionary trie searched for common prefixes at
# every position. One thread; best of REPEATS after a warm-up round. Both must report the same
# number of matches.
# Usage: bench/lexicon-matching.sh [FILE] [REPEATS]   (default ../shared/data/msra-ner/train.txt, 5)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]]; then
  export NLPIPE_BENCH_LOCKED=1
  exec flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=data-path.sh
source "$root/bench/data-path.sh"
FILE=${1:-}   # the argument, under the name data-path.sh reports it by
file=$(bench_data_path FILE ../shared/data/msra-ner/train.txt)
cd "$root"
repeats=${2:-5}
# shellcheck source=whole-numbers.sh
source "$root/bench/whole-numbers.sh"; whole_numbers 1 "$repeats"
[[ -f $file ]] || bench_data_absent FILE "$file" "not found (a character-per-line NER file)" "(MSRA NER: see docs/data.md)"
./nlpipe --version > /dev/null   # builds when needed, outside the timings
source bin/find-jdk.sh
"$JAVA_HOME/bin/java" -cp cli/target/nlpipe.jar dev.nlpipe.cli.bench.LexiconMatchBench "$file" "$repeats" | tee /dev/stderr |
  awk '{ v[$1] = $2 } END { if (v["nlpipe_matches"] != v["prefix_search_matches"]) { print "error: the two disagree"; exit 1 }
       printf "ratio (nlpipe / prefix search, characters per second): %.2f\n", v["nlpipe_chars_per_second"] / v["prefix_search_chars_per_second"] }'
