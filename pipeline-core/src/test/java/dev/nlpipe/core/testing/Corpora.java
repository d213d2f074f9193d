package dev.nlpipe.core.testing;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.CorpusInput;
import dev.nlpipe.core.io.OutputSink;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.stage.Components;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Reads and writes corpora through the registered formats, for tests. */
public final class Corpora {
    private Corpora() {
    }

    /** Every document of {@code path} in {@code format}; unreadable records are added to {@code bad}. */
    public static List<Document> read(Path path, String format, Map<String, ?> options, List<BadRecord> bad) throws IOException {
        return read(path, format, options, ReadSettings.DEFAULT_MAX_LINE_BYTES, bad);
    }

    /** The same with records (lines, quoted fields, column sentences) of at most {@code maxLineBytes}, as {@code input.maxLineLength} sets them. */
    public static List<Document> read(Path path, String format, Map<String, ?> options, int maxLineBytes, List<BadRecord> bad)
            throws IOException {
        ReaderProvider reader = Components.get().readers().find(format);
        Options opts = Options.of("input format '" + format + "'", options, reader.options());
        ReadSettings settings = new ReadSettings(null, maxLineBytes, bad::add, new AtomicLong());
        List<Document> out = new ArrayList<>();
        try (CorpusInput in = CorpusInput.open(path, null, true, reader, opts, settings)) {
            in.forEachRemaining(out::add);
        }
        return out;
    }

    /** Reads with default options, failing on any unreadable record. */
    public static List<Document> read(Path path, String format) throws IOException {
        List<BadRecord> bad = new ArrayList<>();
        List<Document> docs = read(path, format, Map.of(), bad);
        if (!bad.isEmpty()) {
            throw new AssertionError("unexpected bad records: " + bad);
        }
        return docs;
    }

    /** Writes documents to {@code path} in {@code format}. */
    public static void write(List<Document> docs, Path path, String format, Map<String, ?> options) throws IOException {
        WriterProvider writer = Components.get().writers().find(format);
        Options opts = Options.of("output format '" + format + "'", options, writer.options());
        try (OutputSink sink = OutputSink.open(path, false, writer, opts, d -> d.id())) {
            for (Document d : docs) {
                sink.accept(d, null);
            }
            sink.commit();
        }
    }
}
