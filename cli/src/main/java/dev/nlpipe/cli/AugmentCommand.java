package dev.nlpipe.cli;

import dev.nlpipe.augment.TokenAugmentStage;
import dev.nlpipe.augment.Variants;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Node;
import dev.nlpipe.core.config.Overrides;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.PlainNodes;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.config.YamlLoader;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.InputFiles;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.LineReader;
import dev.nlpipe.core.stage.Components;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code nlpipe augment CONFIG.yaml}: runs a pipeline with augment stages over a training file and
 * writes the augmented file in the input's format (JSONL keeps labels, BMES/CoNLL get tags from the
 * edited entity spans, CSV/TSV keep the header), next to the input unless {@code output.path} or
 * {@code --output} says where. Mention replacement draws from the input itself unless
 * {@code mentionsFrom} is set.
 */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = "Augment a training file: run the pipeline's augment stages and write the originals and their variants "
                + "in the input's format (default: INPUT.augmented.EXT next to the input).")
public final class AugmentCommand extends RunCommand {

    @Override
    PipelineConfig adjust(PipelineConfig cfg) throws IOException {
        Location top = new Location(pipeline.toString(), 1, 1);
        InputConfig in = cfg.input();
        if (in == null || in.path() == null || in.path().toString().equals("-")) {
            throw new ConfigException(top, "`nlpipe augment` needs an input file: set input.path (and input.format) or give --input PATH");
        }
        if (cfg.stages().stream().noneMatch(s -> s.type().startsWith("augment."))) {
            throw new ConfigException(top, "the pipeline has no augment stage (augment.eda, augment.tfidf, ...; `nlpipe list` shows them); "
                    + "use `nlpipe run` for other pipelines");
        }
        String format = explicitOutputFormat();
        if (format == null) {
            format = AugmentOutput.formatFor(in.format());
        }
        refuseEarlierOutputs(in, format);
        refuseItsOwnVariants(in, cfg.stages().stream().filter(s -> s.type().startsWith("augment.")).map(StageConfig::id)
                .collect(Collectors.toSet()));
        boolean characters = AugmentOutput.characterPerLine(in, format);
        List<StageConfig> stages = new ArrayList<>();
        for (StageConfig s : cfg.stages()) {
            s = withMentionsFromInput(s, in);
            stages.add(characters ? withCharTokens(s, in) : s);
        }
        return new PipelineConfig(cfg.name(), in, stages, AugmentOutput.resolve(cfg.output(), format, in), cfg.onError(),
                cfg.threads(), cfg.batchSize(), cfg.source());
    }

    /** Lines of each input file looked at for variants: augment writes each original's variants right after it. */
    private static final int VARIANT_SCAN_LINES = 1000;

    /**
     * Refuses a JSONL input holding variants these stages made (an earlier {@code nlpipe augment}'s
     * output): they would pass through and their originals get the same variants again, under the
     * same ids, so each would be trained on twice. Such a file holds one near its start, so only the
     * first lines of each file are read, not the corpus twice.
     */
    private static void refuseItsOwnVariants(InputConfig in, Set<String> stageIds) throws IOException {
        if (!"jsonl".equals(in.format()) || !Files.exists(in.path())) {
            return;
        }
        String mark = "\"" + Variants.META_KEY + "\"";
        for (InputSource source : InputFiles.list(in.path(), in.glob(), in.recursive())) {
            try (LineReader r = AugmentOutput.open(source)) {
                String line;
                while ((line = r.readLine()) != null && r.lineNumber() <= VARIANT_SCAN_LINES) {
                    Object m = line.contains(mark) ? markOf(line) : null;
                    if (m instanceof Map<?, ?> variant && stageIds.contains(String.valueOf(variant.get("stage")))) {
                        throw new ConfigException(in.pathLocation(), source.name() + ":" + r.lineNumber() + " is a variant stage '" + variant.get("stage")
                                + "' made (its origin: " + variant.get("origin") + "): augmenting this file again would give its"
                                + " originals the same variants once more, so each would be trained on twice; augment the original file");
                    }
                }
            }
        }
    }

    /**
     * Refuses an input directory holding a file where {@code nlpipe augment} of another of its files
     * writes by default ({@code a.augmented.tsv} beside {@code a.tsv}): its variants would be
     * augmented again, and its originals given their variants twice. The file's name tells, as a
     * TSV, text or BMES file carries no variant mark ({@link #refuseItsOwnVariants} reads JSONL's).
     */
    private static void refuseEarlierOutputs(InputConfig in, String format) throws IOException {
        if (!Files.isDirectory(in.path())) {
            return;
        }
        List<InputSource> files = InputFiles.list(in.path(), in.glob(), in.recursive()).stream().filter(f -> f.path() != null).toList();
        Set<Path> listed = files.stream().map(f -> f.path().toAbsolutePath().normalize()).collect(Collectors.toSet());
        for (InputSource f : files) {
            Path output = Path.of(AugmentOutput.defaultPath(f.path(), format)).toAbsolutePath().normalize();
            if (!output.equals(f.path().toAbsolutePath().normalize()) && listed.contains(output)) {
                throw new ConfigException(in.pathLocation(), output + " is what `nlpipe augment` writes for " + f.path()
                        + ": augmenting the directory would augment its variants again and give its originals their variants twice;"
                        + " move it out of " + in.path() + " (or set input.glob to the original files)");
            }
        }
    }

    /** The variant mark of a JSON line, or {@code null} (a line that is no document is the run's bad record to report). */
    private static Object markOf(String line) {
        try {
            return DocumentJson.parse(line).meta().get(Variants.META_KEY);
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }

    /** {@code output.format} when the pipeline file or {@code --set} gives one, else {@code null}. */
    private String explicitOutputFormat() {
        Node root = YamlLoader.load(pipeline);
        Overrides.apply(root, sets);
        if (root instanceof Node.MapNode m && m.get("output") instanceof Node.MapNode out && out.get("format") != null) {
            return String.valueOf(out.get("format").toPlain());
        }
        return null;
    }

    /** An augment stage that swaps mentions gets the input as its mention pool unless it names one. */
    private static StageConfig withMentionsFromInput(StageConfig s, InputConfig in) {
        Node.MapNode with = s.with();
        boolean swaps = s.type().equals("augment.mentions") || (with != null && with.get("mentionReplacement") != null
                && with.get("mentionReplacement").toPlain() instanceof Number n && n.doubleValue() > 0);
        if (!s.type().startsWith("augment.") || !swaps || (with != null && with.get("mentionsFrom") != null)
                || in.path() == null || !Files.exists(in.path()) || in.path().toString().equals("-")) {
            return s;
        }
        Node.MapNode filled = copyOfWith(s);
        filled.put("mentionsFrom", in.pathLocation(), PlainNodes.toNode(in.path().toString(), in.pathLocation()));
        if (filled.get("mentionsFormat") == null) {
            filled.put("mentionsFormat", in.location(), PlainNodes.toNode(in.format(), in.location()));
            // read as the input is read: a CoNLL file with its tags in column 1 has its mentions there too
            if (filled.get("mentionsFormatOptions") == null && in.formatOptions() != null && !in.formatOptions().entries().isEmpty()) {
                filled.put("mentionsFormatOptions", in.location(), in.formatOptions());
            }
        }
        return new StageConfig(s.id(), s.type(), filled, s.model(), s.location(), s.modelLocation());
    }

    /**
     * A token-editing augment stage over a character-per-line corpus gets {@code charTokens: true}
     * unless it sets the option: its own {@code auto} judges the tokens reaching it, which are words
     * once a segmenter ran before it, so two English words made neighbours would be glued in the output.
     */
    private static StageConfig withCharTokens(StageConfig s, InputConfig in) {
        boolean takesIt = Components.get().stages().find(s.type()) instanceof TokenAugmentStage;
        if (!takesIt || (s.with() != null && s.with().get("charTokens") != null)) {
            return s;
        }
        Node.MapNode filled = copyOfWith(s);
        filled.put("charTokens", in.location(), PlainNodes.toNode(true, in.location()));
        return new StageConfig(s.id(), s.type(), filled, s.model(), s.location(), s.modelLocation());
    }

    /** A copy of a stage's {@code with} section (an empty one where it has none) to add options to. */
    private static Node.MapNode copyOfWith(StageConfig s) {
        Node.MapNode with = s.with();
        Node.MapNode copy = new Node.MapNode(with == null ? s.location() : with.location());
        if (with != null) {
            with.entries().forEach((k, v) -> copy.put(k, with.keyLocation(k), v));
        }
        return copy;
    }
}
