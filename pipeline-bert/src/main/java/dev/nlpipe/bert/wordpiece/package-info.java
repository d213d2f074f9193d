/**
 * Task and model kind {@code tokenize.wordpiece}: learns a BERT WordPiece vocabulary from raw text and
 * writes it with its {@code tokenizer.json}, loadable as a {@code BertTokenizer}.
 */
package dev.nlpipe.bert.wordpiece;
