package dev.nlpipe.core.text;

import java.util.BitSet;

/**
 * User-perceived characters: where a segmenter may cut a text (never inside 🇨🇳, 👍🏽 or 1️⃣), and
 * which pieces of it are invisible (a left-to-right mark, a soft hyphen), so that no word is made of
 * one.
 */
public final class Graphemes {
    private Graphemes() {
    }

    /** The offsets of {@code text} where a user-perceived character starts, and its length. */
    public static BitSet starts(String text) {
        BitSet starts = new BitSet(text.length() + 1);
        for (int k = 0; k < text.length(); k = RegexTokenizer.clusterEnd(text, k)) {
            starts.set(k);
        }
        starts.set(text.length());
        return starts;
    }

    /**
     * Whether {@code s} shows nothing: it is made only of format characters (U+200E, U+200B, U+00AD,
     * U+2060, a lone joiner) and variation selectors.
     */
    public static boolean isInvisible(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(cp -> Character.getType(cp) == Character.FORMAT
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF);
    }
}
