package dev.nlpipe.core.io.format;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.CorpusReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** A corpus reader built from one method that returns the next document, or {@code null} at the end. */
abstract class LookaheadReader implements CorpusReader {
    private Document next;
    private boolean done;

    /** The next document, or {@code null} at the end; bad records are reported and skipped. */
    protected abstract Document readNext() throws IOException;

    /** Closes the underlying source. */
    protected abstract void closeSource() throws IOException;

    /** How I/O errors name the source. */
    protected abstract String sourceName();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            try {
                next = readNext();
            } catch (IOException e) {
                throw new UncheckedIOException(sourceName() + ": " + IoErrors.describe(e), e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Document d = next;
        next = null;
        return d;
    }

    @Override
    public final void close() {
        try {
            closeSource();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
