/**
 * The built-in corpus formats: readers for {@code text}, {@code jsonl}, {@code csv}/{@code tsv},
 * {@code conll}, {@code bmes} and {@code cluener}, and writers for {@code jsonl}, {@code text},
 * {@code csv}/{@code tsv}, {@code conll} and {@code bmes}. The JSON Lines writer produces the public
 * document contract.
 */
package dev.nlpipe.core.io.format;
