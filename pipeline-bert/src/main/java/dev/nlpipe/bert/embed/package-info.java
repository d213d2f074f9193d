/**
 * Sentence vectors from BERT encoders: the stage {@code embed.bert}
 * ({@link dev.nlpipe.bert.embed.BertEmbedStage}) writes one per document into the {@code vectors}
 * layer, and {@link dev.nlpipe.bert.embed.SentenceEncoder} computes them from Java ([CLS] or mean
 * pooling, unit length, batched by length, one copy of the weights for every thread).
 */
package dev.nlpipe.bert.embed;
