package dev.nlpipe.embed.vectorize;

/**
 * MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8 bytes of text, fed one character at a time —
 * the hash scikit-learn's {@code HashingVectorizer} applies to each feature string. Reuse one
 * instance per thread: {@link #reset()}, {@link #add(char[], int, int)}..., {@link #finish()}.
 */
final class Murmur3 {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private int h;
    private int block;
    private int blockBytes;
    private int length;
    private char pendingHigh;

    void reset() {
        h = 0;
        block = 0;
        blockBytes = 0;
        length = 0;
        pendingHigh = 0;
    }

    /** Feeds {@code chars[start, end)}. */
    void add(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            add(chars[i]);
        }
    }

    /** Feeds one UTF-16 unit; surrogate pairs are joined, a lone surrogate is encoded as '?'. */
    void add(char c) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                codePoint(Character.toCodePoint(high, c));
                return;
            }
            addByte('?');
        }
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            addByte('?');
        } else {
            codePoint(c);
        }
    }

    private void codePoint(int cp) {
        if (cp < 0x80) {
            addByte(cp);
        } else if (cp < 0x800) {
            addByte(0xC0 | (cp >> 6));
            addByte(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            addByte(0xE0 | (cp >> 12));
            addByte(0x80 | ((cp >> 6) & 0x3F));
            addByte(0x80 | (cp & 0x3F));
        } else {
            addByte(0xF0 | (cp >> 18));
            addByte(0x80 | ((cp >> 12) & 0x3F));
            addByte(0x80 | ((cp >> 6) & 0x3F));
            addByte(0x80 | (cp & 0x3F));
        }
    }

    private void addByte(int b) {
        block |= (b & 0xFF) << (8 * blockBytes);
        length++;
        if (++blockBytes == 4) {
            h ^= mixK(block);
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
            block = 0;
            blockBytes = 0;
        }
    }

    private static int mixK(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }

    /** The signed 32-bit hash of everything fed since {@link #reset()}. */
    int finish() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            addByte('?');
        }
        int x = h;
        if (blockBytes > 0) {
            x ^= mixK(block);
        }
        return PolyHash.spread(x ^ length);
    }

    /** The hash of a whole string. */
    static int hash(String s) {
        Murmur3 m = new Murmur3();
        for (int i = 0; i < s.length(); i++) {
            m.add(s.charAt(i));
        }
        return m.finish();
    }
}
