/**
 * What every sequence-labelling architecture shares: the units of a sentence and their offsets
 * ({@link dev.nlpipe.ner.data.UnitSequence}, {@link dev.nlpipe.ner.data.Units}), gold entities as
 * unit spans ({@link dev.nlpipe.ner.data.GoldSpans}, {@link dev.nlpipe.ner.data.TaggedData}), tags
 * as ids ({@link dev.nlpipe.ner.data.TagSet}), tagged spans with their scores
 * ({@link dev.nlpipe.ner.data.ScoredSpan}), and the look-up keys and vocabularies of units
 * ({@link dev.nlpipe.ner.data.UnitKeys}, {@link dev.nlpipe.ner.data.Vocabulary}).
 */
package dev.nlpipe.ner.data;
