#!/usr/bin/env bash
# The EDA experiment (Wei & Zou 2019) with nlpipe's TF-IDF + logistic regression: stratified
# subsets of N = 500, 2000 and the full training set of ChnSentiCorp and SST-2, trained without
# and with `nlpipe augment` (augment.eda), 3 seeds each; prints mean test accuracy ± std and the gain.
#
# EDA settings per N are the paper's recommendations (its Table 3): N=500: α=0.05, numAug=16;
# N=2000: α=0.05, numAug=8; full (more than 5000): α=0.1, numAug=4; α is used for all four of
# alphaSr, alphaRi, alphaRs and pRd, as in the paper's code.
# Classifier: word 1-2-grams, minDf 2, sublinear tf, logistic regression with a fixed C=10 (the value
# dev selection picks on both full data sets in examples/classify-*.yaml; a fixed C because SST-2's
# only labelled held-out set, dev, is our test set, and cross-validation would leak variants).
# ChnSentiCorp: HanLP words (normalize.chinese + segment.hanlp), test.tsv (1200). SST-2: scikit-learn's
# default analyzer on the raw text, dev.tsv (872) as test (GLUE's test has no labels).
#
# Usage (runs under flock /tmp/nlpipe-bench.lock): bench/eda-experiment.sh [chnsenticorp|sst2|all] [N...]
#   environment: SEEDS="1 2 3"  WORK=/tmp/nlpipe-eda (subsets, augmented files, models, results.tsv)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]] && command -v flock >/dev/null; then
  export NLPIPE_BENCH_LOCKED=1
  exec flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
which=${1:-all}
shift || true
sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(500 2000 full)
usage="usage: $0 [chnsenticorp|sst2|all] [N...] (N: a whole number below the training set's size, or full)"
case $which in chnsenticorp|sst2|all) ;; *) echo "$usage" >&2; exit 2 ;; esac
for n in "${sizes[@]}"; do [[ $n == full || $n =~ ^[1-9][0-9]*$ ]] || { echo "$usage" >&2; exit 2; }; done
seeds=(${SEEDS:-1 2 3})
data=../shared/data
work=${WORK:-/tmp/nlpipe-eda}
mkdir -p "$work"
# one file per run: a second run (or the rows of an aborted one) must not be averaged in
results=$work/results-$(date +%Y%m%d-%H%M%S)-$$.tsv
printf 'dataset\tn\tseed\teda\ttrain_docs\taccuracy\ttrain_s\taugment_s\n' > "$results"
./nlpipe --version >/dev/null   # builds the jar if needed
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

config() {  # dataset train.tsv seed -> training YAML on stdout
  local name=$1 train=$2 seed=$3
  if [[ $name == chnsenticorp ]]; then
    cat <<YAML
task: classify.linear
data: {train: $train, test: $data/chnsenticorp/test.tsv, format: tsv, textColumn: text_a, labelColumn: label, language: zh}
stages: [{type: normalize.chinese}, {type: segment.hanlp}]
model: {features: tfidf, ngramRange: [1, 2], minDf: 2, sublinearTf: true, loss: logistic, C: [10]}
train: {seed: $seed}
YAML
  else
    cat <<YAML
task: classify.linear
data: {train: $train, test: $data/sst2/dev.tsv, format: tsv, textColumn: sentence, labelColumn: label, language: en}
model: {features: tfidf, tokenPattern: '(?u)\\b\\w\\w+\\b', ngramRange: [1, 2], minDf: 2, sublinearTf: true, loss: logistic, C: [10]}
train: {seed: $seed}
YAML
  fi
}

augment_config() {  # dataset subset.tsv n seed -> augment YAML on stdout
  local name=$1 train=$2 n=$3 seed=$4 alpha=0.1 num=4
  case $n in 500) alpha=0.05; num=16 ;; 2000) alpha=0.05; num=8 ;; esac
  local text=sentence lang=en tok="{type: tokenize.regex}" syn=en
  if [[ $name == chnsenticorp ]]; then text=text_a; lang=zh; tok="{type: segment.hanlp}"; syn=zh; fi
  cat <<YAML
input: {path: $train, format: tsv, textColumn: $text, labelColumn: label, language: $lang}
stages:
  - $tok
  - type: augment.eda
    with: {alphaSr: $alpha, alphaRi: $alpha, alphaRs: $alpha, pRd: $alpha, numAug: $num, synonyms: [$syn], seed: $seed}
YAML
}

train() {  # dataset n seed eda train.tsv augment_s
  local name=$1 n=$2 seed=$3 eda=$4 file=$5 aug_s=$6 tag="$1-$2-$3-$4"
  config "$name" "$file" "$seed" > "$work/$tag.train.yaml"
  local t0; t0=$(now)
  nice -n 10 ./nlpipe train "$work/$tag.train.yaml" --output "$work/model-$tag" > "$work/$tag.train.log" 2>&1
  local t1; t1=$(now)
  local acc; acc=$(/usr/bin/python3 -c "import json; print('%.4f' % json.load(open('$work/model-$tag/metrics.json'))['test']['accuracy'])")
  local docs=$(( $(wc -l < "$file") - 1 ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$n" "$seed" "$eda" "$docs" "$acc" "$(secs "$t0" "$t1")" "$aug_s" >> "$results"
  printf '%-13s N=%-5s seed=%s EDA=%-3s docs=%-7s test accuracy %s (train %ss, augment %ss)\n' \
    "$name" "$n" "$seed" "$eda" "$docs" "$acc" "$(secs "$t0" "$t1")" "$aug_s"
  rm -rf "$work/model-$tag"
}

run() {
  local name=$1 label=label
  if [[ ! -f $data/$name/train.tsv ]]; then echo "skipped $name: $data/$name not found"; return; fi
  for n in "${sizes[@]}"; do
    for seed in "${seeds[@]}"; do
      local sub="$work/$name-$n-$seed.tsv" aug="$work/$name-$n-$seed.eda.tsv"
      /usr/bin/python3 bench/eda_experiment.py subset "$data/$name/train.tsv" "$sub" "$n" "$seed" "$label"
      train "$name" "$n" "$seed" no "$sub" 0
      augment_config "$name" "$sub" "$n" "$seed" > "$work/$name-$n-$seed.augment.yaml"
      local t0; t0=$(now)
      nice -n 10 ./nlpipe augment "$work/$name-$n-$seed.augment.yaml" --output "$aug" --quiet
      local t1; t1=$(now)
      train "$name" "$n" "$seed" yes "$aug" "$(secs "$t0" "$t1")"
      rm -f "$aug"
    done
  done
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); results in $results"
[[ $which == all || $which == chnsenticorp ]] && run chnsenticorp
[[ $which == all || $which == sst2 ]] && run sst2
/usr/bin/python3 bench/eda_experiment.py summary "$results"
