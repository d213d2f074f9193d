package dev.nlpipe.embed.vectorize;

import java.util.Arrays;

/**
 * One document's analysis, reused from document to document by one thread: a character buffer
 * and either token spans in it (word analyzer) or code point positions and segments (character
 * analyzers), with the hashes that let features be found without building strings.
 */
final class Grams {
    char[] buf = new char[512];
    int len;

    int[] tokStart = new int[128];
    int[] tokEnd = new int[128];
    int[] tokHash = new int[128];
    int tokens;
    /** The piece ids of each token ({@link NgramTable}): {@code pieceIds[tokPieceFrom[t], tokPieceTo[t])}. */
    int[] tokPieceFrom = new int[128];
    int[] tokPieceTo = new int[128];
    int[] pieceIds = new int[128];

    /** Char index of each code point in {@link #buf}; {@code cp[cps] == len}. */
    int[] cp = new int[513];
    int cps;
    /** Code point ranges that n-grams may not cross (the padded words of {@code char_wb}). */
    int[] segFrom = new int[64];
    int[] segTo = new int[64];
    int segments;
    /** {@code prefix[i]} is the hash of {@code buf[0, i)}. */
    int[] prefix = new int[513];

    void reset() {
        len = 0;
        tokens = 0;
        cps = 0;
        segments = 0;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    /** Appends a whole token. */
    void appendToken(String s) {
        int start = len;
        ensure(s.length());
        s.getChars(0, s.length(), buf, len);
        len += s.length();
        addToken(start, len);
    }

    /** Records {@code buf[start, end)} as the next token. */
    void addToken(int start, int end) {
        if (tokens == tokStart.length) {
            int n = tokens * 2;
            tokStart = Arrays.copyOf(tokStart, n);
            tokEnd = Arrays.copyOf(tokEnd, n);
            tokHash = Arrays.copyOf(tokHash, n);
        }
        tokStart[tokens] = start;
        tokEnd[tokens] = end;
        tokHash[tokens] = PolyHash.of(buf, start, end);
        tokens++;
    }

    /** Makes room for the piece ranges of every token. */
    void ensurePieces() {
        if (tokPieceFrom.length < tokens) {
            tokPieceFrom = new int[tokStart.length];
            tokPieceTo = new int[tokStart.length];
        }
    }

    /** Stores a piece id at {@code at}, growing as needed; returns the next position. */
    int addPiece(int at, int id) {
        if (at == pieceIds.length) {
            pieceIds = Arrays.copyOf(pieceIds, at * 2);
        }
        pieceIds[at] = id;
        return at + 1;
    }

    /** Copies a text into the buffer (for analyzers that find tokens in it). */
    void setText(String s) {
        reset();
        ensure(s.length());
        s.getChars(0, s.length(), buf, 0);
        len = s.length();
    }

    /**
     * Copies a text into the buffer lowercased as {@code String.toLowerCase(Locale.ROOT)} (and
     * Python's {@code str.lower()}) would, in place. The two characters whose lowercase depends on
     * context or has another length — capital sigma (final ς) and dotted capital I (i + U+0307) —
     * are left to {@code toLowerCase}.
     */
    void setLowerText(String s) {
        setText(s);
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    buf[i] = (char) (c + 32);
                }
            } else if (c == '\u03A3' || c == '\u0130') {
                setText(s.toLowerCase(java.util.Locale.ROOT));
                return;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(buf[i + 1])) {
                int lower = Character.toLowerCase(Character.toCodePoint(c, buf[i + 1]));
                Character.toChars(lower, buf, i);
                i++;
            } else {
                buf[i] = Character.toLowerCase(c);
            }
        }
    }

    /** Appends one code point as the next character position. */
    void appendCodePoint(int c) {
        ensure(2);
        if (cps + 1 >= cp.length) {
            cp = Arrays.copyOf(cp, cp.length * 2);
        }
        cp[cps++] = len;
        len += Character.toChars(c, buf, len);
    }

    /** Closes the character positions and computes the prefix hashes. */
    void finishChars() {
        if (cps >= cp.length) {
            cp = Arrays.copyOf(cp, cps + 1);
        }
        cp[cps] = len;
        if (prefix.length < len + 1) {
            prefix = new int[Math.max(prefix.length * 2, len + 1)];
        }
        int h = 0;
        prefix[0] = 0;
        for (int i = 0; i < len; i++) {
            h = h * PolyHash.BASE + buf[i];
            prefix[i + 1] = h;
        }
    }

    void addSegment(int fromCp, int toCp) {
        if (segments == segFrom.length) {
            segFrom = Arrays.copyOf(segFrom, segments * 2);
            segTo = Arrays.copyOf(segTo, segments * 2);
        }
        segFrom[segments] = fromCp;
        segTo[segments] = toCp;
        segments++;
    }

    /** The hash of {@code buf[start, end)} from the prefix hashes. */
    int sliceHash(int start, int end) {
        return prefix[end] - prefix[start] * PolyHash.pow(end - start);
    }

    /** Whether {@code term} equals {@code buf[start, end)} (lengths already equal). */
    boolean sliceEquals(String term, int start, int end) {
        for (int i = start, k = 0; i < end; i++, k++) {
            if (term.charAt(k) != buf[i]) {
                return false;
            }
        }
        return true;
    }
}
