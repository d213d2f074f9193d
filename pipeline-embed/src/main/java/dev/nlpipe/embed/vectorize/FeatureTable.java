package dev.nlpipe.embed.vectorize;

import java.util.Arrays;

/**
 * Character n-grams and their ids (0, 1, 2... in insertion order), in an open-addressing hash
 * table that finds a slice of a {@link Grams} buffer without building its string. Not thread-safe while growing; safe for concurrent lookups once filled.
 */
final class FeatureTable implements FeatureIndex {
    private int[] slots;
    private int mask;
    private String[] terms;
    private int[] hashes;
    private int size;

    FeatureTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new int[cap];
        mask = cap - 1;
        terms = new String[Math.max(16, expected)];
        hashes = new int[terms.length];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String text(int id) {
        return terms[id];
    }

    /** The id of a character slice, or -1. */
    int findSlice(Grams g, int start, int end, int hash) {
        int length = end - start;
        for (int s = PolyHash.spread(hash) & mask; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                return -1;
            }
            String t = terms[id];
            if (hashes[id] == hash && t.length() == length && g.sliceEquals(t, start, end)) {
                return id;
            }
        }
    }

    /** The id of a character slice, added when new. */
    int addSlice(Grams g, int start, int end, int hash) {
        int length = end - start;
        int s = PolyHash.spread(hash) & mask;
        for (; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                break;
            }
            String t = terms[id];
            if (hashes[id] == hash && t.length() == length && g.sliceEquals(t, start, end)) {
                return id;
            }
        }
        return insert(s, new String(g.buf, start, length), hash);
    }

    @Override
    public int find(String term) {
        int hash = PolyHash.of(term);
        for (int s = PolyHash.spread(hash) & mask; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == hash && terms[id].equals(term)) {
                return id;
            }
        }
    }

    @Override
    public int add(String term) {
        int hash = PolyHash.of(term);
        int s = PolyHash.spread(hash) & mask;
        for (; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                break;
            }
            if (hashes[id] == hash && terms[id].equals(term)) {
                return id;
            }
        }
        return insert(s, term, hash);
    }

    private int insert(int slot, String term, int hash) {
        int id = size;
        if (id == terms.length) {
            int n = terms.length * 2;
            terms = Arrays.copyOf(terms, n);
            hashes = Arrays.copyOf(hashes, n);
        }
        terms[id] = term;
        hashes[id] = hash;
        slots[slot] = id + 1;
        size++;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return id;
    }

    private void rehash(int cap) {
        slots = new int[cap];
        mask = cap - 1;
        for (int id = 0; id < size; id++) {
            int s = PolyHash.spread(hashes[id]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = id + 1;
        }
    }

    @Override
    public void clear() {
        Arrays.fill(slots, 0);
        Arrays.fill(terms, 0, size, null);
        size = 0;
    }
}
