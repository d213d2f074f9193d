package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.OutputConfig;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.stage.Components;
import java.nio.file.Path;

/**
 * The pipeline file as read for a tick: its configuration with the input and output sections
 * aimed at the scheduled directories (their formats and options kept), the configuration's
 * fingerprint, and the built pipeline.
 *
 * @param config the configuration
 * @param input the input section (path: the input directory)
 * @param output the output section (path: the output directory)
 * @param glob which files are inputs ({@code --glob}, else {@code input.glob}), or {@code null} for all
 * @param fingerprint the {@link ConfigFingerprint}
 * @param extension the output format's file extension
 * @param pipeline the built pipeline (closed by {@link #close()})
 */
public record LoadedPipeline(PipelineConfig config, InputConfig input, OutputConfig output, String glob, String fingerprint,
                             String extension, Pipeline pipeline) implements AutoCloseable {

    /**
     * Reads and checks the pipeline file and builds the pipeline, everything before any file is read.
     *
     * @param reuse a loaded pipeline whose built stages are kept when the fingerprint is the same, or {@code null}
     * @throws dev.nlpipe.core.config.ConfigException located at the offending line
     */
    public static LoadedPipeline load(ScheduleSettings s, LoadedPipeline reuse) {
        PipelineConfig cfg = PipelineConfig.load(s.pipeline(), s.overrides());
        InputConfig in = cfg.input() == null ? InputConfig.of(s.input()) : cfg.input().withPath(s.input());
        String outDir = s.output().toString() + "/";
        OutputConfig out = cfg.output() == null ? OutputConfig.of(outDir) : cfg.output().withPath(outDir);
        PipelineConfig aimed = new PipelineConfig(cfg.name(), in, cfg.stages(), out, cfg.onError(), cfg.threads(), cfg.batchSize(),
                cfg.source());
        String extension = Components.get().writers().get(out.format(), out.location()).extension();
        String fingerprint = ConfigFingerprint.of(aimed, in, out);
        Pipeline pipeline = reuse != null && reuse.fingerprint().equals(fingerprint) ? reuse.pipeline() : Pipeline.fromConfig(aimed);
        return new LoadedPipeline(aimed, in, out, s.glob() != null ? s.glob() : in.glob(), fingerprint, extension, pipeline);
    }

    /** Files processed at once: {@code --threads}, else the pipeline's {@code threads}, else the number of cores. */
    public int workers(ScheduleSettings s) {
        int n = s.threads() > 0 ? s.threads() : config.threads();
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    /** A processor for this tick's files, giving each file an equal share of the workers when there are fewer files than workers. */
    public FileProcessor processor(Path outputDir, int workers, int files) {
        int perFile = Math.max(1, workers / Math.max(1, Math.min(workers, files)));
        RunOptions defaults = pipeline.defaultRunOptions(false);
        RunOptions options = new RunOptions(perFile, defaults.batchSize(), defaults.onError(), false);
        return new FileProcessor(pipeline, input, output, outputDir, options);
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
