package dev.nlpipe.embed.word2vec;

import java.util.Arrays;

/**
 * The binary Huffman tree over the vocabulary that hierarchical softmax walks: each word's path
 * from the root is a sequence of inner nodes ({@link #point}) and left/right decisions
 * ({@link #code}), so frequent words get short paths. Inner nodes are numbered 0 to size-2, the
 * root being size-2; they index the rows of the hierarchical-softmax output matrix.
 */
public final class HuffmanTree {
    private final int[] start;
    private final byte[] codes;
    private final int[] points;

    private HuffmanTree(int[] start, byte[] codes, int[] points) {
        this.start = start;
        this.codes = codes;
        this.points = points;
    }

    /** Builds the tree for words with these counts (any order). */
    public static HuffmanTree build(long[] counts) {
        int n = counts.length;
        if (n == 0) {
            return new HuffmanTree(new int[] {0}, new byte[0], new int[0]);
        }
        // Leaves sorted by ascending count; inner nodes are created in ascending order of weight too,
        // so the two smallest nodes are always at the heads of these two queues.
        Integer[] byCount = new Integer[n];
        for (int i = 0; i < n; i++) {
            byCount[i] = i;
        }
        Arrays.sort(byCount, (a, b) -> Long.compare(counts[a], counts[b]));
        long[] weight = new long[2 * n - 1];
        int[] parent = new int[2 * n - 1];
        byte[] branch = new byte[2 * n - 1];
        int[] leafNode = new int[n];
        for (int i = 0; i < n; i++) {
            weight[i] = counts[byCount[i]];
            leafNode[byCount[i]] = i;
        }
        int leaf = 0;
        int inner = n;
        for (int next = n; next < 2 * n - 1; next++) {
            int first = (leaf < n && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            int second = (leaf < n && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            weight[next] = weight[first] + weight[second];
            parent[first] = next;
            parent[second] = next;
            branch[second] = 1;
        }
        int root = 2 * n - 2;
        int[] start = new int[n + 1];
        int[] depth = new int[n];
        for (int w = 0; w < n; w++) {
            int d = 0;
            for (int node = leafNode[w]; node != root; node = parent[node]) {
                d++;
            }
            depth[w] = d;
            start[w + 1] = start[w] + d;
        }
        byte[] codes = new byte[start[n]];
        int[] points = new int[start[n]];
        for (int w = 0; w < n; w++) {
            int at = start[w + 1];
            for (int node = leafNode[w]; node != root; node = parent[node]) {
                at--;
                codes[at] = branch[node];
                points[at] = parent[node] - n;
            }
        }
        return new HuffmanTree(start, codes, points);
    }

    /** Number of words. */
    public int size() {
        return start.length - 1;
    }

    /** Length of word {@code w}'s path. */
    public int length(int w) {
        return start[w + 1] - start[w];
    }

    /** The {@code d}-th decision (0 or 1) on word {@code w}'s path from the root. */
    public int code(int w, int d) {
        return codes[start[w] + d];
    }

    /** The {@code d}-th inner node on word {@code w}'s path from the root. */
    public int point(int w, int d) {
        return points[start[w] + d];
    }

    /** Where word {@code w}'s path starts in the flat {@link #codes()} and {@link #points()} arrays. */
    int[] starts() {
        return start;
    }

    byte[] codes() {
        return codes;
    }

    int[] points() {
        return points;
    }
}
