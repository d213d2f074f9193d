package dev.nlpipe.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Expands an input path into the files to read, in a stable order: a file is itself; a directory
 * is walked (recursively unless told otherwise), keeping regular, non-hidden files that match the
 * glob, sorted by relative path. A glob without {@code /} matches file names ({@code *.txt}); one
 * with {@code /} matches paths relative to the directory ({@code 2024/**}{@code /*.jsonl}).
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** The sources under {@code path}; {@code -} means standard input. */
    public static List<InputSource> list(Path path, String glob, boolean recursive) throws IOException {
        return list(path, glob, recursive, null);
    }

    /**
     * A glob whose {@code **}{@code /} also matches no directory at all, as in shells with globstar and
     * in Python's {@code glob}: Java's needs at least one ({@code 2024/**}{@code /*.jsonl} missed
     * {@code 2024/a.jsonl}). A glob with braces of its own is left as written (Java does not nest them).
     */
    static String zeroOrMoreDirs(String glob) {
        return glob.contains("{") ? glob : glob.replace("**/", "{**/,}");
    }

    /**
     * Whether a file, by its path relative to the input directory, is one {@code glob} selects (every
     * file when it is {@code null} or empty): by its name alone when the glob has no {@code /}, else
     * by that relative path, {@code **}{@code /} matching no directory too ({@link #zeroOrMoreDirs}).
     * The Spark job lists a Hadoop file system's directories with it.
     */
    public static Predicate<Path> selectedBy(String glob) {
        if (glob == null || glob.isEmpty()) {
            return relative -> true;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + zeroOrMoreDirs(glob));
        return glob.contains("/") ? matcher::matches : relative -> matcher.matches(relative.getFileName());
    }

    /**
     * The same, passing over a sub-directory that cannot be read (a root-owned {@code lost+found} at the
     * root of a mounted volume) instead of failing.
     *
     * @param unreadable told each sub-directory passed over, relative to {@code path}; {@code null} to fail on it
     */
    public static List<InputSource> list(Path path, String glob, boolean recursive, Consumer<Path> unreadable)
            throws IOException {
        return list(path, glob, recursive, unreadable, dir -> false);
    }

    /**
     * The same, not entering the sub-directories {@code skip} accepts (the scheduler's: another
     * scheduler's output inside the input).
     *
     * @param skip told each sub-directory below {@code path} before it is entered
     */
    public static List<InputSource> list(Path path, String glob, boolean recursive, Consumer<Path> unreadable, Predicate<Path> skip)
            throws IOException {
        if (path.toString().equals("-")) {
            return List.of(InputSource.stdin());
        }
        if (!Files.isDirectory(path)) {
            return List.of(new InputSource(path, path.toString(), path.getFileName().toString()));
        }
        Predicate<Path> selected = selectedBy(glob);
        List<Path> files = new ArrayList<>();
        // links followed: an input directory (or a sub-directory) that is a link to the data is read, not passed over unseen
        Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), recursive ? Integer.MAX_VALUE : 1, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                // Hidden directories hold no inputs (and often another process's work in progress): not entered.
                return !dir.equals(path) && (isHidden(path.relativize(dir)) || skip.test(dir)) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path rel = path.relativize(file);
                boolean regular = attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file);
                if (regular && !isHidden(rel) && selected.test(rel)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // A file or directory deleted between listing and reading it is simply no longer an input; a link back up
                // the tree (a loop) holds nothing that was not listed already.
                if (e instanceof NoSuchFileException && !file.equals(path) || e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE;
                }
                if (unreadable != null && e instanceof AccessDeniedException && !file.equals(path)) {
                    unreadable.accept(path.relativize(file));
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        files.sort(Comparator.comparing(p -> path.relativize(p).toString()));
        List<InputSource> out = new ArrayList<>(files.size());
        for (Path p : files) {
            out.add(new InputSource(p, p.toString(), path.relativize(p).toString()));
        }
        return out;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
