package dev.nlpipe.core.io;

import dev.nlpipe.core.doc.Document;
import java.io.Closeable;
import java.util.Iterator;

/**
 * Documents read from one source, streamed. Records that cannot be read are reported to the
 * {@link BadRecordSink} given at opening and skipped; {@link #hasNext} may throw
 * {@link java.io.UncheckedIOException} when the source itself fails.
 */
public interface CorpusReader extends Iterator<Document>, Closeable {
    @Override
    void close();
}
