package dev.nlpipe.core.io.format;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.LineReader;
import dev.nlpipe.core.io.ReadSettings;
import java.io.IOException;

/**
 * Base of line-oriented readers: pulls validated lines from a {@link LineReader} and asks the
 * subclass to turn them into documents, one look-ahead document at a time.
 */
abstract class LineRecordReader extends LookaheadReader {
    protected final InputSource source;
    protected final ReadSettings settings;
    protected final LineReader lines;

    LineRecordReader(InputSource source, ReadSettings settings) throws IOException {
        this.source = source;
        this.settings = settings;
        this.lines = LineReader.open(source, settings);
    }

    /** The id of a document that starts at {@code line}: {@code relative/path:line}. */
    protected String idAt(long line) {
        return source.relative() + ":" + line;
    }

    /** Sets the source metadata and default language on a new document. */
    protected Document stamp(Document d, long line) {
        d.meta().putIfAbsent("source", source.name());
        d.meta().putIfAbsent("line", lineValue(line));
        d.setReadAt(source.name(), line);
        if (d.lang() == null && settings.language() != null) {
            d.setLang(settings.language());
        }
        return d;
    }

    /** Turns one line of a one-record-per-line format into a document. */
    @FunctionalInterface
    interface LineParser {
        /**
         * @param line the line (not blank)
         * @param number its 1-based line number
         * @throws IllegalArgumentException or {@link IOException} when the line is not a valid record
         */
        Document parse(String line, long number) throws IOException;
    }

    /**
     * The next document of a one-record-per-line format (JSON lines): blank lines are skipped, and a
     * line the parser rejects is reported as a bad record and skipped; {@code null} at the end.
     */
    protected Document nextRecord(LineParser parser) throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            long n = lines.lineNumber();
            Document d;
            try {
                d = parser.parse(line, n);
            } catch (IllegalArgumentException | IOException e) {
                settings.errors().accept(BadRecord.unreadable(source.name(), n, e.getMessage()));
                continue;
            }
            return stamp(d, n);
        }
        return null;
    }

    /**
     * A line number as stored in {@code meta.line}: an {@code Integer} when it fits, as JSON reads
     * small numbers back, so documents survive a JSONL round trip unchanged.
     */
    static Number lineValue(long line) {
        return line <= Integer.MAX_VALUE ? (Number) (int) line : (Number) line;
    }

    @Override
    protected String sourceName() {
        return source.name();
    }

    @Override
    protected void closeSource() throws IOException {
        lines.close();
    }
}
