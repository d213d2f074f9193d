package dev.nlpipe.core.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a span evaluation.
 *
 * @param overall counts over all types
 * @param byType counts per entity type, sorted by type
 * @param tokens tokens compared (0 when spans were given directly)
 * @param correctTags tokens whose predicted tag equals the gold tag
 * @param sequences sentences or documents compared
 */
public record Scores(Counts overall, Map<String, Counts> byType, long tokens, long correctTags, long sequences) {

    /** Overall precision: correct / predicted spans. */
    public double precision() {
        return overall.precision();
    }

    /** Overall recall: correct / gold spans. */
    public double recall() {
        return overall.recall();
    }

    /** Overall F1, the harmonic mean of precision and recall. */
    public double f1() {
        return overall.f1();
    }

    /** Token accuracy, or {@code NaN} when no tags were compared. */
    public double accuracy() {
        return tokens == 0 ? Double.NaN : correctTags / (double) tokens;
    }

    /**
     * The JSON form: {@code precision}, {@code recall}, {@code f1} (fractions), the counts,
     * {@code accuracy} when tags were compared, and {@code perType} with the same fields per type.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(overall.toMap());
        if (tokens > 0) {
            m.put("accuracy", accuracy());
            m.put("tokens", tokens);
        }
        m.put("sequences", sequences);
        Map<String, Object> types = new LinkedHashMap<>();
        byType.forEach((k, v) -> types.put(k, v.toMap()));
        m.put("perType", types);
        return m;
    }

    /** A conlleval-style report (percentages). */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "processed %d %s with %d phrases; found: %d phrases; correct: %d.%n",
                tokens > 0 ? tokens : sequences, tokens > 0 ? "tokens" : "sequences", overall.gold(), overall.predicted(),
                overall.correct()));
        if (tokens > 0) {
            sb.append(String.format(Locale.ROOT, "accuracy: %6.2f%%; ", 100 * accuracy()));
        }
        sb.append(String.format(Locale.ROOT, "precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f%n", 100 * precision(), 100 * recall(),
                100 * f1()));
        int width = byType.keySet().stream().mapToInt(String::length).max().orElse(0);
        byType.forEach((type, c) -> sb.append(String.format(Locale.ROOT, "%" + Math.max(width, 8) + "s: precision: %6.2f%%; recall: %6.2f%%;"
                + " FB1: %6.2f  %d%n", type, 100 * c.precision(), 100 * c.recall(), 100 * c.f1(), c.predicted())));
        return sb.toString();
    }
}
