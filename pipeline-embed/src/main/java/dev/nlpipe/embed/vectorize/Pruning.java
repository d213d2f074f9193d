package dev.nlpipe.embed.vectorize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which counted terms a fitted vocabulary keeps, with scikit-learn's rules: {@code minDf} and
 * {@code maxDf} are document counts when integers and fractions of the documents when decimals;
 * {@code maxFeatures} then keeps the most frequent terms in the corpus.
 *
 * @param minDf an integer count or a fraction in [0, 1]
 * @param maxDf an integer count or a fraction in [0, 1]
 * @param maxFeatures how many terms to keep at most, or {@code null} for all
 */
public record Pruning(Number minDf, Number maxDf, Integer maxFeatures) {

    /** No pruning: every counted term is kept. */
    public static final Pruning NONE = new Pruning(1L, 1.0, null);

    public Pruning {
        check("minDf", minDf);
        check("maxDf", maxDf);
        if (maxFeatures != null && maxFeatures < 1) {
            throw new IllegalArgumentException("maxFeatures must be a positive integer, not " + maxFeatures);
        }
    }

    private static void check(String name, Number v) {
        if (isCount(v) ? v.longValue() < 0 : (v.doubleValue() < 0 || v.doubleValue() > 1)) {
            throw new IllegalArgumentException(name + " must be a document count (an integer >= 0) or a fraction in [0.0, 1.0], not " + v);
        }
    }

    private static boolean isCount(Number v) {
        return v instanceof Long || v instanceof Integer;
    }

    /** The smallest document frequency kept, for a corpus of {@code docs} documents. */
    public double minDocs(long docs) {
        return isCount(minDf) ? minDf.longValue() : minDf.doubleValue() * docs;
    }

    /** The largest document frequency kept, for a corpus of {@code docs} documents. */
    public double maxDocs(long docs) {
        return isCount(maxDf) ? maxDf.longValue() : maxDf.doubleValue() * docs;
    }

    /** The settings for {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minDf", minDf);
        m.put("maxDf", maxDf);
        if (maxFeatures != null) {
            m.put("maxFeatures", maxFeatures);
        }
        return m;
    }
}
