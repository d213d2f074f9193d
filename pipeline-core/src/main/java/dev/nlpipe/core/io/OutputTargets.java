package dev.nlpipe.core.io;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a run will write, checked against its inputs before anything is read or written: no
 * output (nor the errors file) may be one of the input files, and in directory output no two
 * inputs may map to the same output file, nor one's file be the directory of another's. These would
 * otherwise lose data silently or fail at the end of a run: an input
 * replaced by its own output, or one input's documents replaced by another's (`a.txt` and `a.log`
 * both becoming `a.jsonl`).
 */
public final class OutputTargets {
    private OutputTargets() {
    }

    /**
     * Checks a run's outputs against its inputs.
     *
     * @param sources the input files
     * @param output the output file or directory ({@code -} for standard output)
     * @param directory whether each input is mirrored to its own file under {@code output}
     * @param extension the output format's file extension
     * @param errors the errors file, or {@code null} when errors go to standard error
     * @param at where the output is configured
     * @throws ConfigException naming the inputs and the output file they collide on
     */
    public static void check(List<InputSource> sources, Path output, boolean directory, String extension, Path errors, Location at) {
        boolean stream = output.toString().equals("-") || (!directory && Files.exists(output) && !Files.isRegularFile(output));
        Map<Path, InputSource> inputs = new HashMap<>();
        for (InputSource s : sources) {
            if (s.path() != null) {
                inputs.putIfAbsent(key(s.path()), s);
                inputs.putIfAbsent(real(s.path()), s);
            }
        }
        if (errors != null && nameTooLong(errors)) {
            // found after the output was published otherwise: the run would fail with its output in place
            throw new ConfigException(at, "the errors file name " + errors.getFileName() + " is longer than the " + TempNames.MAX_NAME_BYTES
                    + " bytes of UTF-8 a file name may have; set output.errors to a shorter name");
        }
        if (errors != null && !stream && key(errors).equals(key(output))) {
            // the errors file published over the output (or deleted as stale when no record failed): the output lost
            throw new ConfigException(at, "the errors file " + errors + " is the output " + output + "; give output.errors another path");
        }
        if (errors != null && input(inputs, errors) != null) {
            throw new ConfigException(at, "the errors file " + errors + " is the input file " + input(inputs, errors).path()
                    + "; writing it would destroy the input. Choose another output.errors");
        }
        for (Path p : errors == null ? List.of(output) : List.of(output, errors)) {
            String home = unexpandedHome(p);
            if (home != null) {
                throw new ConfigException(at, home);
            }
        }
        if (errors != null) {
            checkParents("the errors file", errors, errors.getParent(), "output.errors", at);
        }
        if (stream) {
            return;
        }
        checkParents("output", output, directory ? output : output.getParent(), "another output path", at);
        Map<Path, InputSource> targets = new HashMap<>();
        for (InputSource s : sources) {
            if (s.path() == null || (!directory && targets.containsKey(key(output)))) {
                continue;
            }
            Path target = directory ? output.resolve(OutputSink.withExtension(s.relative(), extension)) : output;
            if (nameTooLong(target)) {
                throw new ConfigException(at, "output file name " + target.getFileName() + " is longer than the " + TempNames.MAX_NAME_BYTES
                        + " bytes of UTF-8 a file name may have" + (directory ? " (input " + s.path() + "); rename the input" : "; choose a shorter one"));
            }
            InputSource overwritten = input(inputs, target);
            if (overwritten != null) {
                throw new ConfigException(at, "output " + target + " is the input file " + overwritten.path()
                        + "; writing it would replace the input. Choose another output path");
            }
            InputSource previous = targets.putIfAbsent(key(target), s);
            if (previous != null && directory) {
                throw new ConfigException(at, "inputs " + previous.path() + " and " + s.path() + " would both be written to " + target
                        + " (an output file is named after its input without the extension), so one would be lost;"
                        + " rename one of them, or run them to separate outputs");
            }
            if (directory && Files.isDirectory(target)) {
                throw new ConfigException(at, "output " + target + " (for input " + s.path() + ") is a directory already;"
                        + " move it away, or run to another output directory");
            }
        }
        if (directory) {
            checkNoFileHoldsAnother(targets, key(output), at);
        }
    }

    /**
     * Why an output path that starts with a {@code ~} directory is refused, or {@code null}: the
     * shell expands {@code ~} only at the start of a word ({@code --output=~/x} and a YAML file keep
     * it), and writing would create a directory named {@code ~} in the working directory, which a
     * later {@code rm -rf ~} meant for it would make a disaster of.
     */
    public static String unexpandedHome(Path path) {
        if (path.isAbsolute() || path.getNameCount() == 0 || !path.getName(0).toString().equals("~")) {
            return null;
        }
        return path + " starts with ~, which was not expanded to your home directory (the shell expands it only at the start of a"
                + " word, not after --output= or in a YAML file): write the path out, e.g. " + System.getProperty("user.home")
                + path.toString().substring(1);
    }

    /**
     * Refuses an output whose nearest existing directory on its path is a file ({@code in.txt/x.jsonl}
     * with {@code in.txt} a file): it could not be created, and the run would fail only after it started.
     */
    private static void checkParents(String what, Path path, Path dir, String fix, Location at) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d)) {
                return;
            }
            if (Files.exists(d) || Files.isSymbolicLink(d)) {
                throw new ConfigException(at, what + " " + path + " cannot be created: " + (d.equals(path) ? "it" : "its parent " + d)
                        + " is a file, not a directory; choose " + fix);
            }
        }
    }

    /** Whether a file name is longer than a file system holds (255 bytes), so its temporary file could not be made either. */
    private static boolean nameTooLong(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > TempNames.MAX_NAME_BYTES;
    }

    /**
     * In directory output one input's file may not be the directory of another's ({@code a.txt}
     * and {@code a.jsonl/b.txt} both under the input): the second could only be published after the
     * first, and the run would fail at its end with part of its output published.
     */
    private static void checkNoFileHoldsAnother(Map<Path, InputSource> targets, Path root, Location at) {
        for (Map.Entry<Path, InputSource> t : targets.entrySet()) {
            for (Path dir = t.getKey().getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
                InputSource holder = targets.get(dir);
                if (holder != null) {
                    throw new ConfigException(at, "input " + holder.path() + " would be written to " + dir + ", the directory that"
                            + " input " + t.getValue().path() + " is written under; rename one of them, or run them to separate"
                            + " outputs");
                }
            }
        }
    }

    /** Whether two paths name the same file, by name or (through links) on disk. */
    public static boolean sameFile(Path a, Path b) {
        return key(a).equals(key(b)) || real(a).equals(real(b));
    }

    /**
     * Whether {@code path} is {@code dir} or lies below it, by name or (through links) on disk: a
     * path that need not exist yet (an output to be created) is resolved as {@link #realBelowExisting} does.
     */
    public static boolean within(Path path, Path dir) {
        return key(path).startsWith(key(dir)) || realBelowExisting(path).startsWith(real(dir));
    }

    /** The input that {@code file} is, by name or (through links) on disk, or {@code null}. */
    private static InputSource input(Map<Path, InputSource> inputs, Path file) {
        InputSource s = inputs.get(key(file));
        return s != null ? s : inputs.get(real(file));
    }

    /** The path as the file system resolves it (links followed), or absolute and normalized while it does not exist. */
    public static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return key(p);
        }
    }

    /**
     * As {@link #real}, for a path that need not exist yet: the links of its nearest existing
     * directory are resolved, the rest of the path kept ({@code linked/new} with {@code linked}
     * a link to {@code store} is {@code store/new}).
     */
    public static Path realBelowExisting(Path p) {
        Path abs = key(p);
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
