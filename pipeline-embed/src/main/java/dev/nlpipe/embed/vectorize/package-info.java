/**
 * Count, TF-IDF and hashing vectorizers with scikit-learn's semantics (same features, vocabulary order
 * and values): the stages {@code vectorize.tfidf}, {@code vectorize.count} and {@code vectorize.hashing},
 * the streaming trainers that fit a vocabulary in bounded memory ({@code VectorizerTrainer}) with sorted
 * run files and their merge ({@code TermRun}, {@code TermRuns}, shared with word2vec's count in parts), the model
 * directory ({@code VectorizerModelDir}, {@code VocabularyFile}), in-memory fitting for programs
 * ({@code VectorizerFitter}), Python's regex and string semantics where Java's differ ({@code PyRegex},
 * {@code PyText}), and the parity check against scikit-learn reference files ({@code TfidfParity}).
 */
package dev.nlpipe.embed.vectorize;
