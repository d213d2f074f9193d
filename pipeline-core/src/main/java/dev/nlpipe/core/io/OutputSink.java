package dev.nlpipe.core.io;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where processed documents go: one file (written atomically), a directory that mirrors the input
 * files (each output file written atomically when its input is finished), or standard output.
 * Called from one thread, in output order.
 */
public final class OutputSink implements DocumentSink, AutoCloseable {
    private final Path path;
    private final boolean directory;
    private final WriterProvider format;
    private final Options options;
    private final Function<Document, String> relativeSource;
    private final List<Path> written = new ArrayList<>();

    private DocumentWriter writer;
    private AtomicFile file;
    private Writer stdout;
    private String currentSource;
    private final StringBuilder scratch = new StringBuilder();

    private OutputSink(Path path, boolean directory, WriterProvider format, Options options,
                       Function<Document, String> relativeSource) {
        this.path = path;
        this.directory = directory;
        this.format = format;
        this.options = options;
        this.relativeSource = relativeSource;
        this.writer = format.create(options);
    }

    /**
     * Opens a sink.
     *
     * @param path a file, a directory (ends with {@code /} or exists as one), or {@code -}
     * @param format the output format
     * @param options the format's options
     * @param relativeSource for directory output, a document's input path relative to the input root
     */
    public static OutputSink open(Path path, WriterProvider format, Options options, Function<Document, String> relativeSource) {
        boolean dir = isDirectory(path);
        return new OutputSink(path, dir, format, options, relativeSource);
    }

    /** Whether a path names a directory output (trailing slash, or an existing directory). */
    public static boolean isDirectory(Path path) {
        String s = path.toString();
        return !s.equals("-") && (s.endsWith("/") || Files.isDirectory(path));
    }

    /** The shared writer when it is stateless (workers format in parallel), else {@code null}. */
    @Override
    public DocumentWriter formatter() {
        return writer.stateless() ? writer : null;
    }

    /**
     * Writes one document; {@code formatted} is its output when a worker already formatted it with
     * {@link #formatter()}, else {@code null}.
     */
    @Override
    public void accept(Document doc, String formatted) throws IOException {
        Writer out = target(doc);
        if (formatted != null) {
            out.write(formatted);
        } else {
            scratch.setLength(0);
            writer.write(doc, scratch);
            out.append(scratch);
        }
    }

    private Writer target(Document doc) throws IOException {
        if (path.toString().equals("-")) {
            if (stdout == null) {
                stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                writer.start(stdout);
            }
            return stdout;
        }
        if (!directory) {
            if (file == null) {
                file = AtomicFile.create(path);
                writer.start(file.writer());
            }
            return file.writer();
        }
        String source = relativeSource.apply(doc);
        if (file == null || !source.equals(currentSource)) {
            finishFile();
            currentSource = source;
            file = AtomicFile.create(path.resolve(withExtension(source, format.extension())));
            writer.start(file.writer());
        }
        return file.writer();
    }

    private void finishFile() throws IOException {
        if (file != null) {
            writer.finish(file.writer());
            file.commit();
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
        if (path.toString().equals("-")) {
            if (stdout == null) {
                stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                writer.start(stdout);
            }
            writer.finish(stdout);
            stdout.flush();
            return;
        }
        if (!directory && file == null) {
            file = AtomicFile.create(path);
            writer.start(file.writer());
        }
        if (directory) {
            Files.createDirectories(path);
        }
        finishFile();
    }

    /** Drops the file being written; files already finished in directory mode stay. */
    @Override
    public void abort() {
        if (file != null) {
            file.abort();
            file = null;
        }
        if (stdout != null) {
            try {
                stdout.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The files published so far. */
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
}
