package dev.nlpipe.core.doc;

import java.util.Arrays;

/**
 * A sparse vector: strictly increasing column indices and their values.
 * The arrays are owned by the vector; callers must not modify them afterwards.
 */
public final class SparseVector implements DocVector {
    private final int[] indices;
    private final double[] values;

    public SparseVector(int[] indices, double[] values) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs " + values.length);
        }
        // a negative column would be written as 0 or below by the 1-based svmlight and mtx writers
        if (indices.length > 0 && indices[0] < 0) {
            throw new IllegalArgumentException("sparse indices must be 0 or more, not " + indices[0]);
        }
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] <= indices[i - 1]) {
                throw new IllegalArgumentException("sparse indices must be strictly increasing at position " + i);
            }
        }
        this.indices = indices;
        this.values = values;
    }

    public int[] indices() {
        return indices;
    }

    public double[] values() {
        return values;
    }

    @Override
    public int size() {
        return indices.length;
    }

    /** The value at a column, zero when absent. */
    public double get(int column) {
        int at = Arrays.binarySearch(indices, column);
        return at >= 0 ? values[at] : 0.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(indices) + "=" + Arrays.toString(values);
    }
}
