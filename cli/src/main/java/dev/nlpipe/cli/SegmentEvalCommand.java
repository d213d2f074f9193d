package dev.nlpipe.cli;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.eval.SegmentationEvaluation;
import dev.nlpipe.core.eval.SegmentationEvaluation.GoldLine;
import dev.nlpipe.core.eval.SegmentationScore;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.StageProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nlpipe eval segment}: SIGHAN bakeoff scoring of a pipeline's (or a file's) word segmentation. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Score a word segmentation against a gold file in the SIGHAN bakeoff format (one sentence per line, "
                + "words separated by spaces): precision, recall and F1 over words, OOV rate, OOV recall and IV recall "
                + "(with --words), as the bakeoff's scoring script computes them.",
                "With --pipeline, each gold line with its spaces removed is segmented by the pipeline's stages."})
public final class SegmentEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "GOLD", description = "the gold segmentation")
    Path gold;

    static final class Source {
        @Option(names = "--pipeline", paramLabel = "P.yaml", description = "segment the gold text with this pipeline's stages")
        Path pipeline;

        @Option(names = "--pred", paramLabel = "PRED", description = "a segmented file to score, line n for gold line n")
        Path pred;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--words", paramLabel = "TRAINING_WORDS", description = "the training word list (one word per line), for OOV figures")
    Path words;

    @Option(names = "--json", paramLabel = "FILE", description = "write the scores as JSON ('-' for standard output)")
    Path json;

    @Option(names = "--write-pred", paramLabel = "FILE", description = "with --pipeline: write its segmentation in the gold format ('-' for standard output)")
    Path writePred;

    @Option(names = "--threads", paramLabel = "N", description = "with --pipeline: worker threads (default: the pipeline's threads, else all cores)")
    int threads;

    @Option(names = "--lang", paramLabel = "CODE", description = "with --pipeline: the documents' language (default: the pipeline input's, else none)")
    String lang;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "with --pipeline: override a setting, e.g. --set segment.hanlp.algorithm=dijkstra")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        OutputOptions.Input[] inputs = {OutputOptions.in("--gold", gold), OutputOptions.in("--pred", source.pred),
                OutputOptions.in("--pipeline", source.pipeline), OutputOptions.in("--words", words)};
        OutputOptions.reportFile(spec, "--json", json, inputs);
        OutputOptions.reportFile(spec, "--write-pred", writePred, inputs);
        OutputOptions.refuseInputs(spec, "--write-pred", writePred, OutputOptions.in("--json", json));
        OutputOptions.refuseTwoOnStdout(spec, "--json", json, "--write-pred", writePred);
        if (source.pred != null) {
            // each of these only changes how the pipeline runs: with a file to score, silently ignoring one hid a mistake
            for (String option : List.of("--write-pred", "--threads", "--lang", "--set")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), option + " goes with --pipeline; --pred scores the file as it is");
                }
            }
        }
        PipelineConfig cfg = source.pipeline == null ? null : PipelineConfig.load(existing(source.pipeline, "--pipeline"), sets);
        if (cfg != null) {
            refuseDocumentFilters(cfg);
        }
        List<GoldLine> goldLines = SegmentationEvaluation.readGold(existing(gold, "--gold"));
        if (goldLines.isEmpty()) {
            // scores of zero would read as a segmenter that found nothing, as in eval classify and eval ner
            throw new CommandLine.ParameterException(spec.commandLine(), "--gold: " + gold + " holds no words (it is empty or only"
                    + " blank lines): nothing to score against; name the gold file, one sentence per line, words separated by spaces");
        }
        Set<String> training = words == null ? null : SegmentationEvaluation.readWords(existing(words, "--words"));
        PrintWriter out = OutputOptions.textOut(spec, json, writePred);
        Map<String, Object> report = new LinkedHashMap<>();
        SegmentationScore score;
        if (cfg != null) {
            String language = lang != null ? lang : cfg.input() == null ? null : cfg.input().language();
            try (Pipeline p = Pipeline.ofStages(cfg.name(), cfg.stages(), Set.of())) {
                if (p.layersOut() != null && !p.layersOut().contains(Layer.TOKENS)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "the pipeline " + source.pipeline
                            + " produces no tokens; add a segment or tokenize stage");
                }
                // --threads, else the file's threads: (which --set threads=N changes), else all cores
                int workers = threads > 0 ? threads : cfg.threads();
                SegmentationEvaluation.Result r = SegmentationEvaluation.evaluate(p, goldLines, training, language, workers, System.err);
                score = r.score();
                report.putAll(score.toMap());
                report.put("chars_per_second", r.charsPerSecond());
                report.put("seconds", r.seconds());
                report.put("threads", r.threads());
                report.put("pipeline", source.pipeline.toString());
                if (writePred != null) {
                    OutputOptions.writeText(spec, writePred, predictions(goldLines, r));
                }
            }
        } else {
            score = SegmentationEvaluation.scoreFile(goldLines, existing(source.pred, "--pred"), training);
            report.putAll(score.toMap());
            report.put("pred", source.pred.toString());
        }
        report.put("gold", gold.toString());
        if (words != null) {
            report.put("words", words.toString());
        }
        out.print(score.format());
        if (report.get("chars_per_second") instanceof Double cps) {
            out.printf(Locale.ROOT, "chars/second     %,.0f (%d thread%s, one cold pass)%n", cps, (Integer) report.get("threads"),
                    (Integer) report.get("threads") == 1 ? "" : "s");
        }
        out.flush();
        if (json != null) {
            OutputOptions.writeJson(spec, json, report);
        }
        return ExitCodes.OK;
    }

    /** The pipeline's segmentation in the gold format, whole: a line that cannot be written is refused before any is. */
    private String predictions(List<GoldLine> goldLines, SegmentationEvaluation.Result r) {
        StringBuilder sb = new StringBuilder();
        // line N answers gold line N, blank lines included, as --pred reads it back
        int written = 0;
        for (int i = 0; i < goldLines.size(); i++) {
            for (; written < goldLines.get(i).line() - 1; written++) {
                sb.append('\n');
            }
            try {
                sb.append(SegmentationEvaluation.format(goldLines.get(i).raw(), r.predicted().get(i))).append('\n');
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--write-pred: " + e.getMessage() + " (" + gold + " line "
                        + goldLines.get(i).line() + ")");
            }
            written++;
        }
        return sb.toString();
    }

    /**
     * Refuses a stage that drops documents ({@code filter.length}): gold line n is scored against
     * document n, so a dropped sentence would only show once the whole file had been segmented.
     */
    private static void refuseDocumentFilters(PipelineConfig cfg) {
        for (StageConfig stage : cfg.stages()) {
            StageProvider provider = Components.get().stages().find(stage.type());
            if (provider != null && provider.dropsDocuments()) {
                throw new ConfigException(stage.location(), "stage " + stage.type() + " drops documents, and eval segment scores every"
                        + " gold line against the document made of it; remove the stage from the pipeline to evaluate it");
            }
        }
    }

    private Path existing(Path p, String option) {
        if (!Files.isRegularFile(p)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": file not found: " + p);
        }
        return p;
    }
}
