"""gensim's word2vec with the hyper-parameters of bench/word2vec.sh; prints 'WORDS_PER_SECOND SECONDS'.

Usage: /usr/bin/python3 bench/word2vec_gensim.py CORPUS THREADS EPOCHS ARCH OUT.bin
Words/s counts vocabulary words per epoch times epochs over the time of train(), as nlpipe does.
"""
import sys
import time

from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence

corpus, threads, epochs, arch, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
model = Word2Vec(vector_size=100, window=5, negative=5, hs=0, sample=1e-3, min_count=5, sg=1 if arch == "skipgram" else 0,
                 alpha=0.025 if arch == "skipgram" else 0.05, min_alpha=0.0001, workers=threads, seed=1)
model.build_vocab(LineSentence(corpus))
start = time.time()
model.train(LineSentence(corpus), total_examples=model.corpus_count, epochs=epochs)
seconds = time.time() - start
words = sum(model.wv.get_vecattr(w, "count") for w in model.wv.index_to_key)
model.wv.save_word2vec_format(out, binary=True)
print(f"{words * epochs / seconds:.0f} {seconds:.2f}")
