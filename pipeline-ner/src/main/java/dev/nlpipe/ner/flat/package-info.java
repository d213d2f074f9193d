/**
 * The FLAT tagger (Li et al. 2020), task and model kind {@code ner.flat}: a lexicon-enhanced Chinese
 * named-entity tagger that reads each sentence's characters and the lexicon words matched in it as
 * one flat lattice of spans ({@code Lattice}), encodes every pair of spans by the four distances
 * between their heads and tails ({@code RelativePositions}), runs Transformer layers whose attention
 * adds those relative positions Transformer-XL style ({@code FlatLayer}) and tags the characters
 * with a CRF ({@code FlatNetwork}); optionally with a fine-tuned BERT encoder's character features
 * (FLAT + BERT). Its trainer ({@code FlatTrainer}), the model directory ({@code FlatModel},
 * {@code FlatSpec}) and its thread-safe {@code Tagger} (a {@code PooledTagger} of predictors), loaded by kind
 * ({@code FlatKind}).
 */
package dev.nlpipe.ner.flat;
