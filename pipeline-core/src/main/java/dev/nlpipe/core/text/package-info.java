/**
 * Text stages that need no dictionary-based segmenter: {@code tokenize.regex} ({@code RegexTokenizer}),
 * {@code normalize.text} and {@code normalize.chinese} (normalized views; offsets stay on the
 * original text), {@code sentence.split}, {@code stopwords.remove}, {@code filter.length} and
 * {@code util.noop}; and {@code StopWords}, the Chinese and English stop-word lists for programs.
 */
package dev.nlpipe.core.text;
