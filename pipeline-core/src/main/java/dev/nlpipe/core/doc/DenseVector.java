package dev.nlpipe.core.doc;

import java.util.Arrays;

/** A dense float vector, e.g. a document embedding. The array is owned by the vector. */
public final class DenseVector implements DocVector {
    private final float[] values;

    public DenseVector(float[] values) {
        this.values = values;
    }

    public float[] values() {
        return values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseVector v && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DenseVector" + Arrays.toString(values);
    }
}
