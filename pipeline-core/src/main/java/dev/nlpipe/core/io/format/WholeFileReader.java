package dev.nlpipe.core.io.format;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.BadRecordSink;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.ReadSettings;
import java.io.IOException;

/**
 * Plain text read as one document per file ({@code unit: file}), its line ends as the file has them
 * (the last one left out), so offsets into the text are offsets into the file after a byte-order
 * mark. The file is one record: when any
 * of its lines cannot be read (invalid UTF-8, a NUL byte, too long) the whole file is reported as
 * one bad record, because publishing it with that line cut out would silently change the document.
 */
final class WholeFileReader extends LineRecordReader {
    private final BadRecordSink runErrors;
    private final FirstBadLine firstBad;
    private final boolean skipEmpty;
    private boolean read;

    private WholeFileReader(InputSource source, ReadSettings settings, FirstBadLine firstBad, boolean skipEmpty) throws IOException {
        super(source, settings.withErrors(firstBad));
        this.runErrors = settings.errors();
        this.firstBad = firstBad;
        this.skipEmpty = skipEmpty;
    }

    /** Opens {@code source} as one document; bad records go to {@code settings.errors()}. */
    static WholeFileReader open(InputSource source, ReadSettings settings, boolean skipEmpty) throws IOException {
        return new WholeFileReader(source, settings, new FirstBadLine(settings.errors()), skipEmpty);
    }

    @Override
    protected Document readNext() throws IOException {
        if (read) {
            return null;
        }
        read = true;
        StringBuilder sb = new StringBuilder();
        String line;
        String ending = "";
        while ((line = lines.readLine()) != null && firstBad.record == null) {
            // the line ends as in the file (CRLF stays CRLF), so offsets into the text are offsets into the file; only
            // the file's last line end is left out
            sb.append(ending).append(line);
            ending = lines.lastLineEnding();
            if (sb.length() > settings.maxLineBytes()) {
                runErrors.accept(BadRecord.unreadable(source.name(), 0, "file longer than " + settings.maxLineBytes()
                        + " characters, the longest document accepted (raise " + settings.maxLineKey() + " to read it)"));
                return null;
            }
        }
        if (firstBad.record != null) {
            BadRecord bad = firstBad.record;
            runErrors.accept(BadRecord.unreadable(source.name(), bad.line(), "line " + bad.line() + ": " + bad.reason()
                    + "; the file is one document (unit: file), so the whole file is skipped"));
            return null;
        }
        String text = sb.toString();
        if (skipEmpty && text.isBlank()) {
            return null;
        }
        return stamp(new Document(source.relative(), text), 1);
    }

    /** Keeps the first unreadable line instead of reporting it; warnings pass through. */
    private static final class FirstBadLine implements BadRecordSink {
        private final BadRecordSink warnings;
        private BadRecord record;

        FirstBadLine(BadRecordSink warnings) {
            this.warnings = warnings;
        }

        @Override
        public void accept(BadRecord r) {
            if (record == null) {
                record = r;
            }
        }

        @Override
        public void warn(BadRecord r) {
            warnings.warn(r);
        }
    }
}
