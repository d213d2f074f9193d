package dev.nlpipe.core.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Span counts and the scores derived from them, as conlleval defines them (0 where a denominator
 * is 0).
 *
 * @param gold spans in the gold data
 * @param predicted spans predicted
 * @param correct predicted spans that match a gold span exactly
 */
public record Counts(long gold, long predicted, long correct) {

    /** correct / predicted. */
    public double precision() {
        return predicted == 0 ? 0 : correct / (double) predicted;
    }

    /** correct / gold. */
    public double recall() {
        return gold == 0 ? 0 : correct / (double) gold;
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** {@code precision, recall, f1} (fractions in [0, 1]) and the three counts. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", precision());
        m.put("recall", recall());
        m.put("f1", f1());
        m.put("gold", gold);
        m.put("predicted", predicted);
        m.put("correct", correct);
        return m;
    }
}
