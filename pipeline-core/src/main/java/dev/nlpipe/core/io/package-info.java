/**
 * Corpus input and output: the reader and writer SPIs ({@code ReaderProvider}, {@code WriterProvider},
 * registered through {@link java.util.ServiceLoader}), input expansion ({@code InputFiles},
 * {@code InputSource}: directories, globs, {@code .gz}, standard input), strict UTF-8 line reading
 * ({@code LineReader}), bad records and the {@code .errors.jsonl} file ({@code BadRecord},
 * {@code ErrorLog}), and outputs that are written to a hidden temporary file and renamed into place
 * only when complete ({@code OutputSink}, {@code AtomicFile}).
 */
package dev.nlpipe.core.io;
