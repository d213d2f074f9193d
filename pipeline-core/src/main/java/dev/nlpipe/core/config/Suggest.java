package dev.nlpipe.core.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions for misspelled names. */
public final class Suggest {
    private Suggest() {
    }

    private record Scored(String name, int score) {
    }

    /**
     * The candidates closest to {@code given} (case-insensitive edit distance), nearest first, at
     * most {@code limit}. A candidate that contains the given name (or is contained in it), or
     * shares its family prefix ({@code "tokenize."}), counts as close.
     */
    public static List<String> closest(String given, Collection<String> candidates, int limit) {
        String g = given.toLowerCase(Locale.ROOT);
        int cutoff = Math.max(3, g.length() / 2);
        return candidates.stream()
                .map(c -> new Scored(c, score(g, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.score <= cutoff)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .map(Scored::name)
                .limit(limit)
                .toList();
    }

    /** "; did you mean 'a' or 'b'?" or the empty string when nothing is close. */
    public static String didYouMean(String given, Collection<String> candidates) {
        List<String> near = closest(given, candidates, 3);
        if (near.isEmpty()) {
            return "";
        }
        return "; did you mean " + String.join(" or ", near.stream().map(n -> "'" + n + "'").toList()) + "?";
    }

    static int score(String given, String candidate) {
        if (candidate.contains(given) || given.contains(candidate)) {
            return 1;
        }
        int d = distance(given, candidate);
        int dot = candidate.indexOf('.');
        if (dot > 0 && given.startsWith(candidate.substring(0, dot + 1))) {
            d = Math.min(d, 2);
        }
        return d;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
