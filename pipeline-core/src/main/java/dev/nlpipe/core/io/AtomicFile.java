package dev.nlpipe.core.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A file written under a hidden temporary name beside its target, forced to disk and renamed onto
 * it only when complete, so neither an interrupted run nor a power loss right after the rename
 * leaves a truncated file under the final name. A target ending in {@code .gz} is gzip-compressed.
 * Write either bytes ({@link #stream()}) or text ({@link #writer()}), not both.
 */
public final class AtomicFile implements Closeable {
    /** Temporary files not yet committed or aborted; removed by a shutdown hook on Ctrl-C or SIGTERM. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    /** What the exit waits for before it removes them ({@link #awaitAtExit}). */
    private static final List<Runnable> BEFORE_CLEANUP = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::cleanUpAtExit, "nlpipe-temp-cleanup"));
    }

    /**
     * Makes the exit's removal of uncommitted temporary files wait for {@code work} first: work that the
     * exit lets finish, such as a checkpoint being written when Ctrl-C comes, commits its files instead
     * of losing them to the removal (shutdown hooks run side by side).
     */
    public static void awaitAtExit(Runnable work) {
        BEFORE_CLEANUP.add(work);
    }

    /** The exit's hook: waits for {@link #awaitAtExit} work, then removes the temporary files still open. */
    static void cleanUpAtExit() {
        BEFORE_CLEANUP.forEach(Runnable::run);
        for (Path p : OPEN) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort while the JVM exits
            }
        }
    }

    private final Path target;
    private final Path temp;
    // dropped once closed: a run into a directory keeps every finished file unpublished until it
    // commits, and each would otherwise hold its buffers (up to 64 KiB and 128 KiB) until then
    private OutputStream stream;
    private Writer writer;
    private boolean written;
    private boolean finished;

    private AtomicFile(Path target) throws IOException {
        this.target = target;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (FileAlreadyExistsException e) {
            // the exception names the path alone ("in.txt: in.txt"): say that it is a file standing where a directory must be
            throw new FileSystemException(e.getFile(), null, "a file, not a directory, so " + target.getFileName()
                    + " cannot be written under it");
        }
        this.temp = TempNames.beside(target);
        OutputStream out = Files.newOutputStream(temp);
        if (target.getFileName().toString().endsWith(".gz")) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        this.stream = new BufferedOutputStream(out, 1 << 16);
        OPEN.add(temp);
    }

    /** Starts writing {@code target} (parent directories are created). */
    public static AtomicFile create(Path target) throws IOException {
        return new AtomicFile(target);
    }

    /** The file's content as bytes. */
    public OutputStream stream() {
        requireOpen();
        return stream;
    }

    /** The file's content as UTF-8 text. */
    public Writer writer() {
        requireOpen();
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }
        return writer;
    }

    public Path target() {
        return target;
    }

    private void requireOpen() {
        if (stream == null) {
            throw new IllegalStateException(target + ": already finished, nothing more can be written");
        }
    }

    /** The temporary file being written. */
    public Path temp() {
        return temp;
    }

    /** Flushes, closes and renames onto the target (replacing it). */
    public void commit() throws IOException {
        if (finished) {
            return;
        }
        finishWriting();
        // finished only once in place: a failed rename leaves the temporary file to abort (or close) to delete
        moveIntoPlace(temp, target);
        finished = true;
        OPEN.remove(temp);
    }

    /**
     * Flushes, closes and forces the temporary file to disk without renaming it: what is written is
     * complete, and {@link #commit} publishes it later or {@link #abort} drops it. Holds no open file
     * while it waits, so a run can keep many finished files unpublished until it succeeds.
     */
    public void finishWriting() throws IOException {
        if (finished || written) {
            return;
        }
        written = true;
        closeStreams();
        Fsync.file(temp);
    }

    /** Closes and deletes the temporary file; the target is left as it was. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (!written) {
                closeStreams();
            }
        } catch (IOException ignored) {
            // the file is deleted anyway
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: a hidden temp file is harmless
        }
        OPEN.remove(temp);
    }

    private void closeStreams() throws IOException {
        try {
            if (writer != null) {
                writer.close();
            } else {
                stream.close();
            }
        } finally {
            writer = null;
            stream = null;
        }
    }

    /** Renames {@code from} onto {@code to} atomically where the file system allows it. */
    public static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        abort();
    }
}
