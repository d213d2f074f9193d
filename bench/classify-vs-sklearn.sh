#!/usr/bin/env bash
# TF-IDF + logistic regression with nlpipe (the shipped examples/classify-*.yaml) next to
# scikit-learn 1.2.1 on exactly the same tokens, in the same run: dev/test accuracy, classifier
# training time and total time, for ChnSentiCorp (nlpipe's tokens, dumped from the model's
# preprocessing stages) and SST-2 (raw text, scikit-learn's default analyzer on both sides).
# Usage: bench/classify-vs-sklearn.sh [chnsenticorp|sst2|all]   (runs under flock /tmp/nlpipe-bench.lock)
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
data=../shared/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./nlpipe --version >/dev/null   # builds the jar if needed
have_sklearn=yes
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || have_sklearn=no
now() { date +%s.%N; }
metric() { /usr/bin/python3 -c "import json,sys; m=json.load(open('$1')); print('%.4f' % m['$2']['$3'] if '$2' in m else '-')"; }

run() {  # name config split-files...
  local name=$1 config=$2
  if [[ ! -f $data/$name/train.tsv ]]; then echo "skipped $name: $data/$name not found"; return; fi
  echo "== $name: nlpipe ($config)"
  local t0; t0=$(now)
  ./nlpipe train "$config" --output "$work/$name" 2> "$work/$name.log" || { tail -20 "$work/$name.log" >&2; exit 1; }
  local t1; t1=$(now)
  grep -E "^  C=|selected|^(dev|test):" "$work/$name.log" || true
  printf 'nlpipe: dev accuracy %s, test accuracy %s, classifier %.2f s, total (incl. JVM start, reading, features, grid) %.1f s\n' \
    "$(metric "$work/$name/metrics.json" dev accuracy)" "$(metric "$work/$name/metrics.json" test accuracy)" \
    "$(/usr/bin/python3 -c "import json; print(json.load(open('$work/$name/metrics.json'))['solverSeconds'])")" \
    "$(echo "$t1 - $t0" | awk '{print $1 - $3}')"
  if [[ $have_sklearn == no ]]; then echo "skipped scikit-learn: /usr/bin/python3 has no sklearn"; return; fi
  echo "== $name: scikit-learn $(/usr/bin/python3 -c 'import sklearn; print(sklearn.__version__)')"
  if [[ $name == sst2 ]]; then
    /usr/bin/python3 bench/classify_sklearn.py "$data/sst2/train.tsv" "$data/sst2/dev.tsv" --raw sentence label
  else
    # The exact tokens nlpipe trained on: the model's preprocessing stages, recorded in model.json.
    local splits=(train dev test)
    for split in "${splits[@]}"; do
      /usr/bin/python3 - "$work/$name/model.json" "$data/$name/$split.tsv" "$work/tok-$split.jsonl" > "$work/tok-$split.yaml" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
inp = dict(m["input"]["options"], path=sys.argv[2], format=m["input"]["format"])
print(json.dumps({"pipeline": "tokens", "input": inp, "stages": m["stages"],
                  "output": {"path": sys.argv[3], "format": "jsonl"}}))
PY
      ./nlpipe run "$work/tok-$split.yaml" --quiet 2> "$work/tok-$split.log" || { tail -20 "$work/tok-$split.log" >&2; exit 1; }
    done
    /usr/bin/python3 bench/classify_sklearn.py "$work/tok-train.jsonl" "$work/tok-dev.jsonl" "$work/tok-test.jsonl"
  fi
}

case $which in
  all) run chnsenticorp examples/classify-chnsenticorp.yaml; run sst2 examples/classify-sst2.yaml ;;
  chnsenticorp) run chnsenticorp examples/classify-chnsenticorp.yaml ;;
  sst2) run sst2 examples/classify-sst2.yaml ;;
  *) echo "usage: $0 [all|chnsenticorp|sst2]" >&2; exit 2 ;;
esac
