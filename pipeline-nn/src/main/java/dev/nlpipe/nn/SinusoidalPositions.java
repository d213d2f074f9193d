package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Fixed sinusoidal position encodings for any integer positions, negative ones included (relative
 * distances, as FLAT's head/tail distances {@code -L..L}). Values are computed in double precision
 * and rounded to float32 once; the arrays carry no gradient.
 */
public final class SinusoidalPositions {
    private SinusoidalPositions() {
    }

    /** Where the sines and cosines go in a row. */
    public enum Layout {
        /**
         * Vaswani et al. (2017): feature {@code 2i} is {@code sin(p / 10000^(2i/dim))} and feature
         * {@code 2i+1} its cosine.
         */
        INTERLEAVED,
        /**
         * tensor2tensor's and fairseq's layout, used by FLAT's reference code (fastNLP's
         * {@code get_embedding}): the first half holds {@code sin(p · 10000^(-i/(half-1)))}, the
         * second half the cosines of the same angles.
         */
        CONCATENATED
    }

    /** Vaswani's table for these positions: {@code (positions.length, dim)} float32 in {@code manager}. */
    public static NDArray table(NDManager manager, int[] positions, int dim) {
        return table(manager, positions, dim, Layout.INTERLEAVED);
    }

    /** The table for these positions in a given layout: {@code (positions.length, dim)} float32 in {@code manager}. */
    public static NDArray table(NDManager manager, int[] positions, int dim, Layout layout) {
        return manager.create(values(positions, dim, layout), new Shape(positions.length, dim));
    }

    /**
     * The table for the consecutive positions {@code from..to} (both included), e.g. {@code -L..L}:
     * row {@code p - from} encodes position {@code p}.
     */
    public static NDArray range(NDManager manager, int from, int to, int dim, Layout layout) {
        if (to < from) {
            throw new IllegalArgumentException("empty position range " + from + ".." + to);
        }
        int[] positions = new int[to - from + 1];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = from + i;
        }
        return table(manager, positions, dim, layout);
    }

    /** The table's values, row-major {@code (positions.length, dim)}. */
    public static float[] values(int[] positions, int dim, Layout layout) {
        if (dim < 2 || dim % 2 != 0 || (layout == Layout.CONCATENATED && dim < 4)) {
            throw new IllegalArgumentException("a sinusoidal table needs an even dimension"
                    + (layout == Layout.CONCATENATED ? " of at least 4" : "") + ", not " + dim);
        }
        int half = dim / 2;
        double[] freq = new double[half];
        for (int i = 0; i < half; i++) {
            freq[i] = layout == Layout.INTERLEAVED
                    ? Math.pow(10000.0, -2.0 * i / dim)
                    : Math.exp(i * -(Math.log(10000.0) / (half - 1)));
        }
        float[] v = new float[positions.length * dim];
        for (int r = 0; r < positions.length; r++) {
            for (int i = 0; i < half; i++) {
                double a = positions[r] * freq[i];
                int sin = layout == Layout.INTERLEAVED ? 2 * i : i;
                int cos = layout == Layout.INTERLEAVED ? 2 * i + 1 : half + i;
                v[r * dim + sin] = (float) Math.sin(a);
                v[r * dim + cos] = (float) Math.cos(a);
            }
        }
        return v;
    }
}
