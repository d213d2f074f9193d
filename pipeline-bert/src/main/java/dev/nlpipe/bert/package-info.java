/**
 * Pieces shared by BERT fine-tuning: encodings as padded input arrays ({@code BertInput}), pooling of a
 * sequence into one vector ({@code Pooling}), FGM / PGD adversarial training on the word embeddings
 * ({@code Adversarial}) and the files of a fine-tuned model directory ({@code FineTunedFiles}). The
 * encoder, its tokenizer and the import of pretrained weights are in {@code dev.nlpipe.nn.bert}.
 */
package dev.nlpipe.bert;
