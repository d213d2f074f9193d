package dev.nlpipe.embed.vectorize;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How term counts become vector values, as scikit-learn's CountVectorizer and TfidfTransformer
 * compute them: {@code binary} counts, {@code tf = 1 + ln(count)} when {@code sublinearTf}, times
 * {@code idf = ln((1 + n) / (1 + df)) + 1} (or {@code ln(n / df) + 1} without {@code smoothIdf})
 * when {@code useIdf}, then each row divided by its L1 or L2 norm.
 *
 * @param binary every present term counts 1
 * @param sublinearTf replace a count c by 1 + ln(c)
 * @param useIdf multiply by the inverse document frequency
 * @param smoothIdf add one document containing every term (prevents division by zero)
 * @param norm row normalization
 */
public record Weighting(boolean binary, boolean sublinearTf, boolean useIdf, boolean smoothIdf, Norm norm) {

    /** Row normalization. */
    public enum Norm {
        NONE, L1, L2;

        /** The name used in options ({@code l1}, {@code l2}, {@code none}). */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The norm named {@code key}. */
        public static Norm of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /** Raw counts (CountVectorizer). */
    public static Weighting counts(boolean binary) {
        return new Weighting(binary, false, false, true, Norm.NONE);
    }

    /** The idf of a term found in {@code df} of {@code documents} documents. */
    public double idf(long df, long documents) {
        int s = smoothIdf ? 1 : 0;
        return Math.log((double) (documents + s) / (double) (df + s)) + 1.0;
    }

    /** The term-frequency part of a value for a term counted {@code count} times in a document. */
    public double tf(int count) {
        if (binary) {
            return 1.0;
        }
        return sublinearTf ? Math.log(count) + 1.0 : count;
    }

    /** Normalizes {@code values[0, n)} in place (zero rows stay zero). */
    public void normalize(double[] values, int n) {
        if (norm == Norm.NONE) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += norm == Norm.L2 ? values[i] * values[i] : Math.abs(values[i]);
        }
        if (sum == 0) {
            return;
        }
        if (norm == Norm.L2) {
            sum = Math.sqrt(sum);
        }
        for (int i = 0; i < n; i++) {
            values[i] /= sum;
        }
    }

    /** The settings for {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("binary", binary);
        m.put("sublinearTf", sublinearTf);
        m.put("useIdf", useIdf);
        m.put("smoothIdf", smoothIdf);
        m.put("norm", norm.key());
        return m;
    }

    /** Reads the settings written by {@link #toMap()}. */
    public static Weighting fromMap(Map<String, Object> m) {
        return new Weighting(Boolean.TRUE.equals(m.get("binary")), Boolean.TRUE.equals(m.get("sublinearTf")),
                Boolean.TRUE.equals(m.get("useIdf")), !Boolean.FALSE.equals(m.get("smoothIdf")),
                Norm.of(String.valueOf(m.getOrDefault("norm", "none"))));
    }
}
