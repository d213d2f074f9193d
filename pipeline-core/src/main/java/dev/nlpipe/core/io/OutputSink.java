package dev.nlpipe.core.io;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where processed documents go: one file (written atomically), a directory that mirrors the input
 * files (each output file written when its input is finished, all of them published together when
 * the run succeeds, none when it fails), or a stream (standard
 * output, or an existing special file such as {@code /dev/null}, written in place). Called from
 * one thread, in output order; documents arrive already encoded as UTF-8 when a worker formatted them.
 */
public final class OutputSink implements DocumentSink, AutoCloseable {
    private final Path path;
    private final boolean directory;
    private final boolean stream;
    private final WriterProvider format;
    private final Options options;
    private final Function<Document, String> relativeSource;
    private final List<Path> written = new ArrayList<>();
    /** Directory mode: the files whose input is finished, complete on disk, published by {@link #commit}. */
    private final List<AtomicFile> unpublished = new ArrayList<>();
    private final StringBuilder scratch = new StringBuilder();

    private DocumentWriter writer;
    private AtomicFile file;
    private OutputStream streamOut;
    private String currentSource;
    /** Directory mode: the inputs that get an output even when they give no document, and those that got one. */
    private List<String> expected = List.of();
    private final Set<String> started = new HashSet<>();

    private OutputSink(Path path, boolean directory, WriterProvider format, Options options,
                       Function<Document, String> relativeSource) {
        this.path = path;
        this.directory = directory;
        this.stream = path.toString().equals("-") || (!directory && Files.exists(path) && !Files.isRegularFile(path));
        this.format = format;
        this.options = options;
        this.relativeSource = relativeSource;
        this.writer = format.create(options);
    }

    /**
     * Opens a sink.
     *
     * @param path a file, a directory, or {@code -}
     * @param directory whether to mirror each input file into {@code path} as a directory
     * @param format the output format
     * @param options the format's options
     * @param relativeSource for directory output, a document's input path relative to the input root
     */
    public static OutputSink open(Path path, boolean directory, WriterProvider format, Options options,
                                  Function<Document, String> relativeSource) {
        return new OutputSink(path, directory, format, options, relativeSource);
    }

    /**
     * Directory mode: every one of these inputs (paths relative to the input root) gets its output
     * file, an empty one when it gave no document, so an earlier run's output for it does not stay
     * behind as if this run had written it.
     */
    public OutputSink expecting(List<String> relativeSources) {
        this.expected = List.copyOf(relativeSources);
        return this;
    }

    /** The shared writer when it is stateless (workers format in parallel), else {@code null}. */
    @Override
    public DocumentWriter formatter() {
        return writer.stateless() ? writer : null;
    }

    /**
     * Writes one document; {@code formatted} is its UTF-8 output when a worker already formatted
     * it with {@link #formatter()}, else {@code null}.
     */
    @Override
    public void accept(Document doc, byte[] formatted) throws IOException {
        // Opened first: opening starts the file (a header), which a stateful writer needs before its first document.
        OutputStream out = target(doc);
        byte[] bytes = formatted;
        if (bytes == null) {
            scratch.setLength(0);
            try {
                writer.write(doc, scratch);
            } catch (RuntimeException e) {
                throw new UnwritableDocumentException(doc, e);
            }
            bytes = scratch.toString().getBytes(StandardCharsets.UTF_8);
        }
        out.write(bytes);
    }

    private OutputStream target(Document doc) throws IOException {
        if (stream) {
            if (streamOut == null) {
                OutputStream raw = path.toString().equals("-") ? new StandardOutput(System.out) : Files.newOutputStream(path);
                streamOut = new BufferedOutputStream(raw, 1 << 16);
                start(streamOut);
            }
            return streamOut;
        }
        if (!directory) {
            if (file == null) {
                file = AtomicFile.create(path);
                start(file.stream());
            }
            return file.stream();
        }
        String source = relativeSource.apply(doc);
        if (file == null || !source.equals(currentSource)) {
            finishFile();
            currentSource = source;
            openFor(source);
        }
        return file.stream();
    }

    /** Directory mode: starts the output file of input {@code source}. */
    private void openFor(String source) throws IOException {
        started.add(source);
        file = AtomicFile.create(path.resolve(withExtension(source, format.extension())));
        start(file.stream());
    }

    private void start(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(uncloseable(out), StandardCharsets.UTF_8);
        writer.start(w);
        w.flush();
    }

    private void finish(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(uncloseable(out), StandardCharsets.UTF_8);
        writer.finish(w);
        w.flush();
    }

    private static OutputStream uncloseable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() {
                // the underlying stream is flushed when the file is finished
            }

            @Override
            public void close() {
            }
        };
    }

    private void finishFile() throws IOException {
        if (file != null) {
            finish(file.stream());
            file.finishWriting();
            unpublished.add(file);
            written.add(file.target());
            file = null;
            if (!writer.stateless()) {
                writer = format.create(options);
            }
        }
    }

    /**
     * The output name mirroring an input's relative path: its extension (after any {@code .gz})
     * replaced by the output format's, e.g. {@code 2024/a.txt} → {@code 2024/a.jsonl}.
     */
    public static String withExtension(String relative, String ext) {
        String r = relative.endsWith(".gz") ? relative.substring(0, relative.length() - 3) : relative;
        int slash = r.lastIndexOf('/');
        int dot = r.lastIndexOf('.');
        String stem = dot > slash + 1 ? r.substring(0, dot) : r;
        return stem + "." + ext;
    }

    /** Finishes and publishes everything written; an empty single-file output is still created. */
    @Override
    public void commit() throws IOException {
        if (stream) {
            if (streamOut == null) {
                target(null);
            }
            finish(streamOut);
            streamOut.close();
            streamOut = null;
            return;
        }
        if (!directory && file == null) {
            file = AtomicFile.create(path);
            start(file.stream());
        }
        if (directory) {
            Files.createDirectories(path);
        }
        finishFile();
        if (directory) {
            for (String source : expected) {
                if (!started.contains(source)) {
                    openFor(source);
                    finishFile();
                }
            }
        }
        for (AtomicFile f : unpublished) {
            f.commit();
        }
        unpublished.clear();
    }

    /** Drops what was written: the file being written and, in directory mode, those finished and not yet published. */
    @Override
    public void abort() {
        try {
            if (file != null) {
                file.abort();
                file = null;
            }
            unpublished.forEach(AtomicFile::abort);
            unpublished.clear();
            if (streamOut != null) {
                try {
                    // standard output: what is still buffered is not sent, as a failed run publishes nothing more
                    if (!path.toString().equals("-")) {
                        streamOut.close();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                streamOut = null;
            }
        } finally {
            writer.abort();
        }
    }

    /** The files written so far (in directory mode published only when the run commits). */
    @Override
    public List<Path> written() {
        return List.copyOf(written);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        abort();
    }

    /**
     * Standard output as an output stream that fails when writing fails: a {@link java.io.PrintStream}
     * swallows its errors, so a full disk or a closed pipe ({@code | head}) went unseen and the run
     * read its whole input and exited 0. Closing flushes and leaves the stream open.
     */
    private static final class StandardOutput extends OutputStream {
        private final java.io.PrintStream out;

        StandardOutput(java.io.PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            check();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            check();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
            check();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void check() throws IOException {
            if (out.checkError()) {
                throw new IOException("cannot write to standard output (a closed pipe or a full disk)");
            }
        }
    }
}
