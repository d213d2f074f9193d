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

    /**
     * A random orthogonal {@code (rows, cols)} matrix, as PyTorch's {@code init.orthogonal_}: the Q of
     * the QR decomposition of a standard normal matrix with R's diagonal made positive, so its rows
     * (when {@code rows <= cols}) or columns are orthonormal. Higher-rank shapes treat the first axis as
     * rows and the product of the rest as columns.
     */
    static Init orthogonal() {
        return (v, s, r) -> {
            int rows = (int) s[0];
            int cols = v.length / Math.max(1, rows);
            boolean wide = rows < cols;
            int n = wide ? cols : rows;
            int k = wide ? rows : cols;
            // k vectors of length n made orthonormal one after another (modified Gram-Schmidt, twice for accuracy);
            // dividing by the positive norm is QR with a positive diagonal, the sign PyTorch corrects to
            double[][] q = new double[k][n];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    q[j][i] = r.nextGaussian();
                }
            }
            for (int j = 0; j < k; j++) {
                for (int pass = 0; pass < 2; pass++) {
                    for (int p = 0; p < j; p++) {
                        double dot = 0;
                        for (int i = 0; i < n; i++) {
                            dot += q[j][i] * q[p][i];
                        }
                        for (int i = 0; i < n; i++) {
                            q[j][i] -= dot * q[p][i];
                        }
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += q[j][i] * q[j][i];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    q[j][i] /= norm;
                }
            }
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    v[wide ? j * cols + i : i * cols + j] = (float) q[j][i];
                }
            }
        };
    }

    /**
     * Identity blocks stacked along the first axis: a {@code (g · n, n)} matrix of {@code g} identities,
     * the recurrent weights of an LSTM whose gates each start by copying the previous state (Zhang and
     * Yang's lattice LSTM code starts its recurrent weights so).
     */
    static Init stackedIdentity() {
        return (v, s, r) -> {
            int n = (int) s[1];
            for (int row = 0; row < s[0]; row++) {
                v[row * n + row % n] = 1;
            }
        };
    }
}
