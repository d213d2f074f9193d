#!/usr/bin/env bash
# Parity of nlpipe's BertTokenizer with Hugging Face's Rust tokenizers (through DJL) on real text: LINES lines spread
# over each of the raw Chinese novels and the English corpus (5,000 each by default), encoded by the cased Chinese
# (bge-small-zh) and the uncased English (all-MiniLM-L6-v2) tokenizers. Prints, per tokenizer and corpus, how many
# lines have identical ids, tokens, type ids and offsets, and the first differences if any.
# Usage: bench/tokenizer-parity.sh [LINES (5000)]
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/tokenizer-common.sh"
whole_numbers 1 "${1:-5000}"
require_corpora
build_bench
"$JAVA_HOME/bin/java" -Xmx2g -cp "$bench_cp" dev.nlpipe.nn.bert.TokenizerParityEval "$zh" "$en" "${1:-5000}" 2>&1 \
  | grep -v -e '^SLF4J' -e '^WARNING' -e '^$'
