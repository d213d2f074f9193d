package dev.nlpipe.core.io.format;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.CorpusReader;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.LineReader;
import dev.nlpipe.core.io.ReadSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/**
 * Base of line-oriented readers: pulls validated lines from a {@link LineReader} and asks the
 * subclass to turn them into documents, one look-ahead document at a time.
 */
abstract class LineRecordReader implements CorpusReader {
    protected final InputSource source;
    protected final ReadSettings settings;
    protected final LineReader lines;
    private Document next;
    private boolean done;

    LineRecordReader(InputSource source, ReadSettings settings) throws IOException {
        this.source = source;
        this.settings = settings;
        this.lines = new LineReader(source.open(settings.bytesRead()), settings.maxLineBytes(), source.name(), settings.errors());
    }

    /** The next document, or {@code null} at the end; bad records are reported and skipped. */
    protected abstract Document readNext() throws IOException;

    /** The id of a document that starts at {@code line}: {@code relative/path:line}. */
    protected String idAt(long line) {
        return source.relative() + ":" + line;
    }

    /** Sets the source metadata and default language on a new document. */
    protected Document stamp(Document d, long line) {
        d.meta().putIfAbsent("source", source.name());
        d.meta().putIfAbsent("line", lineValue(line));
        if (d.lang() == null && settings.language() != null) {
            d.setLang(settings.language());
        }
        return d;
    }

    /**
     * A line number as stored in {@code meta.line}: an {@code Integer} when it fits, as JSON reads
     * small numbers back, so documents survive a JSONL round trip unchanged.
     */
    static Number lineValue(long line) {
        return line <= Integer.MAX_VALUE ? (Number) (int) line : (Number) line;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = readNext();
            } catch (IOException e) {
                throw new UncheckedIOException(source.name() + ": " + e.getMessage(), e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Document d = next;
        next = null;
        return d;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
