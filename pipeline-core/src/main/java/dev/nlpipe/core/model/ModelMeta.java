package dev.nlpipe.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a model directory's {@code model.json}: kind, format version, hyper-parameters,
 * labels, vocabulary location, training-data fingerprint, metrics, library versions, seed — kept
 * as an ordered map so every model can add what it needs, with typed accessors for the common keys.
 */
public final class ModelMeta {
    private final Map<String, Object> values;

    public ModelMeta(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** A new record for a model of this kind and format version, with provenance filled in. */
    public static ModelMeta create(String kind, int formatVersion) {
        ModelMeta m = new ModelMeta(new LinkedHashMap<>());
        m.put("kind", kind);
        m.put("formatVersion", formatVersion);
        Provenance.addTo(m);
        return m;
    }

    /** The {@code kind}, or {@code null} when absent or not a string (the directory's check says so). */
    public String kind() {
        return values.get("kind") instanceof String k ? k : null;
    }

    /** The {@code formatVersion}, or 0 when absent or not a whole number (older than any version, so refused with advice). */
    public int formatVersion() {
        return values.get("formatVersion") instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : 0;
    }

    public Object get(String key) {
        return values.get(key);
    }

    public String getString(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    /** A numeric value, or {@code fallback} when absent. */
    public double getDouble(String key, double fallback) {
        return values.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    /** A numeric value, or {@code fallback} when absent. */
    public int getInt(String key, int fallback) {
        return values.get(key) instanceof Number n ? n.intValue() : fallback;
    }

    /** A nested map (e.g. {@code "params"}), empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String key) {
        Object v = values.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A list of strings (e.g. {@code "labels"}), empty when absent. */
    public List<String> getStringList(String key) {
        Object v = values.get(key);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    public ModelMeta put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** The whole record as written. */
    public Map<String, Object> asMap() {
        return values;
    }
}
