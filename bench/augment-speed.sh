#!/usr/bin/env bash
# Augmented sentences per second for each augment stage, one thread, on real data:
#   English: the first 20,000 SST-2 training phrases (tokenize.regex), numAug 4 (contractions: 1);
#   Chinese: the first 5,000 ChnSentiCorp training reviews (segment.hanlp), numAug 4;
#   NER: the Resume NER training set (BMES, 3,821 sentences), EDA + mention replacement, numAug 4.
# augment.tfidf uses a vectorizer fitted on the same documents; augment.embedding word2vec vectors
# trained on all SST-2 training phrases (dim 50, 3 epochs); augment.backtranslate runs `cat` as
# its translator, so its figure is the hook's own cost (a real translation model is far slower).
# Prints, per stage: variants made, the stage's own time and variants/s (from `--metrics`), and
# the whole run's wall time (JVM start, reading, tokenization, writing included).
# Usage (runs under flock /tmp/nlpipe-bench.lock): bench/augment-speed.sh   (EN_N=20000 ZH_N=5000: corpus sizes)
set -euo pipefail
# shellcheck source=usage.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/usage.sh"; bench_help "$@"
if [[ -z ${NLPIPE_BENCH_LOCKED:-} ]] && command -v flock >/dev/null; then
  export NLPIPE_BENCH_LOCKED=1
  exec flock /tmp/nlpipe-bench.lock "$0" "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data=../shared/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in sst2/train.tsv chnsenticorp/train.tsv resume-ner/train.char.bmes; do
  [[ -f $data/$f ]] || { echo "skipped: $data/$f not found"; exit 0; }
done
./nlpipe --version >/dev/null   # builds the jar if needed
head -$(( ${EN_N:-20000} + 1 )) "$data/sst2/train.tsv" > "$work/en.tsv"
head -$(( ${ZH_N:-5000} + 1 )) "$data/chnsenticorp/train.tsv" > "$work/zh.tsv"
en_in="{path: $work/en.tsv, format: tsv, textColumn: sentence, language: en}"
zh_in="{path: $work/zh.tsv, format: tsv, textColumn: text_a, language: zh}"

cat > "$work/tfidf-en.yaml" <<YAML
task: vectorize.tfidf
data: {train: $work/en.tsv, format: tsv, textColumn: sentence, language: en}
stages: [{type: tokenize.regex}]
model: {}
YAML
sed -e "s|$work/en.tsv|$work/zh.tsv|; s|sentence|text_a|; s|language: en|language: zh|; s|tokenize.regex|segment.hanlp|" \
  "$work/tfidf-en.yaml" > "$work/tfidf-zh.yaml"
cat > "$work/w2v.yaml" <<YAML
task: embed.word2vec
data: {train: $data/sst2/train.tsv, format: tsv, textColumn: sentence, language: en}
stages: [{type: tokenize.regex}]
model: {dim: 50, minCount: 2}
train: {epochs: 3, seed: 1}
YAML
./nlpipe train "$work/tfidf-en.yaml" --output "$work/tfidf-en" > "$work/tfidf-en.log" 2>&1 || { tail -20 "$work/tfidf-en.log" >&2; exit 1; }
./nlpipe train "$work/tfidf-zh.yaml" --output "$work/tfidf-zh" > "$work/tfidf-zh.log" 2>&1 || { tail -20 "$work/tfidf-zh.log" >&2; exit 1; }
./nlpipe train "$work/w2v.yaml" --output "$work/w2v" > "$work/w2v.log" 2>&1 || { tail -20 "$work/w2v.log" >&2; exit 1; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); 1 thread"
printf '| corpus | stage | documents in | variants out | stage time s | documents/s | variants/s | whole run s |\n|---|---|---|---|---|---|---|---|\n'
measure() {  # label input tokenizer stage-yaml
  local label=$1 input=$2 tok=$3 stage=$4
  cat > "$work/p.yaml" <<YAML
input: $input
stages:
  - $tok
  - $stage
output: {path: $work/out.jsonl}
YAML
  local t0 t1
  t0=$(date +%s.%N)
  ./nlpipe run "$work/p.yaml" --threads 1 --quiet --metrics "$work/m.json"
  t1=$(date +%s.%N)
  /usr/bin/python3 - "$work/m.json" "$label" "$t0" "$t1" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
s = m["stages"][-1]
made = s["documents_out"] - s["documents_in"]
print("| %s | %s | %d | %d | %.2f | %.0f | %.0f | %.1f |" % (sys.argv[2], s["type"], s["documents_in"], made, s["seconds"],
      s["documents_in"] / s["seconds"], made / s["seconds"], float(sys.argv[4]) - float(sys.argv[3])))
PY
}
en_tok="{type: tokenize.regex}"
zh_tok="{type: segment.hanlp}"
measure "SST-2 ${EN_N:-20000}" "$en_in" "$en_tok" "{type: augment.eda, with: {numAug: 4, synonyms: [en]}}"
measure "SST-2 ${EN_N:-20000}" "$en_in" "$en_tok" "{type: augment.tfidf, model: $work/tfidf-en, with: {numAug: 4}}"
measure "SST-2 ${EN_N:-20000}" "$en_in" "$en_tok" "{type: augment.embedding, with: {numAug: 4, vectors: $work/w2v}}"
measure "SST-2 ${EN_N:-20000}" "$en_in" "$en_tok" "{type: augment.noise, with: {numAug: 4}}"
measure "SST-2 ${EN_N:-20000}" "$en_in" "$en_tok" "{type: augment.contractions, with: {direction: contract}}"
measure "SST-2 ${EN_N:-20000}" "$en_in" "$en_tok" "{type: augment.backtranslate, with: {pivots: [de, fr], command: [cat], dropDuplicates: false}}"
measure "ChnSentiCorp ${ZH_N:-5000}" "$zh_in" "$zh_tok" "{type: augment.eda, with: {numAug: 4, synonyms: [zh]}}"
measure "ChnSentiCorp ${ZH_N:-5000}" "$zh_in" "$zh_tok" "{type: augment.tfidf, model: $work/tfidf-zh, with: {numAug: 4}}"
measure "ChnSentiCorp ${ZH_N:-5000}" "$zh_in" "$zh_tok" "{type: augment.noise, with: {numAug: 4, homophone: 0.1, shape: 0.05}}"
measure "Resume NER train" "{path: $data/resume-ner/train.char.bmes, format: bmes, language: zh}" "{type: util.noop}" \
  "{type: augment.eda, with: {numAug: 4, mentionReplacement: 0.5, mentionsFrom: $data/resume-ner/train.char.bmes}}"
