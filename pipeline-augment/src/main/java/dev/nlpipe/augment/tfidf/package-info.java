/**
 * UDA's TF-IDF word replacement (Xie et al. 2019), the {@code augment.tfidf} stage: uninformative words
 * are replaced by other uninformative words of the corpus, keywords are kept, using the statistics of a
 * fitted {@code vectorize.tfidf} model ({@code WordStatistics}).
 */
package dev.nlpipe.augment.tfidf;
