package dev.nlpipe.core.doc;

import java.util.Arrays;

/**
 * A normalized form of a document's text (NFKC, full-width to half-width, traditional to
 * simplified...) together with the map back to the original characters, so that tokenizers can
 * work on the normalized form while reporting offsets into the original text.
 *
 * <p>For normalized character {@code i}, {@code originalStart(i)} is where its source character
 * starts in the original text and {@code originalEnd(i + 1)} where it ends; a character that
 * expanded into several ({@code "ﬁ"} into {@code "fi"}) maps all of them to the same source range.
 */
public final class NormalizedText {
    private final String text;
    private final int[] starts;
    private final int[] ends;

    /**
     * @param text the normalized text
     * @param starts for each normalized char, the original start offset
     * @param ends for each normalized char, the original end offset (exclusive)
     */
    public NormalizedText(String text, int[] starts, int[] ends) {
        if (starts.length != text.length() || ends.length != text.length()) {
            throw new IllegalArgumentException("offset maps must have one entry per normalized character");
        }
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** The identity view of a text. */
    public static NormalizedText identity(String text) {
        int n = text.length();
        int[] s = new int[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
            e[i] = i + 1;
        }
        return new NormalizedText(text, s, e);
    }

    public String text() {
        return text;
    }

    /** Original offset where the token starting at normalized offset {@code i} starts. */
    public int originalStart(int i, int originalLength) {
        return i < starts.length ? starts[i] : originalLength;
    }

    /** Original offset (exclusive) where a token ending at normalized offset {@code end} ends. */
    public int originalEnd(int end, int originalLength) {
        if (end == 0) {
            return starts.length == 0 ? 0 : starts[0];
        }
        return ends[end - 1];
    }

    /**
     * Composes a further normalization of this text: {@code next} maps into this normalized text,
     * the result maps straight into the original.
     */
    public NormalizedText then(NormalizedText next) {
        int n = next.text.length();
        int[] s = new int[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = starts.length == 0 ? 0 : starts[Math.min(next.starts[i], starts.length - 1)];
            int endIn = next.ends[i];
            e[i] = endIn == 0 ? s[i] : ends[endIn - 1];
        }
        return new NormalizedText(next.text, s, e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedText n && text.equals(n.text) && Arrays.equals(starts, n.starts) && Arrays.equals(ends, n.ends);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
