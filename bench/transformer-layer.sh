#!/usr/bin/env bash
# One BERT-style Transformer encoder layer, forward + backward in training mode (dropout 0.1), float32
# on the CPU: nlpipe's EncoderLayer (DJL / libtorch 2.7.1) against the same layer written with
# torch.nn in PyTorch (bench/transformer_layer_torch.py, as Hugging Face's BertLayer), same shapes,
# padding and iteration counts, warm-up excluded, with 1 and 2 threads, in the same run. Prints
# milliseconds per iteration and iterations/s of each side and the ratio. The reference is skipped
# with a message when /usr/bin/python3 has no torch. Each side also prints the speed of its BLAS on one
# (4096 x 256) · (256 x 1024) product: Debian's python3-torch calls whatever libblas.so.3 the system
# selects, and with the reference BLAS (package libblas3, a few GFLOPS) the layer runs ~15 times slower
# than with OpenBLAS, which says nothing about nlpipe. TORCH_LD_LIBRARY_PATH, when set, is put in front
# of LD_LIBRARY_PATH for the Python side only (see bench/torch-blas.sh: e.g. the directory of
# OpenBLAS's libblas.so.3); OPENBLAS_NUM_THREADS follows the thread count.
# Usage: bench/transformer-layer.sh [ITERATIONS] [WARMUP]   (hidden 256, 4 heads, sequence 128, batch 32;
#        runs under flock /tmp/nlpipe-bench.lock)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]]; then
  export NLPIPE_BENCH_LOCKED=1
  exec flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
iterations=${1:-10}
warmup=${2:-3}
# shellcheck source=whole-numbers.sh
source "$root/bench/whole-numbers.sh"; whole_numbers 1 "$iterations"; whole_numbers 0 "$warmup"
shape=(256 4 128 32)   # hidden, heads, sequence, batch
./nlpipe --version > /dev/null   # builds when needed, outside the timings
source bin/find-jdk.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=torch-blas.sh
source "$root/bench/torch-blas.sh"
val() { sed -n "s/^$1 //p" "$2"; }

echo "encoder layer: hidden ${shape[0]}, ${shape[1]} heads, FFN $((4 * shape[0])), sequence ${shape[2]}, batch ${shape[3]};"
echo "forward + backward, dropout 0.1, float32, CPU; $iterations timed iterations after $warmup warm-up"
if [[ $have_torch == 1 ]]; then
  torch_describe "$py"
fi
printf '%-8s %-8s %12s %12s %12s %14s\n' threads system "ms/iter" "best ms" "iter/s" "sgemm GFLOPS"
for threads in 1 2; do
  "$JAVA_HOME/bin/java" -cp cli/target/nlpipe.jar dev.nlpipe.cli.bench.TransformerLayerBench "$threads" "$iterations" "$warmup" \
      "${shape[@]}" > "$work/nlpipe$threads.txt" 2> "$work/nlpipe$threads.err" || { cat "$work/nlpipe$threads.err"; exit 1; }
  printf '%-8s %-8s %12s %12s %12s %14s\n' "$threads" nlpipe "$(val ms_per_iteration "$work/nlpipe$threads.txt")" \
      "$(val best_ms "$work/nlpipe$threads.txt")" "$(val iterations_per_second "$work/nlpipe$threads.txt")" \
      "$(val sgemm_gflops "$work/nlpipe$threads.txt")"
  if [[ $have_torch == 1 ]]; then
    torch_run "$threads" "$py" bench/transformer_layer_torch.py "$threads" "$iterations" "$warmup" \
        "${shape[@]}" > "$work/torch$threads.txt"
    printf '%-8s %-8s %12s %12s %12s %14s\n' "$threads" pytorch "$(val ms_per_iteration "$work/torch$threads.txt")" \
        "$(val best_ms "$work/torch$threads.txt")" "$(val iterations_per_second "$work/torch$threads.txt")" \
        "$(val sgemm_gflops "$work/torch$threads.txt")"
    torch_slow_blas_note "$(val sgemm_gflops "$work/torch$threads.txt")"
    printf '%-8s %-8s %38sx\n' "$threads" ratio \
        "$(ratio "$(val iterations_per_second "$work/nlpipe$threads.txt")" "$(val iterations_per_second "$work/torch$threads.txt")")"
  fi
done
echo "ratio = nlpipe / pytorch iterations per second (above 1: nlpipe is faster)."
