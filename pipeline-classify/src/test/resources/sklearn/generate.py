"""Generates linear_cases.json: scikit-learn 1.2.1 solutions (newton-cg for logistic regression, for
precision; liblinear for LinearSVC) of small sparse problems that
nlpipe's solvers must reproduce. Run with /usr/bin/python3:

    /usr/bin/python3 generate.py > linear_cases.json
"""
import json
import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

rng = np.random.RandomState(7)
n, d = 240, 30
X = sp.random(n, d, density=0.2, format="csr", random_state=rng, data_rvs=lambda k: rng.uniform(0.1, 2.0, k))
w_true = rng.normal(size=(3, d))
scores = X @ w_true.T + rng.normal(scale=0.5, size=(n, 3))
y3 = scores.argmax(axis=1)
y2 = (scores[:, 0] > np.median(scores[:, 0])).astype(int)


def rows(M):
    M = M.tocsr()
    return [[[int(c), float(v)] for c, v in zip(M.indices[M.indptr[i]:M.indptr[i + 1]], M.data[M.indptr[i]:M.indptr[i + 1]])]
            for i in range(M.shape[0])]


def case(name, model, y, options):
    model.fit(X, y)
    return {"name": name, "sklearn": repr(model), "options": options, "y": [int(v) for v in y],
            "coef": model.coef_.tolist(), "intercept": np.atleast_1d(model.intercept_).tolist()}


cases = [
    case("logistic-binary", LogisticRegression(C=1.0, solver="newton-cg", tol=1e-8, max_iter=100000), y2, {"loss": "logistic", "C": 1.0}),
    case("logistic-binary-balanced-c3", LogisticRegression(C=3.0, solver="newton-cg", tol=1e-8, max_iter=100000, class_weight="balanced"), y2,
         {"loss": "logistic", "C": 3.0, "balanced": True}),
    case("logistic-multinomial", LogisticRegression(C=0.5, solver="newton-cg", tol=1e-8, max_iter=100000), y3, {"loss": "logistic", "C": 0.5}),
    case("svm-squared-hinge", LinearSVC(C=0.5, tol=1e-8, max_iter=1000000), y2, {"loss": "squared_hinge", "C": 0.5}),
    case("svm-hinge-ovr", LinearSVC(C=0.2, loss="hinge", tol=1e-8, max_iter=1000000), y3, {"loss": "hinge", "C": 0.2}),
]
print(json.dumps({"generator": "scikit-learn " + sklearn.__version__, "cols": d, "rows": rows(X), "cases": cases}))
