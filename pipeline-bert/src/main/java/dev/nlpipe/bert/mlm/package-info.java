/**
 * Masked-language-model pre-training of BERT encoders, {@code task: pretrain.mlm}
 * ({@link dev.nlpipe.bert.mlm.MlmTrainer}): continued pre-training of an {@code encoder.bert}
 * directory on in-domain text, or a new encoder from scratch. {@link dev.nlpipe.bert.mlm.MlmCorpus}
 * cuts documents into sequences and finds their words (a segmenter's tokens, or ##-continued piece
 * groups), {@link dev.nlpipe.bert.mlm.Masking} masks them as BERT does (15 %, 80/10/10, whole words
 * optionally), anew every epoch from the seed. The result is an {@code encoder.bert} directory with
 * the MLM head kept under Hugging Face's {@code cls.predictions.*} names. Guide: docs/bert-pretraining.md.
 */
package dev.nlpipe.bert.mlm;
