package dev.nlpipe.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names for work-in-progress files and directories: hidden, beside their target, unique per process. */
public final class TempNames {
    /**
     * {@code .NAME.tmp-PID-sSTART-RANDOM}: the writer's process id and start time (epoch milliseconds,
     * hex) are in the name so leftovers can be attributed. The start time tells a dead writer from a
     * live process that has its id since: in a container every run is process 1. Names without it
     * (written by earlier versions, or where the start time is unknown) are judged by the id alone.
     */
    private static final Pattern NAME = Pattern.compile("\\..+\\.tmp-(\\d+)(?:-s([0-9a-f]+))?-[0-9a-f]+");
    private static final String WRITER = writerPart(ProcessHandle.current());

    private TempNames() {
    }

    /**
     * {@code .<name>.tmp-<pid>-<random>} in the target's directory, so a rename onto the target is
     * atomic (same file system) and readers that skip hidden files never see it.
     */
    public static Path beside(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        String suffix = ".tmp-" + WRITER + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        return dir.resolve("." + stemFor(target.getFileName().toString(), MAX_NAME_BYTES - 1 - suffix.length()) + suffix);
    }

    /** The longest file name most file systems take (ext4, XFS, APFS: 255 bytes). */
    static final int MAX_NAME_BYTES = 255;
    /** Ends a name cut to fit: the target's name is then known by its start ({@link #standsFor}). */
    private static final char CUT = '~';

    /**
     * The target's name, or as much of its start as fits in {@code maxBytes} of UTF-8 followed by
     * {@value #CUT}: a target whose name fits only just would otherwise get a temporary name that
     * does not (a long Chinese title is 3 bytes a character).
     */
    static String stemFor(String name, int maxBytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        int bytes = 1; // the mark
        int end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            end += Character.charCount(cp);
        }
        return name.substring(0, end) + CUT;
    }

    /**
     * Whether a temporary name's stem stands for the file {@code name} or, with {@code family}, for
     * one named after it ({@code out.jsonl.errors.jsonl}): its own name is such a name, or it was cut
     * to fit and is the start of one.
     */
    private static boolean standsFor(String stem, String name, boolean family) {
        if (stem.equals(name) || (family && stem.startsWith(name))) {
            return true;
        }
        if (stem.isEmpty() || stem.charAt(stem.length() - 1) != CUT) {
            return false;
        }
        String kept = stem.substring(0, stem.length() - 1);
        return name.startsWith(kept) || (family && kept.startsWith(name));
    }

    private static String writerPart(ProcessHandle process) {
        return process.pid() + process.info().startInstant().map(t -> "-s" + Long.toHexString(t.toEpochMilli())).orElse("");
    }

    /**
     * The file a temporary name stands in for ({@code .out.jsonl.tmp-...} → {@code out.jsonl}, in the
     * same directory), or {@code path} itself when it is no such name: what an error should name.
     * A name cut to fit the name limit gives the start of the target's name, ending in {@code ~}.
     */
    public static Path target(Path path) {
        Path name = path.getFileName();
        if (name == null || !NAME.matcher(name.toString()).matches()) {
            return path;
        }
        String s = name.toString();
        return path.resolveSibling(s.substring(1, s.lastIndexOf(".tmp-")));
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
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> candidates = new ArrayList<>();
        // Another process may create, rename or delete files (its own temporary ones) while we walk:
        // an entry that vanished is skipped, not an error.
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && owner(file).isPresent()) {
                    candidates.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return removeDead(candidates);
    }

    /**
     * Deletes the temporary files of dead processes beside one output file: those of the file
     * itself and of files named after it ({@code out.jsonl.errors.jsonl}). Unlike
     * {@link #removeAbandoned} it does not descend, since the output's directory may be any
     * directory (a home directory) that nlpipe does not own.
     *
     * @return the files deleted
     */
    public static List<Path> removeAbandonedBeside(Path target) throws IOException {
        return removeDead(temporariesBeside(target, true, Files::isRegularFile));
    }

    /**
     * The temporary directories of dead processes beside one output directory (a model directory
     * being built when its process was killed: Ctrl-C does not unwind to the code that removes it).
     *
     * @return the directories, for the caller to delete
     */
    public static List<Path> abandonedDirectoriesBeside(Path target) throws IOException {
        return temporariesBeside(target, false, Files::isDirectory).stream()
                .filter(p -> !writerRunning(p)).toList();
    }

    /** The temporary files or directories ({@code kind}) beside {@code target} of it or, with {@code family}, of files named after it. */
    private static List<Path> temporariesBeside(Path target, boolean family, Predicate<Path> kind) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || target.getFileName() == null) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> {
                String name = p.getFileName().toString();
                return owner(p).isPresent() && standsFor(name.substring(1, name.lastIndexOf(".tmp-")), target.getFileName().toString(),
                        family) && kind.test(p);
            }).toList();
        }
    }

    private static List<Path> removeDead(List<Path> candidates) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path p : candidates) {
            if (!writerRunning(p) && Files.deleteIfExists(p)) {
                removed.add(p);
            }
        }
        return removed;
    }

    /**
     * Whether the process that made temporary file {@code path} still runs: its id is alive and,
     * when the name records the writer's start time and the process's is known, it started then.
     */
    static boolean writerRunning(Path path) {
        Matcher m = NAME.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        Instant started = null;
        try {
            started = m.group(2) == null ? null : Instant.ofEpochMilli(Long.parseLong(m.group(2), 16));
        } catch (NumberFormatException e) {
            // a start time too long to be one: judged by the id alone
        }
        return LiveProcesses.running(pid, started);
    }
}
