package dev.nlpipe.core.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed training file, one shape for every task:
 * <pre>
 * task:  ner.bilstm-crf
 * data:  { train: ..., dev: ..., test: ..., format: bmes, ...format options }
 * stages: [ ... ]        # optional preprocessing pipeline
 * model: { ... }         # the task's hyper-parameters
 * train: { ... }         # the task's training settings
 * </pre>
 *
 * @param task the training task (a registered trainer)
 * @param splits data split name to path ({@code train}, {@code dev}, {@code test})
 * @param splitLocations where each split path is written
 * @param input how the data files are read (format, language, format options; no path)
 * @param stages the preprocessing stages
 * @param model the raw {@code model:} section (validated by the trainer's declaration)
 * @param train the raw {@code train:} section
 * @param source the file it was read from
 * @param location the root location
 */
public record TrainConfig(String task, Map<String, Path> splits, Map<String, Location> splitLocations, InputConfig input,
                          List<StageConfig> stages, Node.MapNode model, Node.MapNode train, Path source, Location location,
                          Location taskLocation) {

    /** The data split names. */
    public static final List<String> SPLITS = List.of("train", "dev", "test");
    /** The keys of {@code data:} read apart from the reader's options: the splits and the input's own, less its path. */
    public static final List<String> DATA_KEYS = java.util.stream.Stream.concat(SPLITS.stream(),
            InputConfig.COMMON_KEYS.stream().filter(k -> !k.equals("path"))).toList();
    static final List<String> KEYS = List.of("task", "description", "data", "stages", "model", "train");

    /** Reads a training file and applies {@code --set} overrides. */
    public static TrainConfig load(Path file, List<String> overrides) {
        Node root = YamlLoader.load(file);
        Overrides.apply(root, overrides);
        return parse(root, file);
    }

    /** Parses an already loaded tree. */
    public static TrainConfig parse(Node root, Path source) {
        Node.MapNode m = Sections.map(root, "a training file");
        if (m.get("task") == null) {
            throw new ConfigException(m.location(), "a training file needs 'task:' (e.g. task: vectorize.tfidf; `nlpipe list tasks` shows them)"
                    + (m.get("input") != null ? "; this looks like a pipeline file, run it with `nlpipe run`" : ""));
        }
        // the file's layout is checked as a whole, every mistake at once, before the options are (TrainingJob.prepare)
        ConfigErrors errors = new ConfigErrors();
        errors.run(() -> Sections.onlyKeys(m, "the training file", KEYS));
        String task = errors.collect(() -> Sections.text(m.get("task"), "task"));
        Node dataNode = m.get("data");
        if (dataNode == null) {
            errors.add(new ConfigException(m.location(), "a training file needs 'data: {train: FILE, format: ...}'"));
        }
        Node.MapNode data = dataNode == null ? null : errors.collect(() -> Sections.map(dataNode, "data"));
        Map<String, Path> splits = new LinkedHashMap<>();
        Map<String, Location> splitLocations = new LinkedHashMap<>();
        InputConfig input = null;
        if (data != null) {
            for (String split : SPLITS) {
                Node n = data.get(split);
                String p = n == null || (n instanceof Node.ScalarNode s && s.isNull()) ? null
                        : errors.collect(() -> Sections.text(n, "data." + split));
                if (p != null && !p.isEmpty()) {
                    splits.put(split, Path.of(p));
                    splitLocations.put(split, n.location());
                }
            }
            if (data.get("path") != null) {
                // a pipeline's input key: a training reads its splits, and would ignore it
                errors.add(new ConfigException(data.keyLocation("path"), "data.path is a pipeline file's input; a training file names"
                        + " its data as data.train (and data.dev, data.test)" + (splits.containsKey("train") ? "; remove data.path"
                        : "; write train: instead of path:")));
            }
            input = errors.collect(() -> InputConfig.parse(Sections.without(data, SPLITS)));
        }
        List<StageConfig> stages = m.get("stages") == null ? List.of() : PipelineConfig.parseStages(m.get("stages"), errors);
        Node.MapNode model = errors.collect(() -> optionalMap(m, "model"));
        Node.MapNode train = errors.collect(() -> optionalMap(m, "train"));
        errors.throwIfAny();
        return new TrainConfig(task, splits, splitLocations, input, stages, model, train, source, m.location(), m.get("task").location());
    }

    private static Node.MapNode optionalMap(Node.MapNode m, String key) {
        Node n = m.get(key);
        if (n == null || (n instanceof Node.ScalarNode s && s.isNull())) {
            return null;
        }
        return Sections.map(n, key);
    }
}
