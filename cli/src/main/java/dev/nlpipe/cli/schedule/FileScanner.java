package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.io.InputFiles;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.InstanceLock;
import dev.nlpipe.core.io.OutputTargets;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lists the input files of a tick: the same selection as {@code nlpipe run} over a directory
 * (regular, non-hidden files matching the glob, recursively, sorted), minus anything under the
 * excluded paths (the output directory when it lies inside the input) and the directories of
 * other schedulers' outputs and state databases, with size and modification time.
 */
public final class FileScanner {
    private final Path inputDir;
    private final String glob;
    private final boolean recursive;
    private final List<Path> excluded;

    /**
     * @param inputDir the directory to scan
     * @param glob file-name pattern ({@code *.txt}) or relative-path pattern ({@code 2024/**}{@code /*.txt}), or {@code null} for all
     * @param recursive whether sub-directories are scanned
     * @param excluded directories whose files are never inputs
     */
    public FileScanner(Path inputDir, String glob, boolean recursive, List<Path> excluded) {
        this.inputDir = inputDir;
        this.glob = glob;
        this.recursive = recursive;
        this.excluded = excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * What a scan found.
     *
     * @param files the files now present, sorted by relative path
     * @param unreadable the sub-directories that could not be read (relative, {@code /}-separated):
     *     their files are neither inputs of this tick nor deleted
     * @param badNames files passed over whose names are not text in the file system's encoding (GBK
     *     names from a zip made on Windows), as shown with replacement characters: several would
     *     share one name, one state row and one output
     */
    public record Scan(List<ScannedFile> files, List<String> unreadable, List<String> badNames) {
    }

    /**
     * The files now present and the sub-directories passed over.
     *
     * @throws NoSuchFileException when the input directory is missing (never read as "every file
     *     was deleted": a directory that is unmounted for a moment must not prune every output)
     */
    public Scan scan() throws IOException {
        if (!Files.isDirectory(inputDir)) {
            throw new NoSuchFileException(inputDir.toString(), null,
                    Files.exists(inputDir) ? "the input is not a directory" : "the input directory does not exist");
        }
        List<ScannedFile> out = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<String> badNames = new ArrayList<>();
        // where the files really are: an output directory inside the input reached by another spelling (a link to the
        // input, or the output given through one) is still the output, whose files must never become inputs
        List<Path> excludedReal = excluded.stream().map(OutputTargets::real).toList();
        // each directory resolved once: a link inside the input (mirror -> ../out) leads there too
        java.util.Map<Path, Path> realDirs = new java.util.HashMap<>();
        for (InputSource s : InputFiles.list(inputDir, glob, recursive, dir -> unreadable.add(dir.toString().replace('\\', '/')),
                FileScanner::anotherSchedulersOutput)) {
            Path parent = s.path().toAbsolutePath().getParent();
            Path real = realDirs.computeIfAbsent(parent, OutputTargets::real).resolve(s.path().getFileName());
            // an errors file (of a scheduler whose output this input is) reports bad records, it holds no documents; its name
            // is also the errors file of the input a.jsonl beside it, which would replace or delete it as this one's output
            if (excludedReal.stream().anyMatch(real::startsWith) || s.relative().endsWith(Pipeline.ERRORS_SUFFIX)) {
                continue;
            }
            if (s.relative().indexOf('\uFFFD') >= 0 && !Files.exists(Path.of(s.path().toString()), LinkOption.NOFOLLOW_LINKS)) {
                badNames.add(s.relative().replace(File.separatorChar, '/'));
                continue;
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(s.path(), BasicFileAttributes.class);
            } catch (NoSuchFileException gone) {
                continue;
            }
            out.add(new ScannedFile(s.relative().replace(File.separatorChar, '/'), s.path(), a.size(),
                    a.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
        }
        return new Scan(out, List.copyOf(unreadable), List.copyOf(badNames));
    }

    /**
     * Whether a directory below the input is another scheduler's output or holds a state database:
     * two schedulers over one input, each with its output inside it ({@code --output in/tok},
     * {@code --output in/vec}), would otherwise process each other's outputs, one level deeper on
     * every pass. The input directory itself may be one (a scheduler reading another's output): the
     * listing asks only about the directories below it, and does not enter these.
     */
    private static boolean anotherSchedulersOutput(Path dir) {
        return Files.exists(InstanceLock.fileForOutput(dir)) || Files.exists(ScheduleSettings.defaultState(dir));
    }

    public Path inputDir() {
        return inputDir;
    }
}
