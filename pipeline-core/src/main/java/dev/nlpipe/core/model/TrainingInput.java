package dev.nlpipe.core.model;

import dev.nlpipe.core.config.InputConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model's training data was read, as {@code model.json} records it under {@value #KEY}
 * ({@code format}, its reader {@code options} and the {@code language} given to documents without
 * one), so that evaluating the model reads other files of that format the same way
 * ({@code tagColumn}, {@code textColumn}...).
 */
public final class TrainingInput {
    /** The {@code model.json} key. */
    public static final String KEY = "input";
    /** The key of the recorded {@code data.language}, {@code null} when none was given. */
    public static final String LANGUAGE = "language";

    private TrainingInput() {
    }

    /** What {@code model.json} records of a training file's input section: {@code format} and {@code options} (empty when none). */
    public static Map<String, Object> describe(InputConfig in) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("format", in.format());
        input.put("options", in.formatOptions() == null ? Map.of() : in.formatOptions().toPlain());
        input.put(LANGUAGE, in.language()); // null too: a resumed run then tells "none given" from "not recorded yet"
        return input;
    }

    /**
     * The language training gave documents that carried none ({@code data.language}), or {@code null}:
     * an evaluation reads its data with it, so that a language-dependent stage ({@code segment})
     * treats the documents as training did instead of guessing each one's language.
     */
    public static String language(ModelMeta meta) {
        return of(meta).get(LANGUAGE) instanceof String s && !s.isBlank() ? s : null;
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
