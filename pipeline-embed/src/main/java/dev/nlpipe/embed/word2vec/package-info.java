/**
 * word2vec as the original C tool trains it (skip-gram or CBOW, negative sampling and/or hierarchical
 * softmax, frequent-word down-sampling, word2phrase phrases, lock-free multi-threaded updates) over an
 * on-disk token cache ({@code Word2Vec}, {@code Word2VecParams}, task {@code embed.word2vec}), the
 * model directory and word2vec file formats ({@code Word2VecModel}, {@code VectorFormat}), queries on
 * any word vectors ({@code WordVectors}: neighbours, similarity, analogies), their evaluation
 * ({@code AnalogyEvaluation}, {@code SimilarityEvaluation}), the {@code embed.doc} stage that pools
 * word vectors into document vectors, and a vocabulary counted in parts across machines
 * ({@code WordCounter}) that training accepts instead of counting ({@code CountedVocabulary}).
 */
package dev.nlpipe.embed.word2vec;
