package dev.nlpipe.embed.word2vec;

/**
 * Counts of non-negative {@code long} keys in an open-addressing table: the bigram counts of
 * phrase detection, without a boxed {@code Long} per distinct bigram.
 */
final class LongIntCounter {
    private static final long EMPTY = -1;
    private long[] keys;
    private int[] values;
    private int size;

    LongIntCounter(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        java.util.Arrays.fill(keys, EMPTY);
    }

    /** Adds one to {@code key}'s count ({@code key >= 0}). */
    void increment(long key) {
        int mask = keys.length - 1;
        int i = slot(key) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                if (values[i] != Integer.MAX_VALUE) {
                    values[i]++;
                }
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = 1;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The count of {@code key}, 0 when absent. */
    int get(long key) {
        int mask = keys.length - 1;
        int i = slot(key) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    int size() {
        return size;
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        java.util.Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
