package dev.nlpipe.core.config;

import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.stage.Components;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed pipeline file: a name, an optional input, the stages, an optional output and run
 * settings. Only the shape is checked here; stage types, options, models and wiring are checked
 * when the pipeline is built, still before any document is read.
 *
 * @param name the pipeline's name
 * @param input the input section, or {@code null}
 * @param stages the stage entries, in order
 * @param output the output section, or {@code null}
 * @param onError {@code skip} (default: bad records go to the errors file) or {@code fail}
 * @param threads worker threads, or 0 for the default
 * @param batchSize documents per batch, or 0 for the default
 * @param source the file it was read from, or {@code null}
 */
public record PipelineConfig(String name, InputConfig input, List<StageConfig> stages, OutputConfig output, String onError,
                             int threads, int batchSize, Path source) {

    static final List<String> KEYS = List.of("pipeline", "description", "input", "stages", "output", "onError", "threads", "batchSize");

    /** Reads a pipeline file and applies {@code --set} overrides. */
    public static PipelineConfig load(Path file, List<String> overrides) {
        Node root = YamlLoader.load(file);
        Overrides.apply(root, overrides);
        return parse(root, file);
    }

    /**
     * Parses an already loaded tree. Every error found is reported at once: those of the file's
     * sections and, when there are any, those of the stage entries too (types, options, models),
     * which building the pipeline would otherwise report only in the next run.
     */
    public static PipelineConfig parse(Node root, Path source) {
        Node.MapNode m = Sections.map(root, "a pipeline file");
        if (m.get("task") != null) {
            throw new ConfigException(m.keyLocation("task"), "this is a training configuration (it has 'task'); use `nlpipe train`");
        }
        ConfigErrors errors = new ConfigErrors();
        errors.run(() -> Sections.onlyKeys(m, "the pipeline file", KEYS));
        // unknown keys were reported just above; the run settings are checked without them, so each is reported once
        List<String> notSettings = new ArrayList<>(List.of("input", "stages", "output", "description"));
        m.entries().keySet().stream().filter(k -> !KEYS.contains(k)).forEach(notSettings::add);
        Options top = errors.collect(() -> Options.validate("the pipeline", Sections.without(m, notSettings), m.location(), List.of(
                        OptionSpec.string("pipeline", source == null ? "pipeline" : stripExtension(source), "pipeline name"),
                        OptionSpec.choice("onError", "skip", "what a bad record does: 'skip' it (logged to the errors file) or 'fail' the run",
                                "skip", "fail"),
                        OptionSpec.integer("threads", 0, "worker threads (default: number of cores)").between(1, RunOptions.MAX_THREADS),
                        OptionSpec.integer("batchSize", 0, "documents per batch (default: " + RunOptions.DEFAULT_BATCH + ")")
                                .between(1, RunOptions.MAX_BATCH))));
        Node stagesNode = m.get("stages");
        List<StageConfig> stages = List.of();
        if (stagesNode == null) {
            errors.add(new ConfigException(m.location(), "the pipeline has no 'stages:' list"));
        } else {
            stages = parseStages(stagesNode, errors);
        }
        InputConfig input = m.get("input") == null ? null : errors.collect(() -> InputConfig.parse(m.get("input")));
        OutputConfig output = m.get("output") == null ? null : errors.collect(() -> OutputConfig.parse(m.get("output")));
        if (!errors.isEmpty()) {
            // every mistake at once: the input's, the formats' and the stages' too, not only after these are fixed
            StageChecks.check(stages, errors);
            if (input != null && input.path() != null) {
                errors.run(() -> FormatChecks.checkReadable(input));
            }
            FormatChecks.check(input, output, Components.get(), errors);
        }
        errors.throwIfAny();
        return new PipelineConfig(top.getString("pipeline"), input, stages, output, top.getString("onError"),
                top.getInt("threads"), top.getInt("batchSize"), source);
    }

    /** Parses a {@code stages:} list (also used by training files), giving repeated types unique ids. */
    public static List<StageConfig> parseStages(Node stagesNode) {
        ConfigErrors errors = new ConfigErrors();
        List<StageConfig> stages = parseStages(stagesNode, errors);
        errors.throwIfAny();
        return stages;
    }

    /** {@link #parseStages(Node)}, recording errors in {@code errors}; returns the entries that parsed. */
    static List<StageConfig> parseStages(Node stagesNode, ConfigErrors errors) {
        Node.ListNode list = stagesNode instanceof Node.ScalarNode s && s.isNull()
                ? new Node.ListNode(stagesNode.location()) : errors.collect(() -> Sections.list(stagesNode, "'stages'"));
        List<StageConfig> stages = new ArrayList<>();
        if (list == null) {
            return stages;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            int index = i;
            StageConfig s = errors.collect(() -> StageConfig.parse(list.items().get(index), index));
            if (s == null) {
                continue;
            }
            boolean explicit = list.items().get(i) instanceof Node.MapNode mm && mm.get("id") != null;
            if (explicit && !ids.add(s.id())) {
                errors.add(new ConfigException(s.location(), "two stages have the id '" + s.id() + "'; ids must be unique"));
                continue;
            }
            if (!explicit) {
                String id = StageIds.next(ids, s.type());
                if (!id.equals(s.id())) {
                    s = new StageConfig(id, s.type(), s.with(), s.model(), s.location(), s.modelLocation());
                }
            }
            stages.add(s);
        }
        return stages;
    }

    private static String stripExtension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
