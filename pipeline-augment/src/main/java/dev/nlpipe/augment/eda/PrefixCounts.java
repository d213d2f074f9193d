package dev.nlpipe.augment.eda;

/**
 * Counts in a row of slots, with the slot holding the {@code k}-th counted item found in
 * {@code O(log n)} (a Fenwick tree): random insertion picks the {@code k}-th synonym source and
 * the {@code k}-th insertion point of a sentence that grows as it inserts, and a linear scan for
 * each made a long text quadratic.
 */
final class PrefixCounts {
    private final int[] tree;
    private int total;

    PrefixCounts(int slots) {
        tree = new int[slots + 1];
    }

    /** Adds {@code delta} to slot {@code slot}. */
    void add(int slot, int delta) {
        total += delta;
        for (int i = slot + 1; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** The sum over all slots. */
    int total() {
        return total;
    }

    /** The sum over slots {@code 0..slot-1}. */
    int before(int slot) {
        int sum = 0;
        for (int i = slot; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    /** The slot holding the {@code k}-th counted item (from 0): the first whose running sum exceeds {@code k}. */
    int slotOf(int k) {
        if (k < 0 || k >= total) {
            throw new IndexOutOfBoundsException("item " + k + " of " + total);
        }
        int pos = 0;
        int rest = k;
        for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
            int next = pos + step;
            if (next < tree.length && tree[next] <= rest) {
                pos = next;
                rest -= tree[next];
            }
        }
        return pos;
    }
}
