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
        return phrase(closest(given, candidates, 3));
    }

    /**
     * The words of a vocabulary closest in spelling to {@code given}, at most {@code limit}: by plain
     * edit distance (case-insensitive, in code points), at most two edits and fewer than the word has
     * letters, nearer first and, at one distance, the more frequent first. Unlike {@link #closest},
     * a word that merely contains the other does not count as close, and no word shorter than half
     * of {@code given} is offered: a vocabulary's one- and two-letter words (e, en, 玉) lie inside
     * most misspellings, which they would hide.
     *
     * @param byFrequency the vocabulary, most frequent word first (a word2vec file's order)
     */
    public static List<String> closestWords(String given, List<String> byFrequency, int limit) {
        int[] g = given.toLowerCase(Locale.ROOT).codePoints().toArray();
        int most = Math.min(2, g.length - 1);
        // a stable sort: words at one distance keep the vocabulary's order, the more frequent first
        return byFrequency.stream()
                .map(w -> new Scored(w, wordDistance(g, w, most)))
                .filter(s -> s.score <= most)
                .sorted(Comparator.comparingInt(Scored::score))
                .map(Scored::name)
                .limit(limit)
                .toList();
    }

    /** {@link #didYouMean} for a word missing from a vocabulary, with {@link #closestWords}. */
    public static String didYouMeanWord(String given, List<String> byFrequency) {
        return phrase(closestWords(given, byFrequency, 3));
    }

    /** The edit distance of a word from the query's code points, or more than {@code most} when it is not worth computing. */
    private static int wordDistance(int[] given, String word, int most) {
        int length = word.codePointCount(0, word.length());
        if (2 * length < given.length || Math.abs(length - given.length) > most) {
            return most + 1;
        }
        return distance(given, word.toLowerCase(Locale.ROOT).codePoints().toArray());
    }

    private static String phrase(List<String> near) {
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
        return distance(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** Levenshtein distance in code points (a character outside the BMP is one edit, not two). */
    private static int distance(int[] a, int[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }
}
