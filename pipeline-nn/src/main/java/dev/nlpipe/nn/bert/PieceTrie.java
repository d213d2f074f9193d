package dev.nlpipe.nn.bert;

import java.util.Arrays;

/**
 * A character trie of vocabulary pieces for greedy longest-match-first look-ups: the root's children in a direct
 * table (one per UTF-16 unit, so a Chinese character costs one array read), deeper edges in an open-addressing hash
 * of (node, unit). Immutable once built; look-ups are thread-safe.
 */
final class PieceTrie {
    private static final long EMPTY = -1L;
    private final int[] rootChildren = new int[0x10000];
    private long[] keys = new long[1024];
    private int[] children = new int[1024];
    private int edges;
    private int[] tokenIds = new int[256];
    private int nodes = 1;

    PieceTrie() {
        Arrays.fill(keys, EMPTY);
        Arrays.fill(tokenIds, -1);
    }

    /** Adds {@code piece[from..]} with its id; a later piece with the same text replaces the id. */
    void insert(String piece, int from, int id) {
        if (from >= piece.length()) {
            return;
        }
        int node = 0;
        for (int i = from; i < piece.length(); i++) {
            char c = piece.charAt(i);
            int next = child(node, c);
            if (next == 0) {
                next = newNode();
                if (node == 0) {
                    rootChildren[c] = next;
                } else {
                    put(key(node, c), next);
                }
            }
            node = next;
        }
        tokenIds[node] = id;
    }

    /**
     * The longest piece that {@code chars[from, to)} starts with: {@code (end << 32) | id}, or {@code -1} when no piece
     * matches.
     */
    long longest(char[] chars, int from, int to) {
        int node = rootChildren[chars[from]];
        long best = -1;
        int i = from + 1;
        while (node != 0) {
            int id = tokenIds[node];
            if (id >= 0) {
                best = ((long) i << 32) | id;
            }
            if (i >= to) {
                break;
            }
            node = lookup(key(node, chars[i]));
            i++;
        }
        return best;
    }

    private int child(int node, char c) {
        return node == 0 ? rootChildren[c] : lookup(key(node, c));
    }

    private static long key(int node, char c) {
        return ((long) node << 16) | c;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & (keys.length - 1);
    }

    private int lookup(long key) {
        int mask = keys.length - 1;
        for (int s = slot(key); ; s = (s + 1) & mask) {
            long k = keys[s];
            if (k == key) {
                return children[s];
            }
            if (k == EMPTY) {
                return 0;
            }
        }
    }

    private void put(long key, int child) {
        if ((edges + 1) * 2 > keys.length) {
            rehash();
        }
        int mask = keys.length - 1;
        int s = slot(key);
        while (keys[s] != EMPTY) {
            s = (s + 1) & mask;
        }
        keys[s] = key;
        children[s] = child;
        edges++;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldChildren = children;
        keys = new long[oldKeys.length * 2];
        children = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        edges = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldChildren[i]);
            }
        }
    }

    private int newNode() {
        if (nodes == tokenIds.length) {
            int old = tokenIds.length;
            tokenIds = Arrays.copyOf(tokenIds, old * 2);
            Arrays.fill(tokenIds, old, tokenIds.length, -1);
        }
        return nodes++;
    }
}
