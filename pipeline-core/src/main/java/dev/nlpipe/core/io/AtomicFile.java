package dev.nlpipe.core.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A file written under a hidden temporary name beside its target and renamed onto it only when
 * complete, so an interrupted run never leaves a truncated file under the final name. A target
 * ending in {@code .gz} is gzip-compressed.
 */
public final class AtomicFile implements Closeable {
    /** Temporary files not yet committed or aborted; removed by a shutdown hook on Ctrl-C or SIGTERM. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    /** {@code .NAME.tmp-PID-RANDOM}: the writer's process id is in the name so leftovers can be attributed. */
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.tmp-(\\d+)-[0-9a-f]+");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : OPEN) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort while the JVM exits
                }
            }
        }, "nlpipe-temp-cleanup"));
    }

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean finished;

    private AtomicFile(Path target) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.temp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL));
        OutputStream out = Files.newOutputStream(temp);
        if (target.getFileName().toString().endsWith(".gz")) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        OPEN.add(temp);
    }

    /** Starts writing {@code target} (parent directories are created). */
    public static AtomicFile create(Path target) throws IOException {
        return new AtomicFile(target);
    }

    public Writer writer() {
        return writer;
    }

    public Path target() {
        return target;
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
        finished = true;
        writer.close();
        moveIntoPlace(temp, target);
        OPEN.remove(temp);
    }

    /** Closes and deletes the temporary file; the target is left as it was. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            writer.close();
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

    /** The id of the process that wrote {@code file}, when it is the temporary file of an {@code AtomicFile}. */
    public static OptionalLong temporaryOwner(Path file) {
        Path name = file.getFileName();
        Matcher m = name == null ? null : TEMP_NAME.matcher(name.toString());
        if (m == null || !m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Deletes the temporary files under {@code dir} (recursively) whose writing process is no
     * longer running: what a process killed before it could commit or abort (SIGKILL, power loss)
     * leaves behind. Temporary files of live processes, this one included, are left alone.
     *
     * @return the files deleted
     */
    public static List<Path> removeAbandoned(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(dir)) {
            candidates = walk.filter(p -> temporaryOwner(p).isPresent()).toList();
        }
        for (Path p : candidates) {
            long pid = temporaryOwner(p).getAsLong();
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive && Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                removed.add(p);
            }
        }
        return removed;
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
