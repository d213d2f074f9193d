/**
 * The BiLSTM-CRF tagger, task and model kind {@code ner.bilstm-crf}: the network (embeddings of
 * characters or words, character bigrams, word positions, word shapes and a character CNN; a stacked
 * BiLSTM; a CRF), its trainer ({@code BiLstmCrfTrainer}), the model directory ({@code BiLstmCrfModel},
 * {@code BiLstmCrfSpec}) and its thread-safe {@code Tagger} ({@code dev.nlpipe.ner.PooledTagger}), loaded by kind
 * ({@code BiLstmCrfKind}).
 */
package dev.nlpipe.ner.bilstm;
