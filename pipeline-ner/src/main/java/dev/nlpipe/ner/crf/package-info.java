/**
 * A linear-chain conditional random field on DJL ({@code LinearChainCrf}: forward-algorithm loss,
 * Viterbi decoding, start and end transitions), with the transitions a tag scheme forbids masked out
 * in training and decoding ({@code CrfConstraints}).
 */
package dev.nlpipe.ner.crf;
