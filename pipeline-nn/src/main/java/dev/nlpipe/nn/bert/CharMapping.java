package dev.nlpipe.nn.bert;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-code-point part of the BERT normalizer: {@code strip_accents} (NFD, then non-spacing marks dropped) and
 * {@code lowercase} (Unicode's full lowercase mapping, without context: a final sigma stays σ, as in Rust), in that
 * order. Tables are built once per combination; a code point maps to itself ({@code null}), to nothing (an empty
 * array) or to one or more code points.
 */
final class CharMapping {
    private static final int[] NOTHING = new int[0];
    private static final CharMapping[] CACHE = new CharMapping[4];
    /** Planes past this one have no decompositions or case mappings; marks there are found by their class. */
    private static final int LAST_MAPPED = 0x2FFFF;

    private final boolean strip;
    private final boolean lower;
    private final int[][] bmp = new int[0x10000][];
    private final Map<Integer, int[]> supplementary = new HashMap<>();

    private CharMapping(boolean strip, boolean lower) {
        this.strip = strip;
        this.lower = lower;
        for (int c = 0; c <= LAST_MAPPED; c++) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                continue;
            }
            int[] m = compute(c);
            if (m == null) {
                continue;
            }
            if (c < 0x10000) {
                bmp[c] = m;
            } else {
                supplementary.put(c, m);
            }
        }
    }

    /** The mapping for these options, or {@code null} when neither is on. */
    static CharMapping of(boolean stripAccents, boolean lowercase) {
        if (!stripAccents && !lowercase) {
            return null;
        }
        int key = (stripAccents ? 2 : 0) | (lowercase ? 1 : 0);
        synchronized (CACHE) {
            if (CACHE[key] == null) {
                CACHE[key] = new CharMapping(stripAccents, lowercase);
            }
            return CACHE[key];
        }
    }

    /** What a code point becomes: {@code null} for itself, else the code points (none when it is dropped). */
    int[] map(int c) {
        if (c < 0x10000) {
            return bmp[c];
        }
        if (strip && CharClasses.is(c, CharClasses.MARK)) {
            return NOTHING;
        }
        return c <= LAST_MAPPED ? supplementary.get(c) : null;
    }

    private int[] compute(int c) {
        String self = new String(Character.toChars(c));
        String s = self;
        if (strip) {
            if (!CharClasses.is(c, CharClasses.NFD_KEPT) && c >= 0xC0) {
                s = Normalizer.normalize(s, Normalizer.Form.NFD);
            }
            StringBuilder kept = new StringBuilder(s.length());
            s.codePoints().filter(x -> !CharClasses.is(x, CharClasses.MARK)).forEach(kept::appendCodePoint);
            s = kept.toString();
        }
        if (lower) {
            StringBuilder lowered = new StringBuilder(s.length());
            s.codePoints().forEach(x -> lowered.append(CharClasses.is(x, CharClasses.LOWER_KEPT) ? new String(Character.toChars(x))
                    : javaLowercase(x)));
            s = lowered.toString();
        }
        if (s.equals(self)) {
            return null;
        }
        return s.isEmpty() ? NOTHING : s.codePoints().toArray();
    }

    /**
     * Java's lowercase of one code point without context, as Rust's {@code char::to_lowercase}: the simple mapping,
     * and the one unconditional multi-character mapping of SpecialCasing.txt (İ → i̇).
     */
    static String javaLowercase(int c) {
        if (c == 0x130) {
            return "i\u0307";
        }
        return new String(Character.toChars(Character.toLowerCase(c)));
    }
}
