/**
 * Sequence-labelling tag schemes (BIO, IOB1, BIOES, BMES) and the conversion between tag sequences and
 * entity spans, decoding ill-formed sequences exactly as conlleval does ({@code TagScheme}).
 */
package dev.nlpipe.core.tag;
