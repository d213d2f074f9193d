package dev.nlpipe.core.io;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All documents of an input: its files, in order, each read by the configured format, streamed.
 * Knows the total input size and how much has been read, for progress.
 */
public final class CorpusInput implements Iterator<Document>, AutoCloseable {
    private final List<InputSource> sources;
    private final ReaderProvider format;
    private final Options options;
    private final ReadSettings settings;
    private final long totalBytes;
    private final Map<String, String> relativeByName = new ConcurrentHashMap<>();
    private int nextSource;
    private CorpusReader current;
    private InputSource currentSource;
    private long readFromCurrent;

    /**
     * @param sources the files to read, in order
     * @param format the input format
     * @param options the format's options
     * @param settings shared reading settings (error sink, byte counter)
     */
    public CorpusInput(List<InputSource> sources, ReaderProvider format, Options options, ReadSettings settings) {
        this.sources = sources;
        this.format = format;
        this.options = options;
        this.settings = settings;
        long total = 0;
        for (InputSource s : sources) {
            total += s.size();
            relativeByName.put(s.name(), s.relative());
        }
        this.totalBytes = total;
    }

    /** Lists the files under {@code path} and reads them all. */
    public static CorpusInput open(Path path, String glob, boolean recursive, ReaderProvider format, Options options,
                                   ReadSettings settings) throws IOException {
        return new CorpusInput(InputFiles.list(path, glob, recursive), format, options, settings);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A file that fails to read part-way (a truncated {@code .gz}, a disk error) is reported as
     * one bad record naming it and the records read from it, and reading goes on with the next
     * file; under {@code onError: fail} the error sink stops the run there.
     */
    @Override
    public boolean hasNext() {
        while (current == null || !currentHasNext()) {
            if (current != null) {
                closeQuietly(current);
                current = null;
            }
            if (nextSource >= sources.size()) {
                return false;
            }
            InputSource s = sources.get(nextSource++);
            currentSource = s;
            readFromCurrent = 0;
            try {
                current = format.open(s, options, settings);
            } catch (IOException e) {
                fileFailed(e);
            }
        }
        return true;
    }

    private boolean currentHasNext() {
        try {
            return current.hasNext();
        } catch (UncheckedIOException e) {
            fileFailed(e.getCause());
            return false;
        }
    }

    private void fileFailed(IOException e) {
        settings.errors().accept(restUnreadable(currentSource.name(), readFromCurrent, e));
    }

    /**
     * The bad record of a file that failed part-way (a {@code .gz} cut short, a read error): the
     * records read before it stand, the rest of the file is skipped.
     */
    public static BadRecord restUnreadable(String source, long readBefore, IOException e) {
        return BadRecord.unreadable(source, 0, "cannot read the file: " + IoErrors.describe(e) + "; " + readBefore
                + " record(s) were read from it before, the rest of the file is skipped");
    }

    private static void closeQuietly(CorpusReader reader) {
        try {
            reader.close();
        } catch (UncheckedIOException ignored) {
            // the file already failed or was read to the end; nothing more can be lost by closing it
        }
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        readFromCurrent++;
        return current.next().setReadFrom(currentSource.relative());
    }

    /** Total size of the input files in bytes (0 when unknown, e.g. standard input). */
    public long totalBytes() {
        return totalBytes;
    }

    /** Bytes of input read so far. */
    public long bytesRead() {
        return settings.bytesRead().get();
    }

    public List<InputSource> sources() {
        return sources;
    }

    /**
     * A document's source path relative to the input root, for mirroring into an output directory:
     * the file it was read from ({@link Document#readFrom}); for a document made otherwise, its
     * {@code meta.source}.
     */
    public String relativeSource(Document doc) {
        if (doc.readFrom() != null) {
            return doc.readFrom();
        }
        Object source = doc.meta().get("source");
        String name = source == null ? "stdin" : source.toString();
        String rel = relativeByName.get(name);
        if (rel != null) {
            return rel;
        }
        return Path.of(name).getFileName() == null ? "stdin" : Path.of(name).getFileName().toString();
    }

    @Override
    public void close() {
        if (current != null) {
            closeQuietly(current);
            current = null;
        }
    }
}
