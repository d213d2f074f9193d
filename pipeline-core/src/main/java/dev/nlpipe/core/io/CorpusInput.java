package dev.nlpipe.core.io;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All documents of an input: its files, in order, each read by the configured format, streamed.
 * Knows the total input size and how much has been read, for progress.
 */
public final class CorpusInput implements Iterator<Document>, AutoCloseable {
    private final List<InputSource> sources;
    private final ReadSettings settings;
    private final long totalBytes;
    private final Map<String, String> relativeByName = new ConcurrentHashMap<>();
    private final FileSequence<InputSource> files;
    private long documentsRead;

    /**
     * @param sources the files to read, in order
     * @param format the input format
     * @param options the format's options
     * @param settings shared reading settings (error sink, byte counter)
     */
    public CorpusInput(List<InputSource> sources, ReaderProvider format, Options options, ReadSettings settings) {
        this.sources = sources;
        this.settings = settings;
        // every failure of a local file is the file's: a bad record, and the next file is read
        this.files = new FileSequence<>(sources.iterator(), InputSource::name, s -> format.open(s, options, settings), settings.errors(),
                e -> true);
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
        return files.hasNext();
    }

    @Override
    public Document next() {
        Document d = files.next().setReadFrom(files.currentSource().relative());
        documentsRead++;
        return d;
    }

    /** Documents handed out so far (bad records, which are reported instead, not counted). */
    public long documentsRead() {
        return documentsRead;
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
        files.close();
    }
}
