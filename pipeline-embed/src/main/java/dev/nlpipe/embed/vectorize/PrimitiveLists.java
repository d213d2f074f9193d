package dev.nlpipe.embed.vectorize;

import java.util.Arrays;

/** Growable arrays of primitives, to collect millions of counts without boxing. */
final class PrimitiveLists {
    private PrimitiveLists() {
    }

    /** A growable int array. */
    static final class Ints {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int get(int i) {
            return a[i];
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growable int sequence in fixed-size blocks: appending never copies (for very long sequences). */
    static final class IntBlocks {
        private static final int SHIFT = 16;
        private static final int BLOCK = 1 << SHIFT;
        private int[][] blocks = new int[16][];
        private int n;

        void add(int v) {
            int b = n >>> SHIFT;
            if (b == blocks.length) {
                blocks = Arrays.copyOf(blocks, b * 2);
            }
            if (blocks[b] == null) {
                blocks[b] = new int[BLOCK];
            }
            blocks[b][n & (BLOCK - 1)] = v;
            n++;
        }

        int size() {
            return n;
        }

        int get(int i) {
            return blocks[i >>> SHIFT][i & (BLOCK - 1)];
        }
    }

    /** A growable long array. */
    static final class Longs {
        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growable double array. */
    static final class Doubles {
        private double[] a = new double[1024];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
