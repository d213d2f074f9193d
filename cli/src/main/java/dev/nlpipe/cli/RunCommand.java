package dev.nlpipe.cli;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.OutputConfig;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.run.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nlpipe run PIPELINE.yaml}: streams the input through the pipeline into the output. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a pipeline over its input (or --input) and write its output (or --output).")
public class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "the pipeline file")
    Path pipeline;

    @Option(names = "--input", paramLabel = "PATH", description = "input file or directory (- for standard input); overrides input.path")
    Path input;

    @Option(names = "--output", paramLabel = "PATH", description = "output file, directory (ending in /) or - ; overrides output.path")
    String output;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the pipeline's, else all cores)")
    Integer threads;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "documents handed to each stage at once; neural stages run a batch in one forward pass"
                    + " (default: the pipeline's batchSize, else " + RunOptions.DEFAULT_BATCH + ")")
    Integer batchSize;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a setting, e.g. --set tokenize.regex.lowercase=true or --set input.format=jsonl")
    List<String> sets = new ArrayList<>();

    @Option(names = "--metrics", paramLabel = "FILE", description = "write the run summary as JSON")
    Path metrics;

    @Option(names = "--quiet", description = "no progress and no summary on standard error")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** A usage error (exit code 2) when a numeric option lies outside its range, as the same key in the pipeline file would be. */
    private void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    option + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    /** A hook for commands that run pipelines with defaults of their own ({@code nlpipe augment}); {@code run} changes nothing. */
    PipelineConfig adjust(PipelineConfig cfg) throws java.io.IOException {
        return cfg;
    }

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            requireRange("--threads", threads, 1, RunOptions.MAX_THREADS);
        }
        if (batchSize != null) {
            requireRange("--batch-size", batchSize, 1, RunOptions.MAX_BATCH);
        }
        PipelineConfig cfg = PipelineConfig.load(pipeline, sets);
        InputConfig in = cfg.input();
        if (input != null) {
            in = in == null ? InputConfig.of(input) : in.withPath(input);
        }
        OutputConfig out = cfg.output();
        if (output != null) {
            out = out == null ? OutputConfig.of(output) : out.withPath(output);
        }
        cfg = adjust(new PipelineConfig(cfg.name(), in, cfg.stages(), out, cfg.onError(), cfg.threads(), cfg.batchSize(), cfg.source()));
        Path outPath = cfg.output() == null ? null : cfg.output().path();
        Path inPath = cfg.input() == null ? null : cfg.input().path();
        OutputOptions.refuseInputs(spec, "output", outPath, OutputOptions.in("pipeline", pipeline));
        OutputOptions.reportFile(spec, "--metrics", metrics, OutputOptions.in("pipeline", pipeline), OutputOptions.in("input", inPath),
                OutputOptions.in("output", outPath));
        try {
            Pipeline.checkInput(cfg);
        } catch (dev.nlpipe.core.config.ConfigException e) {
            // with the file's other mistakes, which building the stages would report only once the input is found
            Pipeline.throwWithOtherErrors(cfg, e);
        }
        try (Pipeline p = Pipeline.fromConfig(cfg)) {
            RunOptions defaults = p.defaultRunOptions(!quiet);
            RunOptions options = new RunOptions(threads != null ? threads : defaults.threads(),
                    batchSize != null ? batchSize : defaults.batchSize(), defaults.onError(), !quiet);
            RunSummary summary = p.run(options, System.err);
            if (!quiet) {
                System.err.print(summary.format());
            }
            if (metrics != null) {
                ModelDir.writeJson(metrics, summary.toMap());
            }
            return summary.exitCode();
        }
    }
}
