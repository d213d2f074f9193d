/**
 * A linear-chain conditional random field on DJL ({@code LinearChainCrf}: forward-algorithm loss,
 * Viterbi decoding, start and end transitions), with the transitions a tag scheme forbids masked out
 * in training and decoding ({@code CrfConstraints}); the marginal probability of decoded spans by
 * the forward–backward algorithm ({@code SpanMarginals}, {@code ScoredPath}), which taggers write as
 * entity scores.
 */
package dev.nlpipe.ner.crf;
