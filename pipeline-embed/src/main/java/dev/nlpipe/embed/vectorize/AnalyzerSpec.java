package dev.nlpipe.embed.vectorize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a vectorizer turns a document into features, with scikit-learn's meanings: word n-grams of
 * the document's tokens (or of the matches of {@code tokenPattern} in its text), or character
 * n-grams ({@code char}), or character n-grams inside word boundaries padded with one space
 * ({@code char_wb}).
 *
 * @param kind word, char or char_wb
 * @param minN smallest n-gram length
 * @param maxN largest n-gram length
 * @param lowercase lowercase before analysis
 * @param tokenPattern a Python regex whose matches are the words, or {@code null} to use the
 *     document's tokens (word analyzer only)
 * @param stopWords words left out before n-grams are formed (word analyzer only)
 * @param skipStopTokens leave out tokens a stop-word stage marked (word analyzer with tokens)
 */
public record AnalyzerSpec(Kind kind, int minN, int maxN, boolean lowercase, String tokenPattern, Set<String> stopWords,
                           boolean skipStopTokens) {

    /** scikit-learn's default {@code token_pattern}: words of two or more word characters. */
    public static final String SKLEARN_TOKEN_PATTERN = "(?u)\\b\\w\\w+\\b";

    /** What the features are made of. */
    public enum Kind {
        WORD("word"), CHAR("char"), CHAR_WB("char_wb");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The name used in options and model files. */
        public String key() {
            return key;
        }

        /** The kind named {@code key}. */
        public static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown analyzer '" + key + "' (word, char, char_wb)");
        }
    }

    /** The longest n-gram: longer ones are almost all unique, and counting them costs time and memory that grow with n. */
    public static final int MAX_N = 32;

    public AnalyzerSpec {
        if (minN < 1 || maxN < minN || maxN > MAX_N) {
            throw new IllegalArgumentException("ngramRange must be [min, max] with 1 <= min <= max <= " + MAX_N + ", not ["
                    + minN + ", " + maxN + "]");
        }
        stopWords = Set.copyOf(stopWords);
    }

    /** Word unigrams of the document's tokens, lowercased (the defaults). */
    public static AnalyzerSpec words() {
        return new AnalyzerSpec(Kind.WORD, 1, 1, true, null, Set.of(), true);
    }

    /** Whether the analyzer reads the document's tokens layer. */
    public boolean usesTokens() {
        return kind == Kind.WORD && tokenPattern == null;
    }

    /** This analyzer with another n-gram range. */
    public AnalyzerSpec withNgramRange(int min, int max) {
        return new AnalyzerSpec(kind, min, max, lowercase, tokenPattern, stopWords, skipStopTokens);
    }

    /** The settings for {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analyzer", kind.key());
        m.put("ngramRange", List.of(minN, maxN));
        m.put("lowercase", lowercase);
        if (tokenPattern != null) {
            m.put("tokenPattern", tokenPattern);
        }
        m.put("stopWords", new ArrayList<>(new TreeSet<>(stopWords)));
        m.put("skipStopTokens", skipStopTokens);
        return m;
    }

    /** Reads the settings written by {@link #toMap()}. */
    public static AnalyzerSpec fromMap(Map<String, Object> m) {
        List<?> range = (List<?>) m.getOrDefault("ngramRange", List.of(1, 1));
        List<?> stops = (List<?>) m.getOrDefault("stopWords", List.of());
        Set<String> stopSet = new TreeSet<>();
        stops.forEach(s -> stopSet.add(String.valueOf(s)));
        return new AnalyzerSpec(Kind.of(String.valueOf(m.getOrDefault("analyzer", "word"))),
                ((Number) range.get(0)).intValue(), ((Number) range.get(1)).intValue(),
                Boolean.TRUE.equals(m.getOrDefault("lowercase", true)), (String) m.get("tokenPattern"), stopSet,
                Boolean.TRUE.equals(m.getOrDefault("skipStopTokens", true)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %d-%d-grams%s", kind.key(), minN, maxN, lowercase ? ", lowercased" : "");
    }
}
