"""scikit-learn side of bench/classify-vs-sklearn.sh: TfidfVectorizer(ngram_range=(1, 2), min_df=2,
sublinear_tf=True) + LogisticRegression(lbfgs), C chosen on dev from 1/3/10, on exactly the
tokens nlpipe produced (JSON lines with a "tokens" layer, lowercased as nlpipe does), or on raw
text with scikit-learn's default analyzer (--raw TEXT_COLUMN LABEL_COLUMN for tsv files).

Usage: classify_sklearn.py TRAIN DEV [TEST] [--raw TEXT LABEL]"""
import csv
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

args = sys.argv[1:]
raw = None
if "--raw" in args:
    i = args.index("--raw")
    raw = (args[i + 1], args[i + 2])
    args = args[:i] + args[i + 3:]
files = args


def load(path):
    docs, labels = [], []
    if raw:
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                docs.append(row[raw[0]])
                labels.append(row[raw[1]].strip())
    else:
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                docs.append([t["text"].lower() for t in d.get("tokens", [])])
                labels.append(max(d["labels"], key=d["labels"].get).strip())
    return docs, labels


train, dev = load(files[0]), load(files[1])
test = load(files[2]) if len(files) > 2 else None


def vectorizer():
    if raw:
        return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, analyzer="word",
                           preprocessor=lambda d: d, tokenizer=lambda d: d, lowercase=False, token_pattern=None)


t0 = time.perf_counter()
vec = vectorizer()
Xtr = vec.fit_transform(train[0])
Xdev = vec.transform(dev[0])
Xte = vec.transform(test[0]) if test else None
vec_time = time.perf_counter() - t0
print("vocabulary %d" % len(vec.vocabulary_))
print("vectorizer_seconds %.3f" % vec_time)
best = None
for c in (1, 3, 10):
    t1 = time.perf_counter()
    clf = LogisticRegression(C=c, max_iter=1000).fit(Xtr, train[1])
    fit = time.perf_counter() - t1
    acc = accuracy_score(dev[1], clf.predict(Xdev))
    print("C=%g dev_accuracy %.4f fit_seconds %.3f iterations %d" % (c, acc, fit, clf.n_iter_[0]))
    if best is None or acc > best[0]:
        best = (acc, c, clf, fit)
acc, c, clf, fit = best
print("chosen_C %g" % c)
print("dev_accuracy %.4f" % acc)
print("dev_macro_f1 %.4f" % f1_score(dev[1], clf.predict(Xdev), average="macro"))
if test:
    print("test_accuracy %.4f" % accuracy_score(test[1], clf.predict(Xte)))
    print("test_macro_f1 %.4f" % f1_score(test[1], clf.predict(Xte), average="macro"))
print("classifier_seconds %.3f" % fit)
print("total_seconds %.3f" % (time.perf_counter() - t0))
