#!/usr/bin/env bash
# Training and tagging speed of the lattice NER models beside the BiLSTM-CRF, in the same run: each
# shipped Resume example (examples/ner-resume.yaml, ner-lattice-resume.yaml, ner-flat-resume.yaml and
# ner-flat-bert-resume.yaml, the last only when models/bge-small-zh exists: docs/bert.md) trained
# for EPOCHS epochs on the first SENTENCES training sentences of Resume with 1 and 2 threads
# (the dev set is scored after each epoch, outside the training speed); then the test set (477
# sentences) is tagged with `nlpipe eval ner` in batches of 64.
# Prints training sentences/s (the trainer's own figure) and tagging sentences/s (the tagger's own
# time, without reading files or loading the model), each model's ratio to the BiLSTM-CRF of the same
# run and thread count, and the test F1 (of a short run: not a result). Both figures include the
# fresh JVM's and libtorch's first-call warm-up (the one epoch, the one tagging pass), a fixed cost
# that weighs most on the fastest model, the BiLSTM-CRF (bench/ner-bilstm-crf.sh times it warm).
# Usage: bench/ner-lattice-speed.sh [EPOCHS] [SENTENCES]   (default 1, 1000; runs under flock /tmp/nlpipe-bench.lock)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]]; then
  export NLPIPE_BENCH_LOCKED=1
  exec flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
epochs=${1:-1}
sentences=${2:-1000}
# shellcheck source=whole-numbers.sh
source "$root/bench/whole-numbers.sh"; whole_numbers 1 "$epochs" "$sentences"
data=../shared/data/resume-ner
if [[ ! -f $data/train.char.bmes ]]; then
  echo "skipped: Resume NER not found in $data (see docs/data.md)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./nlpipe --version > /dev/null   # builds when needed, outside the timings
awk -v n="$sentences" 'NF == 0 { if (++k >= n) exit } { print }' "$data/train.char.bmes" > "$work/train.bmes"
source bin/find-jdk.sh
# a top-level number of a JSON file, read by a JSON parser (an F1 may be written 6.45E-4); empty when absent
field() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], ""))' "$1" "$2" 2>/dev/null || true; }
failed() {  # failed STEP LOG: names the model and thread count, shows the end of the step's log, stops
  echo "$1 failed for $config with $threads thread(s):" >&2
  tail -20 "$2" >&2
  exit 1
}
echo "Resume NER: $sentences training sentences, $epochs epoch(s); tagging the 477 test sentences at batch 64"
# the ratio of a figure to the BiLSTM-CRF's of the same thread count; "-" when either is missing
vs_peer() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2fx", a / b }'; }
peer_train=() peer_tag=()   # indexed by the thread count
printf '%-30s %-8s %14s %14s %8s %26s\n' model threads "train sent/s" "tag sent/s" "test F1" "train / tag vs BiLSTM-CRF"
for config in examples/ner-resume.yaml examples/ner-lattice-resume.yaml examples/ner-flat-resume.yaml \
    examples/ner-flat-bert-resume.yaml; do
  [[ -f $config ]] || { echo "($config not in this checkout: skipped)"; continue; }
  name=$(sed -n 's/^task: *//p' "$config")
  encoder=$(sed -n 's/^ *encoder: *\([^ #]*\).*/\1/p' "$config")
  if [[ -n $encoder ]]; then
    [[ -d $encoder ]] || { echo "($config skipped: its encoder $encoder is missing; import it as docs/bert.md says)"; continue; }
    name="$name + $(basename "$encoder")"
  fi
  for threads in 1 2; do
    out="$work/$(basename "$config" .yaml)-$threads"
    ./nlpipe train "$config" --output "$out" --set data.train="$work/train.bmes" \
        --set train.epochs="$epochs" --set train.threads="$threads" --set train.device=cpu > "$work/log" 2>&1 \
      || failed train "$work/log"
    ./nlpipe eval ner --model "$out" --data "$data/test.char.bmes" --format bmes --device cpu --threads "$threads" \
        --batch-size 64 --json "$work/eval.json" > /dev/null 2> "$work/eval.err" \
      || failed "eval ner" "$work/eval.err"
    tag=$(sed -n 's/.*tagging alone [0-9.]* s (\([0-9.]*\) documents\/s).*/\1/p' "$work/eval.err")
    f1=$(field "$work/eval.json" f1)
    [[ -n $f1 ]] && f1=$(printf '%.4f' "$f1")
    train=$(field "$out/metrics.json" trainSentencesPerSecond)
    if [[ $config == examples/ner-resume.yaml ]]; then
      peer_train[$threads]=$train peer_tag[$threads]=$tag
    fi
    printf '%-30s %-8s %14s %14s %8s %26s\n' "$name" "$threads" "$train" "$tag" "${f1:--}" \
        "$(vs_peer "$train" "${peer_train[$threads]:-}") / $(vs_peer "$tag" "${peer_tag[$threads]:-}")"
  done
done
