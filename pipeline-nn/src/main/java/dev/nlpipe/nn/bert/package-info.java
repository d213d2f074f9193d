/**
 * BERT's WordPiece tokenizer in pure Java and a WordPiece vocabulary trainer.
 *
 * <p>{@link dev.nlpipe.nn.bert.BertTokenizer} gives the ids, tokens and offsets of Hugging Face's Rust
 * {@code tokenizers} for BERT ({@code BertNormalizer}, {@code BertPreTokenizer}, {@code WordPiece}, the
 * {@code [CLS] A [SEP] B [SEP]} template), reads and writes {@code tokenizer.json} and {@code vocab.txt}, and returns
 * {@link dev.nlpipe.nn.bert.BertEncoding}s with offsets in UTF-16 code units of the original text.
 * {@link dev.nlpipe.nn.bert.WordPieceTrainer} learns a vocabulary (Hugging Face's algorithm: BPE merges with the
 * {@code ##} prefix); {@link dev.nlpipe.nn.bert.WordPieceTask} runs it as {@code task: tokenize.wordpiece} and
 * {@link dev.nlpipe.nn.bert.WordPieceModelKind} loads the directory it writes. See {@code docs/tokenizers.md}.
 */
package dev.nlpipe.nn.bert;
