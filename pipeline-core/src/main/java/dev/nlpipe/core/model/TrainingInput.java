package dev.nlpipe.core.model;

import dev.nlpipe.core.config.InputConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model's training data was read, as {@code model.json} records it under {@value #KEY}
 * ({@code format} and its reader {@code options}), so that evaluating the model reads other files
 * of that format the same way ({@code tagColumn}, {@code textColumn}...).
 */
public final class TrainingInput {
    /** The {@code model.json} key. */
    public static final String KEY = "input";

    private TrainingInput() {
    }

    /** What {@code model.json} records of a training file's input section: {@code format} and {@code options} (empty when none). */
    public static Map<String, Object> describe(InputConfig in) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("format", in.format());
        input.put("options", in.formatOptions() == null ? Map.of() : in.formatOptions().toPlain());
        return input;
    }

    /** The recorded input ({@code format}, {@code options}); empty for a model that records none. */
    public static Map<String, Object> of(ModelMeta meta) {
        return meta.getMap(KEY);
    }

    /**
     * The reader options to read a file of {@code format} with: those the training data was read
     * with when {@code format} is its format ({@code jsonl} when none is recorded), else none, as
     * another format's options would not apply.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> optionsFor(ModelMeta meta, String format) {
        Map<String, Object> input = of(meta);
        return format.equals(input.getOrDefault("format", "jsonl")) && input.get("options") instanceof Map<?, ?> o
                ? (Map<String, Object>) o : Map.of();
    }
}
