package dev.nlpipe.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
        if (path.toString().equals("-")) {
            return List.of(InputSource.stdin());
        }
        if (!Files.isDirectory(path)) {
            return List.of(new InputSource(path, path.toString(), path.getFileName().toString()));
        }
        PathMatcher matcher = glob == null || glob.isEmpty() ? p -> true : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        boolean byName = glob == null || !glob.contains("/");
        List<InputSource> out = new ArrayList<>();
        try (Stream<Path> walk = recursive ? Files.walk(path) : Files.list(path)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(path.relativize(p)))
                    .filter(p -> matcher.matches(byName ? p.getFileName() : path.relativize(p)))
                    .sorted(Comparator.comparing(p -> path.relativize(p).toString()))
                    .forEach(p -> out.add(new InputSource(p, p.toString(), path.relativize(p).toString())));
        } catch (UncheckedIOException e) {
            throw e.getCause();
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
