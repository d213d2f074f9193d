# shellcheck shell=bash
# Sourced by the benchmarks that time a PyTorch reference on the CPU (transformer-layer.sh,
# bert-speed.sh, ner-bilstm-crf.sh): sets py (Debian's interpreter, which python3-torch installs for)
# and have_torch (1, or 0 with a line saying the reference is skipped). Debian's python3-torch calls whatever libblas.so.3 the system selects, and with the
# reference BLAS (package libblas3, a few GFLOPS) the reference runs ~15 times slower than with
# OpenBLAS, which says nothing about nlpipe. Each reference prints the speed of its BLAS on one
# (4096 x 256) · (256 x 1024) product (sgemm_gflops, from transformer_layer_torch.py), and a note
# follows any run below 10 GFLOPS. TORCH_LD_LIBRARY_PATH, when set, is put in front of
# LD_LIBRARY_PATH for the Python side only, e.g. a directory holding OpenBLAS's libblas.so.3
# (/usr/lib/x86_64-linux-gnu/openblas-pthread once libopenblas0-pthread is installed, or that
# directory unpacked from the .deb with dpkg-deb -x). Callers run the reference as
# `torch_run "$threads" "$py" ...`, OpenBLAS held to the thread count.

py=/usr/bin/python3
have_torch=1
if ! "$py" -c 'import torch' 2> /dev/null; then
  have_torch=0
  echo "PyTorch reference skipped: $py cannot import torch (install python3-torch)"
fi

torch_env=(env OPENBLAS_NUM_THREADS=1)
if [[ -n ${TORCH_LD_LIBRARY_PATH:-} ]]; then
  torch_env+=(LD_LIBRARY_PATH="$TORCH_LD_LIBRARY_PATH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
fi

torch_run() {  # $1 = threads, then the command: the reference, its OpenBLAS held to that many threads
  local threads=$1
  shift
  "${torch_env[@]}" OPENBLAS_NUM_THREADS="$threads" "$@"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

torch_describe() {  # $1 = the Python interpreter: the line naming the reference's PyTorch and libraries
  echo "PyTorch reference: $("${torch_env[@]}" "$1" -c 'import torch; print(torch.__version__)')${TORCH_LD_LIBRARY_PATH:+, libraries first from $TORCH_LD_LIBRARY_PATH}"
}

torch_slow_blas_note() {  # $1 = the reference's sgemm GFLOPS: a note when its BLAS is too slow to compare with
  if awk -v g="$1" 'BEGIN { exit !(g < 10) }'; then
    echo "         (PyTorch's BLAS runs below 10 GFLOPS, likely the reference libblas3: set TORCH_LD_LIBRARY_PATH, see bench/torch-blas.sh)"
  fi
}
