package dev.nlpipe.ner.crf;

import dev.nlpipe.core.tag.TagScheme;
import java.util.List;

/**
 * Which tag transitions a CRF may use: {@code allowed[i][j]} for tag {@code i} followed by tag
 * {@code j}, and which tags may start or end a sequence. Built from a tag scheme's rules (BIO:
 * no {@code I-X} after {@code O} or after another type; BIOES/BMES: an open entity must continue or
 * end with its own type...), or with everything allowed.
 *
 * @param allowed transition permissions, {@code [from][to]}
 * @param start tags that may begin a sequence
 * @param end tags that may end a sequence
 */
public record CrfConstraints(boolean[][] allowed, boolean[] start, boolean[] end) {

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
        return new CrfConstraints(a, s, e);
    }

    /** The constraints of {@code scheme} over the given tag list (index = tag id). */
    public static CrfConstraints of(TagScheme scheme, List<String> tags) {
        int k = tags.size();
        boolean[][] a = new boolean[k][k];
        boolean[] s = new boolean[k];
        boolean[] e = new boolean[k];
        for (int i = 0; i < k; i++) {
            s[i] = scheme.allowed(null, tags.get(i));
            e[i] = scheme.allowed(tags.get(i), null);
            for (int j = 0; j < k; j++) {
                a[i][j] = scheme.allowed(tags.get(i), tags.get(j));
            }
        }
        return new CrfConstraints(a, s, e);
    }

    /** The number of tags. */
    public int size() {
        return start.length;
    }
}
