package dev.nlpipe.core.model;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.StageConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The preprocessing stages a model was trained behind (a segmenter, a tokenizer), recorded in
 * {@code model.json} under {@value #KEY} and rebuilt as a pipeline, so that raw text can be given
 * to the model the way its training data was. One record for every kind of model.
 */
public final class ModelPreprocessing {
    /** The key in {@code model.json}: a list of {@code {type, with, model}}. */
    public static final String KEY = "stages";
    /** Where {@code classify.linear} models written before the model-kind registry kept the same list. */
    static final String LEGACY_KEY = "preprocess";

    private ModelPreprocessing() {
    }

    /** The stages of a training configuration as {@code model.json} records them (model directories made absolute). */
    public static List<Map<String, Object>> record(List<StageConfig> stages) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StageConfig sc : stages) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", sc.type());
            if (sc.with() != null) {
                e.put("with", sc.with().toPlain());
            }
            if (sc.model() != null) {
                e.put("model", sc.model().toAbsolutePath().toString());
            }
            out.add(e);
        }
        return out;
    }

    /** The types of the recorded stages, in order ({@code [normalize.chinese, segment.hanlp]}); empty when none. */
    public static List<String> types(ModelMeta meta) {
        return recorded(meta).stream().map(o -> String.valueOf(((Map<?, ?>) o).get("type"))).toList();
    }

    /** Whether the model recorded any preprocessing stage. */
    public static boolean any(ModelMeta meta) {
        return !recorded(meta).isEmpty();
    }

    /**
     * The recorded stages as a pipeline named {@code name}, or {@code null} when there are none.
     *
     * @throws dev.nlpipe.core.config.ConfigException when a stage cannot be built here (a module is missing)
     */
    public static Pipeline rebuild(ModelMeta meta, String name) {
        List<?> stages = recorded(meta);
        if (stages.isEmpty()) {
            return null;
        }
        Pipeline.Builder b = Pipeline.builder().name(name);
        for (Object o : stages) {
            Map<?, ?> stage = (Map<?, ?>) o;
            @SuppressWarnings("unchecked")
            Map<String, Object> with = stage.get("with") instanceof Map<?, ?> w ? (Map<String, Object>) w : Map.of();
            Object model = stage.get("model");
            b.add(String.valueOf(stage.get("type")), with, model == null ? null : Path.of(model.toString()));
        }
        return b.build();
    }

    private static List<?> recorded(ModelMeta meta) {
        // Old classify.linear models kept model paths only under the legacy key, so it wins when present.
        Object legacy = meta.get(LEGACY_KEY);
        Object stages = legacy instanceof List<?> ? legacy : meta.get(KEY);
        return stages instanceof List<?> l ? l : List.of();
    }
}
