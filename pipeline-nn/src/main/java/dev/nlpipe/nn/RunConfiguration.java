package dev.nlpipe.nn;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainingJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a training run's checkpoint belongs to: the task, the model options, the training options
 * less those that may change between an interrupted run and its continuation (epochs, patience,
 * minEpochs, keep, maxTime, resume, threads, device), the preprocessing stages and the data
 * fingerprints. A checkpoint is resumed by a run of the same configuration, or by one that only
 * adds options a later version introduced and leaves them at their defaults (options are added with
 * the old behaviour as their default, so such a run is the one that wrote the checkpoint); a
 * changed value, a changed default included, is refused.
 *
 * @param fingerprint SHA-256 of the configuration, numbers by value
 * @param values the configuration as JSON values, numbers as doubles; {@code null} when only the
 *     fingerprint is known (tests)
 * @param unset the options left at their defaults, as {@code model.NAME} and {@code train.NAME}
 */
public record RunConfiguration(String fingerprint, Map<String, Object> values, Set<String> unset) {
    private static final List<String> MAY_CHANGE = List.of("epochs", "patience", "minEpochs", "keep", "maxTime", "resume", "threads",
            "device");
    private static final List<String> OPTION_SECTIONS = List.of("model", "train");

    /** A configuration known by its fingerprint alone, resumed only by the same one. */
    public static RunConfiguration named(String fingerprint) {
        return new RunConfiguration(fingerprint, null, Set.of());
    }

    /** The configuration of a training job; {@code meta} is its {@code model.json} so far (data fingerprints, stages). */
    public static RunConfiguration of(TrainingJob job, ModelMeta meta, String task) {
        Map<String, Object> train = new LinkedHashMap<>(job.train().asMap());
        MAY_CHANGE.forEach(train::remove);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("task", task);
        config.put("model", job.model().asMap());
        config.put("train", train);
        config.put("stages", meta.get("stages"));
        config.put("data", meta.get("data"));
        Set<String> unset = new LinkedHashSet<>();
        addUnset(unset, "model", job.model(), config);
        addUnset(unset, "train", job.train(), config);
        return of(config, unset);
    }

    /** A configuration from its values; {@code unset} as {@link #unset}. */
    @SuppressWarnings("unchecked")
    static RunConfiguration of(Map<String, Object> config, Set<String> unset) {
        Map<String, Object> values = (Map<String, Object>) Checkpoints.numbersByValue(
                DocumentJson.mapper().convertValue(config, LinkedHashMap.class));
        return new RunConfiguration(Checkpoints.fingerprint(values), values, Set.copyOf(unset));
    }

    private static void addUnset(Set<String> unset, String section, Options options, Map<String, Object> config) {
        for (Object name : ((Map<?, ?>) config.get(section)).keySet()) {
            if (!options.isSet((String) name)) {
                unset.add(section + "." + name);
            }
        }
    }

    /**
     * Whether a run of this configuration may continue a checkpoint written under {@code written}
     * (its {@link #values}, as read back): the options this one has beyond it, each left at its
     * default, or {@code null} when it may not (another value anywhere, a section added or removed).
     *
     * @param written the checkpoint's configuration, or {@code null} for one written before
     *     checkpoints kept it (then only the fingerprint decides)
     */
    public List<String> added(Map<String, Object> written) {
        if (values == null || written == null) {
            return null;
        }
        Object old = Checkpoints.numbersByValue(written);
        if (!(old instanceof Map<?, ?> then) || !then.keySet().equals(values.keySet())) {
            return null;
        }
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object before = then.get(e.getKey());
            if (OPTION_SECTIONS.contains(e.getKey()) && e.getValue() instanceof Map<?, ?> now && before instanceof Map<?, ?> was) {
                for (Map.Entry<?, ?> o : was.entrySet()) {
                    if (!now.containsKey(o.getKey()) || !Objects.equals(now.get(o.getKey()), o.getValue())) {
                        return null;
                    }
                }
                for (Object name : now.keySet()) {
                    String key = e.getKey() + "." + name;
                    if (!was.containsKey(name)) {
                        if (!unset.contains(key)) {
                            return null;
                        }
                        added.add(key);
                    }
                }
            } else if (!Objects.equals(e.getValue(), before)) {
                return null;
            }
        }
        return added;
    }
}
