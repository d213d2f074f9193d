package dev.nlpipe.ner.crf;

import dev.nlpipe.core.tag.TagScheme;
import java.util.List;
import java.util.Set;

/**
 * Which tag transitions a CRF may use: {@code allowed[i][j]} for tag {@code i} followed by tag
 * {@code j}, and which tags may start or end a sequence. Built from a tag scheme's rules (BIO:
 * no {@code I-X} after {@code O} or after another type; BIOES/BMES: an open entity must continue or
 * end with its own type...), or with everything allowed.
 *
 * @param allowed transition permissions, {@code [from][to]}
 * @param start tags that may begin a sequence
 * @param end tags that may end a sequence
 * @param continues {@code [from][to]}: tag {@code j} after tag {@code i} is the same entity going on
 *     ({@code I-X} after {@code B-X} or {@code I-X}...), so an entity whose tags end in {@code i}
 *     is not closed when {@code j} follows (BIO closes an entity only by what comes after it; IOB1, where
 *     an entity may begin with {@code I-X}, also by what comes before it)
 */
public record CrfConstraints(boolean[][] allowed, boolean[] start, boolean[] end, boolean[][] continues) {
    private static final Set<String> INSIDE = Set.of("I", "M", "E", "L");

    /** No constraint on {@code tags} tags. */
    public static CrfConstraints none(int tags) {
        boolean[][] a = new boolean[tags][tags];
        boolean[] s = new boolean[tags];
        boolean[] e = new boolean[tags];
        for (int i = 0; i < tags; i++) {
            java.util.Arrays.fill(a[i], true);
            s[i] = true;
            e[i] = true;
        }
        return new CrfConstraints(a, s, e, new boolean[tags][tags]);
    }

    /** The constraints of {@code scheme} over the given tag list (index = tag id). */
    public static CrfConstraints of(TagScheme scheme, List<String> tags) {
        int k = tags.size();
        boolean[][] a = new boolean[k][k];
        boolean[] s = new boolean[k];
        boolean[] e = new boolean[k];
        boolean[][] c = new boolean[k][k];
        for (int i = 0; i < k; i++) {
            String from = tags.get(i);
            s[i] = scheme.allowed(null, from);
            e[i] = scheme.allowed(from, null);
            for (int j = 0; j < k; j++) {
                String to = tags.get(j);
                a[i][j] = scheme.allowed(from, to);
                c[i][j] = a[i][j] && !TagScheme.prefix(from).equals("O") && TagScheme.type(from).equals(TagScheme.type(to))
                        && INSIDE.contains(TagScheme.prefix(to));
            }
        }
        return new CrfConstraints(a, s, e, c);
    }

    /** The number of tags. */
    public int size() {
        return start.length;
    }
}
