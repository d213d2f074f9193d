package dev.nlpipe.nn.bert;

import java.text.Normalizer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The per-code-point part of the BERT normalizer: {@code strip_accents} (NFD, then non-spacing marks dropped) and
 * {@code lowercase} (Unicode's full lowercase mapping, without context: a final sigma stays σ, as in Rust), in that
 * order. A table per combination, built a block of code points at a time as text needs them; a code point maps to
 * itself ({@code null}), to nothing (an empty array) or to one or more code points. Thread-safe.
 */
final class CharMapping {
    private static final int[] NOTHING = new int[0];
    private static final CharMapping[] CACHE = new CharMapping[4];
    private static final int BLOCK_BITS = 8;
    private static final int BLOCK = 1 << BLOCK_BITS;

    private final boolean strip;
    private final boolean lower;
    /** Blocks of 256 code points, each built the first time one of its code points is mapped. */
    private final AtomicReferenceArray<int[][]> blocks = new AtomicReferenceArray<>((Character.MAX_CODE_POINT + 1) >> BLOCK_BITS);

    private CharMapping(boolean strip, boolean lower) {
        this.strip = strip;
        this.lower = lower;
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
        int[][] block = blocks.get(c >> BLOCK_BITS);
        if (block == null) {
            block = build(c >> BLOCK_BITS);
            blocks.set(c >> BLOCK_BITS, block);
        }
        return block[c & (BLOCK - 1)];
    }

    /**
     * Builds one block. One NFD call over its code points, each followed by a space: no canonical decomposition holds
     * a space, and a space (a starter) keeps canonical reordering from crossing between code points.
     */
    private int[][] build(int index) {
        int first = index << BLOCK_BITS;
        int[][] block = new int[BLOCK][];
        String decomposed = null;
        if (strip) {
            StringBuilder all = new StringBuilder(BLOCK * 3);
            for (int c = first; c < first + BLOCK; c++) {
                if (mapped(c)) {
                    all.appendCodePoint(c).append(' ');
                }
            }
            decomposed = Normalizer.normalize(all, Normalizer.Form.NFD);
        }
        int at = 0;
        for (int c = first; c < first + BLOCK; c++) {
            if (!mapped(c)) {
                continue;
            }
            String nfd = null;
            if (decomposed != null) {
                int n = Character.charCount(c);
                // the code point first: one that decomposes into fewer UTF-16 units (U+2F9FF and others) would put at + n past the end
                if (decomposed.codePointAt(at) == c && decomposed.charAt(at + n) == ' ') {
                    at += n + 1;
                } else {
                    int space = decomposed.indexOf(' ', at);
                    nfd = decomposed.substring(at, space);
                    at = space + 1;
                }
            }
            block[c - first] = compute(c, nfd);
        }
        return block;
    }

    /** Code points the tables hold: not surrogates, not the space that separates them while they are built. */
    private static boolean mapped(int c) {
        return c != ' ' && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
    }

    /** What {@code c} becomes, given its NFD ({@code null} when it has none or accents are kept). */
    private int[] compute(int c, String nfd) {
        boolean decomposes = nfd != null && !CharClasses.is(c, CharClasses.NFD_KEPT);
        if (!decomposes) {
            if (strip && CharClasses.is(c, CharClasses.MARK)) {
                return NOTHING;
            }
            if (!lower || CharClasses.is(c, CharClasses.LOWER_KEPT)) {
                return null;
            }
            if (c == 0x130) {
                return new int[] {'i', 0x307};
            }
            int l = Character.toLowerCase(c);
            return l == c ? null : new int[] {l};
        }
        String self = new String(Character.toChars(c));
        String s = self;
        if (strip) {
            if (!CharClasses.is(c, CharClasses.NFD_KEPT)) {
                s = nfd;
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
