package dev.nlpipe.nn.bert;

import java.util.Arrays;

/**
 * The WordPiece trainer's adjacent-pair statistics: for each pair of symbol ids, its weighted count and the words it
 * may occur in (a list that can hold a word twice or one that no longer has the pair; the trainer checks). Open
 * addressing on the pair packed into a {@code long}.
 */
final class PairTable {
    private static final long EMPTY = -1L;
    private long[] keys = new long[1 << 12];
    private int[] slots = new int[1 << 12];
    long[] counts = new long[1 << 10];
    int[][] words = new int[1 << 10][];
    int[] wordCounts = new int[1 << 10];
    long[] pairKeys = new long[1 << 10];
    int size;

    PairTable() {
        Arrays.fill(keys, EMPTY);
    }

    static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    static int first(long key) {
        return (int) (key >>> 32);
    }

    static int second(long key) {
        return (int) key;
    }

    /** The index of a pair, or -1. */
    int find(long key) {
        int mask = keys.length - 1;
        for (int s = hash(key) & mask; ; s = (s + 1) & mask) {
            if (keys[s] == key) {
                return slots[s];
            }
            if (keys[s] == EMPTY) {
                return -1;
            }
        }
    }

    /** Adds {@code delta} to a pair's count, and {@code word} to its words when not negative; returns the pair's index. */
    int add(long key, long delta, int word) {
        int p = findOrCreate(key);
        counts[p] += delta;
        if (word >= 0) {
            int[] list = words[p];
            if (list == null) {
                list = new int[4];
                words[p] = list;
            } else if (wordCounts[p] == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                words[p] = list;
            }
            list[wordCounts[p]++] = word;
        }
        return p;
    }

    /** Forgets a pair's words (after it was merged everywhere). */
    void clearWords(int p) {
        words[p] = null;
        wordCounts[p] = 0;
    }

    private int findOrCreate(long key) {
        int mask = keys.length - 1;
        int s = hash(key) & mask;
        while (keys[s] != EMPTY) {
            if (keys[s] == key) {
                return slots[s];
            }
            s = (s + 1) & mask;
        }
        int p = size++;
        if (p == counts.length) {
            int n = p * 2;
            counts = Arrays.copyOf(counts, n);
            words = Arrays.copyOf(words, n);
            wordCounts = Arrays.copyOf(wordCounts, n);
            pairKeys = Arrays.copyOf(pairKeys, n);
        }
        pairKeys[p] = key;
        keys[s] = key;
        slots[s] = p;
        if (size * 2 > keys.length) {
            rehash();
        }
        return p;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int s = hash(oldKeys[i]) & mask;
                while (keys[s] != EMPTY) {
                    s = (s + 1) & mask;
                }
                keys[s] = oldKeys[i];
                slots[s] = oldSlots[i];
            }
        }
    }

    private static int hash(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
    }
}
