package dev.nlpipe.core.config;

import dev.nlpipe.core.run.RunOptions;
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

    /** Parses an already loaded tree. */
    public static PipelineConfig parse(Node root, Path source) {
        Node.MapNode m = Sections.map(root, "a pipeline file");
        if (m.get("task") != null) {
            throw new ConfigException(m.keyLocation("task"), "this is a training configuration (it has 'task'); use `nlpipe train`");
        }
        Sections.onlyKeys(m, "the pipeline file", KEYS);
        Options top = Options.validate("the pipeline", Sections.without(m, List.of("input", "stages", "output", "description")),
                m.location(), List.of(
                        OptionSpec.string("pipeline", source == null ? "pipeline" : stripExtension(source), "pipeline name"),
                        OptionSpec.choice("onError", "skip", "what a bad record does: 'skip' it (logged to the errors file) or 'fail' the run",
                                "skip", "fail"),
                        OptionSpec.integer("threads", 0, "worker threads (default: number of cores)").between(1, RunOptions.MAX_THREADS),
                        OptionSpec.integer("batchSize", 0, "documents per batch (default: " + RunOptions.DEFAULT_BATCH + ")")
                                .between(1, RunOptions.MAX_BATCH)));
        Node stagesNode = m.get("stages");
        if (stagesNode == null) {
            throw new ConfigException(m.location(), "the pipeline has no 'stages:' list");
        }
        List<StageConfig> stages = parseStages(stagesNode);
        InputConfig input = m.get("input") == null ? null : InputConfig.parse(m.get("input"));
        OutputConfig output = m.get("output") == null ? null : OutputConfig.parse(m.get("output"));
        return new PipelineConfig(top.getString("pipeline"), input, stages, output, top.getString("onError"),
                top.getInt("threads"), top.getInt("batchSize"), source);
    }

    /** Parses a {@code stages:} list (also used by training files), giving repeated types unique ids. */
    public static List<StageConfig> parseStages(Node stagesNode) {
        Node.ListNode list = stagesNode instanceof Node.ScalarNode s && s.isNull()
                ? new Node.ListNode(stagesNode.location()) : Sections.list(stagesNode, "'stages'");
        List<StageConfig> stages = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            StageConfig s = StageConfig.parse(list.items().get(i), i);
            if (!ids.add(s.id())) {
                boolean explicit = list.items().get(i) instanceof Node.MapNode mm && mm.get("id") != null;
                if (explicit) {
                    throw new ConfigException(s.location(), "two stages have the id '" + s.id() + "'; ids must be unique");
                }
                int n = 2;
                while (!ids.add(s.type() + "#" + n)) {
                    n++;
                }
                s = new StageConfig(s.type() + "#" + n, s.type(), s.with(), s.model(), s.location(), s.modelLocation());
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
