package dev.nlpipe.embed.word2vec;

import java.util.Arrays;

/**
 * Draws negative samples from the unigram distribution raised to the power 0.75, as word2vec
 * does, in constant time with Walker's alias method. Where the C tool fills a 10^8-entry table
 * (400 MB, a cache miss per draw), this keeps two ints per word, side by side, so one draw touches
 * one small, usually cached, slot.
 */
public final class UnigramSampler {
    /** The exponent word2vec applies to the counts. */
    public static final double POWER = 0.75;
    private static final int COIN_BITS = 24;

    /** Per bucket: the threshold (24-bit) below which the bucket's own word is drawn, then its alias. */
    private final int[] table;
    private final int size;

    private UnigramSampler(int[] table, int size) {
        this.table = table;
        this.size = size;
    }

    /** A sampler over words with these counts. */
    public static UnigramSampler of(long[] counts) {
        int n = counts.length;
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.pow(counts[i], POWER);
            sum += p[i];
        }
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            p[i] = sum > 0 ? p[i] * n / sum : 1.0;
            if (p[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        int[] table = new int[2 * Math.max(n, 1)];
        Arrays.fill(table, 0);
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            table[2 * s] = (int) Math.round(p[s] * (1 << COIN_BITS));
            table[2 * s + 1] = l;
            p[l] -= 1.0 - p[s];
            if (p[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        // What remains has probability 1 up to rounding error.
        while (nl > 0) {
            int l = large[--nl];
            table[2 * l] = 1 << COIN_BITS;
            table[2 * l + 1] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            table[2 * s] = 1 << COIN_BITS;
            table[2 * s + 1] = s;
        }
        return new UnigramSampler(table, n);
    }

    /**
     * A word drawn with one 64-bit random value: its high 32 bits pick the bucket, bits 8 to 31 toss
     * the coin between the bucket's word and its alias.
     */
    public int sample(long random) {
        int bucket = (int) (((random >>> 32) * size) >>> 32);
        int coin = (int) (random >>> 8) & ((1 << COIN_BITS) - 1);
        return coin < table[2 * bucket] ? bucket : table[2 * bucket + 1];
    }

    /** The probability of drawing word {@code w} (for tests and diagnostics). */
    public double probability(int w) {
        double total = 0;
        for (int b = 0; b < size; b++) {
            double own = table[2 * b] / (double) (1 << COIN_BITS);
            if (b == w) {
                total += own;
            }
            if (table[2 * b + 1] == w) {
                total += 1 - own;
            }
        }
        return total / size;
    }
}
