#!/usr/bin/python3
"""Helpers of bench/eda-experiment.sh.

  subset IN.tsv OUT.tsv N SEED LABEL_COLUMN   stratified sample of N rows (header kept); N=full copies all
  summary RESULTS.tsv                          mean test accuracy ± std over seeds, without/with EDA, and the gain
"""
import csv
import random
import statistics
import sys
from collections import defaultdict


def subset(src, dst, n, seed, label_col):
    with open(src, encoding="utf-8") as f:
        header = f.readline()
        rows = [line for line in f if line.strip()]
    if n == "full":
        chosen = rows
    else:
        n = int(n)
        col = header.rstrip("\n").split("\t").index(label_col)
        by_label = defaultdict(list)
        for line in rows:
            by_label[line.rstrip("\n").split("\t")[col]].append(line)
        rng = random.Random(int(seed))
        chosen = []
        labels = sorted(by_label)
        # each class in proportion to its share, the rounding remainder to the largest classes
        quota = {l: n * len(by_label[l]) // len(rows) for l in labels}
        for l in sorted(labels, key=lambda l: -len(by_label[l]))[: n - sum(quota.values())]:
            quota[l] += 1
        for l in labels:
            chosen.extend(rng.sample(by_label[l], quota[l]))
        rng.shuffle(chosen)
    with open(dst, "w", encoding="utf-8") as f:
        f.write(header)
        f.writelines(chosen)


def summary(path):
    acc = defaultdict(list)
    rows = defaultdict(list)
    order = []
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            key = (r["dataset"], r["n"])
            if key not in order:
                order.append(key)
            acc[key + (r["eda"],)].append(float(r["accuracy"]))
            rows[key + (r["eda"],)].append(int(r["train_docs"]))

    def fmt(v):
        if not v:
            return "—"
        sd = statistics.stdev(v) if len(v) > 1 else 0.0
        return "%.4f ± %.4f (%d)" % (statistics.mean(v), sd, len(v))

    print("| data set | N | training documents without / with EDA (mean) | without EDA | with EDA | gain |")
    print("|---|---|---|---|---|---|")
    for key in order:
        base, eda = acc.get(key + ("no",), []), acc.get(key + ("yes",), [])
        gain = "%+.2f points" % (100 * (statistics.mean(eda) - statistics.mean(base))) if base and eda else "—"
        docs = " / ".join("%.0f" % statistics.mean(rows[key + (e,)]) if rows.get(key + (e,)) else "—" for e in ("no", "yes"))
        print("| %s | %s | %s | %s | %s | %s |" % (key[0], key[1], docs, fmt(base), fmt(eda), gain))


if __name__ == "__main__":
    if sys.argv[1] == "subset":
        subset(*sys.argv[2:7])
    elif sys.argv[1] == "summary":
        summary(sys.argv[2])
    else:
        sys.exit(__doc__)
