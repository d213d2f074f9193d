package dev.nlpipe.core.model;

import dev.nlpipe.core.io.Fsync;
import dev.nlpipe.core.io.TempNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Builds a model directory under a hidden temporary name beside the target and moves it into
 * place only when complete (its files forced to disk first), so a failed or interrupted training
 * never leaves a half-written model under the final name (an existing model there is replaced
 * only on success). Before the move, {@link ModelManifest#seal} records the checksum of every file.
 */
public final class ModelDirWriter implements AutoCloseable {
    /** Directories being built in this process: reading one (to evaluate it) is not reading an old model. */
    private static final Set<Path> BUILDING = ConcurrentHashMap.newKeySet();
    private final Path target;
    private final Path temp;
    private final Mover mover;
    private boolean finished;

    /** {@link Files#move}, replaceable in tests to make one of the publishing moves fail. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    private ModelDirWriter(Path target, Mover mover) throws IOException {
        String refused = whyNotReplaceable(target);
        if (refused != null) {
            throw new IOException(refused);
        }
        // "--output ." or "m/." would otherwise put the temporary directory inside the target and rename "."
        target = target.toAbsolutePath().normalize();
        this.target = target;
        this.mover = mover;
        Files.createDirectories(target.getParent());
        for (Path abandoned : TempNames.abandonedDirectoriesBeside(target)) {
            deleteTree(abandoned); // a copy of the model (weights and all) left by an earlier run that was killed
        }
        this.temp = TempNames.beside(target);
        Files.createDirectories(temp);
        BUILDING.add(temp.toAbsolutePath().normalize());
    }

    /** Starts building a model directory that will become {@code target}. */
    public static ModelDirWriter create(Path target) throws IOException {
        return new ModelDirWriter(target, (from, to) -> Files.move(from, to));
    }

    /** The same, publishing with {@code mover} instead of {@link Files#move}. */
    static ModelDirWriter create(Path target, Mover mover) throws IOException {
        return new ModelDirWriter(target, mover);
    }

    /**
     * Why {@code target} may not become a model directory, or {@code null} when it may: it does
     * not exist, is an empty directory, or is a model directory (it holds {@code model.json}). A
     * file, or a directory holding anything else ({@code --output models/} meant as "inside
     * models/"), is refused, since publishing replaces the whole target.
     */
    public static String whyNotReplaceable(Path target) {
        String home = dev.nlpipe.core.io.OutputTargets.unexpandedHome(target);
        if (home != null) {
            return home;
        }
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(target)) {
            return target + " exists and is a file, not a model directory; the model would replace it. Name a new directory";
        }
        if (Files.exists(target.resolve(ModelDir.MODEL_JSON))) {
            return null;
        }
        try (Stream<Path> entries = Files.list(target)) {
            long n = entries.count();
            return n == 0 ? null : target + " exists and is not a model directory (no " + ModelDir.MODEL_JSON + "; " + n
                    + (n == 1 ? " entry" : " entries") + "); the model would replace the whole directory. Name a new one, such as "
                    + target.resolve("model");
        } catch (IOException e) {
            return target + " cannot be listed (" + e.getMessage() + ")";
        }
    }

    /** The directory to write files into while building. */
    public Path dir() {
        return temp;
    }

    /** The final location. */
    public Path target() {
        return target;
    }

    /**
     * Moves the finished directory onto the target, replacing an older model there. When a move
     * fails, the older model is put back and the new one is kept where it was built: the error says
     * where, so a long training is not lost to a rename (a target that is a mount point, say).
     */
    public void commit() throws IOException {
        if (finished) {
            return;
        }
        ModelManifest.seal(temp);
        Fsync.tree(temp);
        // from here on the complete model is kept whatever happens (abort no longer deletes it)
        finished = true;
        BUILDING.remove(temp.toAbsolutePath().normalize());
        Path old = null;
        if (Files.exists(target)) {
            old = target.getParent().resolve("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            deleteTree(old);
            try {
                mover.move(target, old);
            } catch (IOException e) {
                throw new IOException("cannot move the earlier model " + target + " aside to replace it (" + e.getMessage()
                        + "); the new model is complete in " + temp + ": move it into place by hand", e);
            }
        }
        try {
            mover.move(temp, target);
        } catch (IOException e) {
            String restored = "";
            if (old != null) {
                try {
                    mover.move(old, target);
                    restored = "the earlier model is back in place; ";
                } catch (IOException again) {
                    e.addSuppressed(again);
                    restored = "the earlier model is in " + old + "; ";
                }
            }
            throw new IOException("cannot move the new model into " + target + " (" + e.getMessage() + "); " + restored
                    + "the new model is complete in " + temp, e);
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes the directory being built. */
    public void abort() {
        if (!finished) {
            finished = true;
            BUILDING.remove(temp.toAbsolutePath().normalize());
            try {
                deleteTree(temp);
            } catch (IOException ignored) {
                // a hidden leftover is harmless
            }
        }
    }

    @Override
    public void close() {
        abort();
    }

    /** Whether {@code dir} is, or lies inside, a model directory this process is still building. */
    static boolean isBeingBuilt(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        return BUILDING.stream().anyMatch(p::startsWith);
    }

    /** Deletes a directory tree if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
