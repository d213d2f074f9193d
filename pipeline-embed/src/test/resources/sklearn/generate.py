"""Generates sklearn_cases.json: scikit-learn's output for small vectorizer cases that nlpipe's
tests pin. Run with /usr/bin/python3 (scikit-learn 1.2.1):

    /usr/bin/python3 generate.py > sklearn_cases.json

Each case has nlpipe's option names ("options"), scikit-learn's call ("sklearn"), the vocabulary
in column order, the idf (TF-IDF cases) and every row as [column, value] pairs.
"""
import json
import sklearn
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer, TfidfVectorizer

DOCS = [
    "The quick brown fox jumps over the lazy dog.",
    "The dog barks; the fox runs away!!  Twice. The END",
    "İstanbul'da ΟΔΟΣ ΣΟΦΟΣ and STRASSE straße",
    "café cafe\u0301 naïve e\u0301\u0301 x²³ ½ ① ٣٤ Ⅻ snake_case",
    "emoji 😀😀 test 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text\u00a0nbsp\tTAB\nnew\u2028line \x1c sep",
    "我爱北京天安门，天安门上太阳升。",
    "北京 是 中国 的 首都 ， 北京 很 大",
    "snake_case and camelCase and x_y_z __init__ the fox",
    "  leading and trailing spaces  the dog  ",
    "",
    "a b c d e f g ab cd ef",
    "東京𠀀𠀁 漢字 and 한국어 텍스트 \uff21\uff22 the quick fox",
    "dog dog dog fox fox the the the the",
]


def rows(X):
    X = X.tocsr()
    X.sort_indices()
    out = []
    for i in range(X.shape[0]):
        s, e = X.indptr[i], X.indptr[i + 1]
        out.append([[int(c), float(v)] for c, v in zip(X.indices[s:e], X.data[s:e])])
    return out


def fitted(name, options, call, vec):
    X = vec.fit_transform(DOCS)
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    case = {"name": name, "options": options, "sklearn": call, "vocabulary": vocab, "rows": rows(X)}
    if hasattr(vec, "idf_"):
        case["idf"] = [float(v) for v in vec.idf_]
    return case


def hashed(name, options, call, vec):
    return {"name": name, "options": options, "sklearn": call, "rows": rows(vec.transform(DOCS))}


DEFAULT = r"(?u)\b\w\w+\b"
cases = [
    fitted("tfidf-default", {"tokenPattern": DEFAULT}, "TfidfVectorizer()", TfidfVectorizer()),
    fitted("tfidf-1-3-mindf2-sublinear-l1",
           {"tokenPattern": DEFAULT, "ngramRange": [1, 3], "minDf": 2, "sublinearTf": True, "norm": "l1"},
           "TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True, norm='l1')",
           TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True, norm="l1")),
    fitted("tfidf-fractions-nosmooth",
           {"tokenPattern": DEFAULT, "ngramRange": [1, 2], "minDf": 0.1, "maxDf": 0.5, "smoothIdf": False},
           "TfidfVectorizer(ngram_range=(1, 2), min_df=0.1, max_df=0.5, smooth_idf=False)",
           TfidfVectorizer(ngram_range=(1, 2), min_df=0.1, max_df=0.5, smooth_idf=False)),
    fitted("tfidf-stopwords-noidf",
           {"tokenPattern": DEFAULT, "stopWords": ["the", "and", "fox"], "ngramRange": [1, 2], "useIdf": False},
           "TfidfVectorizer(stop_words=['the', 'and', 'fox'], ngram_range=(1, 2), use_idf=False)",
           TfidfVectorizer(stop_words=["the", "and", "fox"], ngram_range=(1, 2), use_idf=False)),
    fitted("count-binary-maxfeatures",
           {"tokenPattern": DEFAULT, "binary": True, "maxFeatures": 4},
           "CountVectorizer(binary=True, max_features=4)",
           CountVectorizer(binary=True, max_features=4)),
    fitted("count-maxdf-count",
           {"tokenPattern": DEFAULT, "maxDf": 2, "lowercase": False},
           "CountVectorizer(max_df=2, lowercase=False)",
           CountVectorizer(max_df=2, lowercase=False)),
    fitted("tfidf-single-char-words", {"tokenPattern": r"(?u)\b\w+\b"},
           "TfidfVectorizer(token_pattern=r'(?u)\\b\\w+\\b')", TfidfVectorizer(token_pattern=r"(?u)\b\w+\b")),
    fitted("count-capturing-group", {"tokenPattern": r"(?u)\b(\w)\w*\b"},
           "CountVectorizer(token_pattern=r'(?u)\\b(\\w)\\w*\\b')", CountVectorizer(token_pattern=r"(?u)\b(\w)\w*\b")),
    fitted("tfidf-whitespace-tokens", {"tokenPattern": r"\S+", "lowercase": False, "ngramRange": [1, 2]},
           "TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False, ngram_range=(1, 2))",
           TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False, ngram_range=(1, 2))),
    fitted("tfidf-char-2-4", {"analyzer": "char", "ngramRange": [2, 4], "lowercase": False, "minDf": 2},
           "TfidfVectorizer(analyzer='char', ngram_range=(2, 4), lowercase=False, min_df=2)",
           TfidfVectorizer(analyzer="char", ngram_range=(2, 4), lowercase=False, min_df=2)),
    fitted("count-char-wb-1-5", {"analyzer": "char_wb", "ngramRange": [1, 5]},
           "CountVectorizer(analyzer='char_wb', ngram_range=(1, 5))",
           CountVectorizer(analyzer="char_wb", ngram_range=(1, 5))),
    fitted("tfidf-char-wb-3-3", {"analyzer": "char_wb", "ngramRange": [3, 3], "sublinearTf": True},
           "TfidfVectorizer(analyzer='char_wb', ngram_range=(3, 3), sublinear_tf=True)",
           TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 3), sublinear_tf=True)),
    hashed("hashing-words-64", {"tokenPattern": DEFAULT, "nFeatures": 64, "ngramRange": [1, 2]},
           "HashingVectorizer(n_features=64, ngram_range=(1, 2))", HashingVectorizer(n_features=64, ngram_range=(1, 2))),
    hashed("hashing-binary-signed", {"tokenPattern": DEFAULT, "nFeatures": 16, "binary": True, "norm": "none"},
           "HashingVectorizer(n_features=16, binary=True, norm=None)",
           HashingVectorizer(n_features=16, binary=True, norm=None)),
    hashed("hashing-char-wb-unsigned-l1",
           {"analyzer": "char_wb", "ngramRange": [2, 3], "nFeatures": 1048576, "alternateSign": False, "norm": "l1"},
           "HashingVectorizer(analyzer='char_wb', ngram_range=(2, 3), alternate_sign=False, norm='l1')",
           HashingVectorizer(analyzer="char_wb", ngram_range=(2, 3), alternate_sign=False, norm="l1")),
]

print(json.dumps({"generator": "scikit-learn " + sklearn.__version__, "docs": DOCS, "cases": cases},
                 ensure_ascii=False, indent=None))
