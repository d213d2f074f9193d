"""scikit-learn side of bench/tfidf-speed.sh: TfidfVectorizer(ngram_range=(1, 2), min_df=2,
sublinear_tf=True).fit_transform on every non-empty, stripped line of DIR/*.txt (sorted), best of
REPEATS, with the checksums TfidfBench prints. Usage: tfidf_sklearn.py DIR [REPEATS]"""
import glob
import hashlib
import os
import resource
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer

directory = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
docs = []
for f in sorted(glob.glob(os.path.join(directory, "*.txt"))):
    with open(f, encoding="utf-8") as fh:
        for line in fh:
            t = line.strip()
            if t:
                docs.append(t)
mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
best = None
best_cpu = None
for _ in range(repeats):
    c0 = time.process_time()
    t0 = time.perf_counter()
    v = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    X = v.fit_transform(docs)
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
    cpu = time.process_time() - c0
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
terms = v.get_feature_names_out()
X = X.tocsr()
print("documents %d" % len(docs))
print("megabytes %.3f" % mb)
print("fit_transform_seconds %.4f" % best)
print("docs_per_second %.0f" % (len(docs) / best))
print("mb_per_second %.2f" % (mb / best))
print("cpu_seconds %.4f" % best_cpu)
print("peak_rss_mb %.0f" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3))
print("vocabulary %d" % len(terms))
print("vocabulary_sha256 %s" % hashlib.sha256("\n".join(terms).encode("utf-8")).hexdigest())
print("nnz %d" % X.nnz)
print("sum_values %.6f" % X.data.sum())
print("sum_weighted %.6f" % (X.data * ((X.indices % 1000) + 1)).sum())
