package dev.nlpipe.core.model;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training file {@code nlpipe list TASK} prints, made to run once its data files exist: the
 * data in a format that carries what the task learns from (gold entities in BMES, labels in
 * JSON lines, plain text otherwise), a segmenter where the task reads tokens the format lacks,
 * and the {@code model:} entries the task cannot do without ({@link TrainerProvider#exampleModel}).
 * It was {@code data: { train: data/train.txt }} for every task, which a NER or classification
 * task refused (the text format has no entities or labels).
 */
public final class TrainingExample {
    private TrainingExample() {
    }

    /** The example's YAML lines, each indented by {@code indent}. */
    public static String of(TrainerProvider task, String indent) {
        Set<Layer> needs = needs(task);
        boolean entities = needs.contains(Layer.ENTITIES);
        String extension = entities ? "bmes" : task.trainsOnLabels() ? "jsonl" : "txt";
        StringBuilder b = new StringBuilder(indent).append("task: ").append(task.name()).append('\n');
        b.append(indent).append("data: { ").append(String.join(", ", task.requiredSplits().stream()
                .map(split -> split + ": data/" + split + "." + extension).toList()));
        b.append(entities ? ", format: bmes }   # a character and its tag per line, a blank line between sentences\n"
                : task.trainsOnLabels() ? ", format: jsonl }   # one {\"text\": ..., \"label\": ...} per line\n" : " }\n");
        if (needs.contains(Layer.TOKENS) && !entities) {
            // BMES gives character tokens; text and JSON lines give none
            b.append(indent).append("stages: [{ type: segment }]   # the tokens it reads: HanLP words, English words\n");
        }
        if (task.exampleModel() != null) {
            b.append(indent).append("model: { ").append(task.exampleModel()).append(" }\n");
        }
        return b.toString();
    }

    /** The layers the task needs under its default options (a required option is left out rather than failing the check). */
    private static Set<Layer> needs(TrainerProvider task) {
        List<OptionSpec> optional = task.modelOptions().stream().map(o -> o.required()
                ? new OptionSpec(o.name(), o.type(), o.defaultValue(), o.description(), false, o.choices()) : o).toList();
        try {
            return task.requires(Options.of(task.name(), Map.of(), optional));
        } catch (RuntimeException e) {
            return Set.of();
        }
    }
}
