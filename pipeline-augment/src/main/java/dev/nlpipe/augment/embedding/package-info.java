/**
 * The {@code augment.embedding} stage: words replaced by one of their nearest neighbours in a word-vector
 * file ({@code NeighbourReplacement}).
 */
package dev.nlpipe.augment.embedding;
