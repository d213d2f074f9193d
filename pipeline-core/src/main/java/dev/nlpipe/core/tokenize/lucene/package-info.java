/**
 * The {@code tokenize.lucene} stage: tokens from any Lucene analyzer ({@code standard}, {@code english},
 * {@code whitespace}, {@code simple}, {@code cjk}, {@code smartcn}) or a custom chain of char filters,
 * a tokenizer and token filters ({@code Analyzers}), with offsets into the original text
 * ({@code LuceneTokens}).
 */
package dev.nlpipe.core.tokenize.lucene;
