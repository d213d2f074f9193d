"""Writes tfidf_ref_tiny.json in the format of shared/parity/tfidf_ref_*.json (scikit-learn 1.2.1),
for the CLI test of `nlpipe eval tfidf-parity`. Run: /usr/bin/python3 generate.py > tfidf_ref_tiny.json"""
import json
from sklearn.feature_extraction.text import TfidfVectorizer

docs = ["The river rose overnight.", "The river fell; the roads reopened.", "Roads were closed near the bridge.",
        "Bridge closed, river rose.", "Naïve café owners rose early", "北京 天安门 rose"]
v = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
X = v.fit_transform(docs)
X.sort_indices()
rows = [[[int(c), float(x)] for c, x in zip(X.indices[X.indptr[i]:X.indptr[i + 1]], X.data[X.indptr[i]:X.indptr[i + 1]])]
        for i in range(X.shape[0])]
print(json.dumps({"generator": "sklearn", "corpus": "tiny", "n_docs": len(docs),
                  "settings": {"ngram_range": [1, 2], "min_df": 2, "sublinear_tf": True, "norm": "l2", "use_idf": True,
                               "smooth_idf": True, "analyzer": "sklearn default"},
                  "docs": docs, "vocabulary": {k: int(i) for k, i in v.vocabulary_.items()},
                  "idf": [float(x) for x in v.idf_], "rows": rows}, ensure_ascii=False))
