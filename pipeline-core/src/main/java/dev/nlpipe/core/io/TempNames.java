package dev.nlpipe.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names for work-in-progress files and directories: hidden, beside their target, unique per process. */
public final class TempNames {
    /** {@code .NAME.tmp-PID-RANDOM}: the writer's process id is in the name so leftovers can be attributed. */
    private static final Pattern NAME = Pattern.compile("\\..+\\.tmp-(\\d+)-[0-9a-f]+");

    private TempNames() {
    }

    /**
     * {@code .<name>.tmp-<pid>-<random>} in the target's directory, so a rename onto the target is
     * atomic (same file system) and readers that skip hidden files never see it.
     */
    public static Path beside(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        return dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL));
    }

    /** The id of the process that made {@code path}, when it is one of these temporary names. */
    public static OptionalLong owner(Path path) {
        Path name = path.getFileName();
        Matcher m = name == null ? null : NAME.matcher(name.toString());
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
     * leaves behind. Temporary files of live processes, this one included, are left alone, and so
     * are temporary directories (a model directory being built).
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
            candidates = walk.filter(p -> owner(p).isPresent()).toList();
        }
        for (Path p : candidates) {
            boolean alive = ProcessHandle.of(owner(p).getAsLong()).map(ProcessHandle::isAlive).orElse(false);
            if (!alive && Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                removed.add(p);
            }
        }
        return removed;
    }
}
