/**
 * Output formats for document vectors: {@code svmlight} / {@code libsvm} ({@code SvmlightWriter}) and a
 * Matrix Market coordinate matrix ({@code MatrixMarketWriter}) that scipy reads.
 */
package dev.nlpipe.embed.io;
