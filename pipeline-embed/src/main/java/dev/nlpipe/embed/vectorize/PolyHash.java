package dev.nlpipe.embed.vectorize;

/**
 * A polynomial hash of UTF-16 text, {@code h(s) = Σ s[i]·B^(len-1-i)} modulo 2³², chosen because
 * the hash of any substring follows from prefix hashes in constant time, so character n-grams can
 * be looked up without building their strings.
 */
final class PolyHash {
    static final int BASE = 0x9E3779B1;
    private static final int[] POW = new int[1024];

    static {
        POW[0] = 1;
        for (int i = 1; i < POW.length; i++) {
            POW[i] = POW[i - 1] * BASE;
        }
    }

    private PolyHash() {
    }

    /** {@code BASE^n} modulo 2³². */
    static int pow(int n) {
        if (n < POW.length) {
            return POW[n];
        }
        int result = 1;
        int b = BASE;
        int e = n;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
            e >>>= 1;
        }
        return result;
    }

    static int of(CharSequence s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = h * BASE + s.charAt(i);
        }
        return h;
    }

    static int of(char[] buf, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = h * BASE + buf[i];
        }
        return h;
    }

    /** Spreads a hash over all bits (MurmurHash3's finalizer) before it indexes a power-of-two table. */
    static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
