#!/usr/bin/env bash
# BiLSTM-CRF speed on Resume NER: nlpipe (DJL/PyTorch) against a compact PyTorch reference of the
# same size (bench/pytorch_bilstm_crf.py), both trained for EPOCHS epochs on the same data in the
# same run, with 1 and 2 threads. Prints training and inference sentences/s, the ratios, and the
# test F1 each reached. The reference is skipped with a message when /usr/bin/python3 has no torch
# (nlpipe's figures are read with the python3 on PATH); its BLAS is held to the thread count.
# Usage: bench/ner-bilstm-crf.sh [EPOCHS]      (runs under flock /tmp/nlpipe-bench.lock)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]]; then
  export NLPIPE_BENCH_LOCKED=1
  exec flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
epochs=${1:-3}
# shellcheck source=whole-numbers.sh
source "$root/bench/whole-numbers.sh"; whole_numbers 1 "$epochs"
data=../shared/data/resume-ner
if [[ ! -f $data/train.char.bmes || ! -f $data/test.char.bmes ]]; then
  echo "skipped: Resume NER not found in $data (see docs/benchmarks.md for the data sets)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./nlpipe --version > /dev/null   # builds when needed, outside the timings
# Inference is timed on the test set repeated 5 times (sentence order as in the file), so that JIT
# warm-up and model loading weigh little; both systems tag it in batches of 64 sentences.
for i in 1 2 3 4 5; do cat "$data/test.char.bmes"; echo; done > "$work/test5.bmes"

# shellcheck source=torch-blas.sh
source "$root/bench/torch-blas.sh"
# python3 from PATH, not "$py": nlpipe's own figures need no PyTorch, nor Debian's interpreter
field() {  # field FILE KEY...: a number from a JSON file
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
for k in sys.argv[2:]: d=d[k]
print(d)' "$@"
}


echo "Resume NER, $epochs epochs, char embedding 50, BiLSTM 2x100, CRF, Adam 1e-3, batch 16; inference at batch 64"
printf '%-8s %-8s %14s %14s %8s\n' threads system "train sent/s" "infer sent/s" "test F1"
echo "(nlpipe's infer sent/s is the tagger's own time; the whole 'eval ner' run, file reading and model loading included, follows in brackets)"
for threads in 1 2; do
  ./nlpipe train bench/ner-resume-bench.yaml --output "$work/m$threads" --set train.threads="$threads" \
      --set train.epochs="$epochs" > "$work/log$threads" 2>&1 || { tail -20 "$work/log$threads" >&2; exit 1; }
  jt=$(field "$work/m$threads/metrics.json" trainSentencesPerSecond)
  ./nlpipe eval ner --model "$work/m$threads" --data "$work/test5.bmes" --format bmes --device cpu --threads "$threads" \
      --batch-size 64 > /dev/null 2> "$work/eval$threads" || { tail -20 "$work/eval$threads" >&2; exit 1; }
  # "evaluated N documents in S s (R documents/s); tagging alone S2 s (R2 documents/s)": R2 is the
  # tagger's own time (featurizing, network, Viterbi), comparable with the reference's timing; R adds
  # reading the file, loading the model and scoring in a fresh JVM.
  jw=$(sed -n 's/.*documents in [0-9.]* s (\([0-9.]*\) documents\/s).*/\1/p' "$work/eval$threads")
  ji=$(sed -n 's/.*tagging alone [0-9.]* s (\([0-9.]*\) documents\/s).*/\1/p' "$work/eval$threads")
  jf=$(field "$work/m$threads/metrics.json" test f1)
  printf '%-8s %-8s %14s %14s %8.4f   (whole eval: %s sent/s)\n' "$threads" nlpipe "$jt" "$ji" "$jf" "$jw"
  if [[ $have_torch == 1 ]]; then
    # OpenBLAS would otherwise size its own pool to every core, and the 1-thread row would not be one thread
    torch_run "$threads" "$py" bench/pytorch_bilstm_crf.py "$data/train.char.bmes" "$data/test.char.bmes" --threads "$threads" \
        --epochs "$epochs" --infer-repeat 5 > "$work/torch$threads.json"
    pt=$(field "$work/torch$threads.json" train_sents_per_s)
    pi=$(field "$work/torch$threads.json" infer_sents_per_s)
    pf=$(field "$work/torch$threads.json" test_f1)
    printf '%-8s %-8s %14s %14s %8.4f\n' "$threads" pytorch "$pt" "$pi" "$pf"
    printf '%-8s %-8s %13sx %13sx\n' "$threads" ratio "$(ratio "$jt" "$pt")" "$(ratio "$ji" "$pi")"
  fi
done
echo "ratio = nlpipe / pytorch (above 1: nlpipe is faster). Preliminary on a shared machine: repeat on a quiet one."
