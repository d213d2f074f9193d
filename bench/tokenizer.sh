#!/usr/bin/env bash
# BERT WordPiece tokenizer speed: nlpipe's pure-Java BertTokenizer against Hugging Face's Rust tokenizers through
# DJL (ai.djl.huggingface:tokenizers), in the same JVM on the same lines: bge-small-zh's cased Chinese tokenizer on the
# Chinese novels, all-MiniLM-L6-v2's uncased English one on the English corpus, one line per call on one thread and
# in batches of 256 on every core. Prints tokens/s and the ratio.
# Usage: bench/tokenizer.sh [MEGABYTES_PER_CORPUS (2)] [ROUNDS (3)]     (runs under flock /tmp/nlpipe-bench.lock)
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/tokenizer-common.sh"
whole_numbers 1 "${1:-2}" "${2:-3}"
require_corpora
build_bench
timed "$JAVA_HOME/bin/java" -Xmx2g -cp "$bench_cp" dev.nlpipe.nn.bert.TokenizerBench "$zh" "$en" "${1:-2}" "${2:-3}" 2>&1 \
  | grep -v -e '^SLF4J' -e '^WARNING' -e '^$'
