package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.OutputConfig;
import dev.nlpipe.core.io.AtomicFile;
import dev.nlpipe.core.io.TempNames;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one input file through the pipeline into its mirrored output file, with the pipeline's own
 * input format and output format (only the paths are replaced). The output is published by
 * renaming a complete temporary file, so a file is either fully written or not there; bad
 * records follow the pipeline's {@code onError} rule: with {@code skip} they go to
 * {@code <output>.errors.jsonl} beside the output, with {@code fail} the file fails and nothing is
 * published. The errors file changes only with the output it belongs to: a failed attempt leaves
 * both as the last successful one left them. Thread-safe (the pipeline is).
 */
public final class FileProcessor {
    private final Pipeline pipeline;
    private final InputConfig input;
    private final OutputConfig output;
    private final Path outputDir;
    private final RunOptions options;

    /**
     * @param pipeline the built pipeline
     * @param input the input section whose format and options every file is read with
     * @param output the output section whose format and options every file is written with
     * @param outputDir the output directory
     * @param options per-file run options (threads, batch size, onError; no progress)
     */
    public FileProcessor(Pipeline pipeline, InputConfig input, OutputConfig output, Path outputDir, RunOptions options) {
        this.pipeline = pipeline;
        this.input = input;
        this.output = output;
        this.outputDir = outputDir;
        this.options = options;
    }

    /**
     * Processes {@code file} into {@code outputRelative} under the output directory.
     *
     * @param file the input file
     * @param relative its path relative to the input directory, which names its documents ({@code 2024/a.txt:1})
     *     as {@code nlpipe run} over the directory names them
     * @param outputRelative its output's path relative to the output directory
     * @throws IOException, {@link RuntimeException} when the file cannot be processed (nothing is published then)
     */
    public FileOutcome process(Path file, String relative, String outputRelative) throws IOException {
        long t0 = System.nanoTime();
        Path target = outputDir.resolve(outputRelative);
        Path errors = Pipeline.errorsFile(outputFor(target, null));
        // bad records go to this attempt's own file, which becomes the output's errors file only once the output is
        // published: a failed attempt leaves the previous output and its errors file as they were
        Path attemptErrors = errors == null ? null : TempNames.beside(errors);
        RunSummary s;
        boolean published = false;
        try {
            s = pipeline.run(input.withPath(file), relative, outputFor(target, attemptErrors), options, null);
            if (attemptErrors != null) {
                if (Files.exists(attemptErrors)) {
                    AtomicFile.moveIntoPlace(attemptErrors, errors);
                } else {
                    Files.deleteIfExists(errors);
                }
            }
            published = true;
        } finally {
            if (!published && attemptErrors != null) {
                Files.deleteIfExists(attemptErrors);
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new FileOutcome(s.read(), s.written(), s.failed(), millis, outputRelative, Files.size(target),
                s.firstErrors().isEmpty() ? null : s.firstErrors().get(0).toString());
    }

    /**
     * The pipeline's output section aimed at one file, with {@code errors} as its errors file, or the
     * one beside it when {@code null} (a configured one would be shared by every file).
     */
    private OutputConfig outputFor(Path target, Path errors) {
        return new OutputConfig(target, false, output.format(), errors, output.formatOptions(), output.location());
    }
}
