package dev.nlpipe.nn;

import java.util.Random;

/**
 * How a parameter starts. Values come from a seeded Java generator, so initialization is the same
 * on every engine and device.
 */
@FunctionalInterface
public interface Init {

    /** Fills {@code values} (row-major, of the given shape). */
    void fill(float[] values, long[] shape, Random rng);

    /** All zeros. */
    static Init zeros() {
        return (v, s, r) -> { };
    }

    /** Every value {@code c}. */
    static Init constant(float c) {
        return (v, s, r) -> java.util.Arrays.fill(v, c);
    }

    /** Uniform in {@code [-a, a]}. */
    static Init uniform(double a) {
        return (v, s, r) -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((r.nextDouble() * 2 - 1) * a);
            }
        };
    }

    /** Normal with mean 0. */
    static Init normal(double std) {
        return (v, s, r) -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * std);
            }
        };
    }

    /**
     * Glorot/Xavier uniform for a {@code (out, in)} matrix: {@code U(±sqrt(6 / (in + out)))}.
     * Higher-rank shapes treat the first axis as out and the product of the rest as in.
     */
    static Init xavierUniform() {
        return (v, s, r) -> {
            long out = s[0];
            long in = 1;
            for (int i = 1; i < s.length; i++) {
                in *= s[i];
            }
            uniform(Math.sqrt(6.0 / (in + out))).fill(v, s, r);
        };
    }

    /** Uniform with variance {@code 1 / dim} along the last axis, for embedding tables. */
    static Init embedding() {
        return (v, s, r) -> uniform(Math.sqrt(3.0 / s[s.length - 1])).fill(v, s, r);
    }
}
