package dev.nlpipe.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One {@code stages:} entry: {@code type}, optional {@code id}, {@code with} options, optional
 * {@code model} directory.
 *
 * @param id unique id in the pipeline (its {@code id:}, else its type, else {@code type#n})
 * @param type the registered stage name
 * @param with the raw options, validated against the stage's declaration when built
 * @param model the model directory, or {@code null}
 * @param location where the entry starts
 * @param modelLocation where {@code model:} is written (or the entry's location)
 */
public record StageConfig(String id, String type, Node.MapNode with, Path model, Location location, Location modelLocation) {

    static final List<String> KEYS = List.of("type", "id", "with", "model");

    /** Parses one entry of the {@code stages:} list. */
    static StageConfig parse(Node node, int index) {
        if (node instanceof Node.ScalarNode s && !s.isNull()) {
            throw new ConfigException(node.location(), "stages[" + index + "] is the text '" + s.asText() + "'; a stage entry is a map:"
                    + " write it as - type: " + s.asText());
        }
        Node.MapNode m = Sections.map(node, "stages[" + index + "]");
        ConfigErrors errors = new ConfigErrors();
        String type = errors.collect(() -> Sections.text(m.get("type"), "stage 'type'"));
        for (String key : m.entries().keySet()) {
            if (!KEYS.contains(key)) {
                // the usual mistake: a stage's option written beside type: instead of under with:
                String near = Suggest.didYouMean(key, KEYS);
                errors.add(new ConfigException(m.keyLocation(key), "unknown key '" + key + "' in stage entry (valid keys: "
                        + String.join(", ", KEYS) + ")" + near + (near.isEmpty() ? "; if" : " If") + " '" + key
                        + "' is an option of the stage, it goes under with:, as in with: { " + key + ": ... }"));
            }
        }
        errors.throwIfAny();
        if (type == null || type.isBlank()) {
            throw new ConfigException(m.location(), "stage entry has no 'type' (e.g. type: tokenize.regex; `nlpipe list` shows all types)");
        }
        String id = Sections.text(m.get("id"), "stage 'id'");
        Node with = m.get("with");
        Node.MapNode options = with == null || (with instanceof Node.ScalarNode s && s.isNull())
                ? null : Sections.map(with, "'with' of stage '" + type + "'");
        String model = Sections.text(m.get("model"), "stage 'model'");
        return new StageConfig(id == null ? type : id, type, options, model == null ? null : Path.of(model), m.location(),
                m.get("model") == null ? m.location() : m.get("model").location());
    }
}
