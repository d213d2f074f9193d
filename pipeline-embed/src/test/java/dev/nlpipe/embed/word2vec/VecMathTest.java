package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD kernels (the tests run with the vector module) agree with plain loops, at odd sizes and offsets too. */
class VecMathTest {

    @Test
    void theVectorModuleIsLoadedInTests() {
        assertTrue(VecMath.SIMD, "surefire runs with --add-modules jdk.incubator.vector");
    }

    @Test
    void kernelsMatchPlainLoops() {
        Random r = new Random(3);
        for (int n : new int[] {1, 3, 7, 8, 9, 16, 100, 301}) {
            float[] a = random(r, n + 5);
            float[] b = random(r, n + 7);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += a[2 + i] * b[5 + i];
            }
            assertEquals(expected, VecMath.dot(a, 2, b, 5, n), 1e-4, "dot n=" + n);
            assertEquals(expected, SimdMath.dot(a, 2, b, 5, n), 1e-4, "simd dot n=" + n);
            assertEquals(expected, VecMath.scalarDot(a, 2, b, 5, n), 1e-4, "scalar dot n=" + n);

            for (boolean simd : new boolean[] {true, false}) {
                float[] y = random(r, n + 3);
                float[] y2 = y.clone();
                if (simd) {
                    SimdMath.axpy(0.5f, a, 1, y, 3, n);
                } else {
                    VecMath.scalarAxpy(0.5f, a, 1, y, 3, n);
                }
                for (int i = 0; i < n; i++) {
                    y2[3 + i] += 0.5f * a[1 + i];
                }
                assertArrayEquals(y2, y, 1e-6f, "axpy n=" + n + " simd=" + simd);

                float[] out = random(r, n + 2);
                float[] err = random(r, n);
                float[] out2 = out.clone();
                float[] err2 = err.clone();
                if (simd) {
                    SimdMath.update(-0.3f, a, 4, out, 2, err, n);
                } else {
                    VecMath.scalarUpdate(-0.3f, a, 4, out, 2, err, n);
                }
                for (int i = 0; i < n; i++) {
                    err2[i] += -0.3f * out2[2 + i];
                    out2[2 + i] += -0.3f * a[4 + i];
                }
                assertArrayEquals(err2, err, 1e-6f, "update err n=" + n + " simd=" + simd);
                assertArrayEquals(out2, out, 1e-6f, "update out n=" + n + " simd=" + simd);
            }
        }
    }

    /**
     * The SIMD dot product is bit-for-bit a fixed sequence of float operations — lane-wise fused
     * multiply-adds, lanes folded by halves, a sequential tail — so it gives the same result
     * interpreted and JIT-compiled (what makes one-thread training reproducible).
     */
    @Test
    void simdDotIsTheSameSequenceOfOperationsBeforeAndAfterCompilation() {
        Random r = new Random(11);
        float[] a = random(r, 1000);
        float[] b = random(r, 1000);
        int lanes = SimdMath.lanes();
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + round % 130;
            int ao = round % 7;
            int bo = round % 13;
            float[] acc = new float[lanes];
            int i = 0;
            for (; i + lanes <= n; i += lanes) {
                for (int l = 0; l < lanes; l++) {
                    acc[l] = Math.fma(a[ao + i + l], b[bo + i + l], acc[l]);
                }
            }
            for (int w = lanes / 2; w >= 1; w /= 2) {
                float[] next = new float[lanes];
                for (int l = 0; l < lanes; l++) {
                    next[l] = acc[l] + acc[(l + w) % lanes];
                }
                acc = next;
            }
            float expected = acc[0];
            for (; i < n; i++) {
                expected += a[ao + i] * b[bo + i];
            }
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(SimdMath.dot(a, ao, b, bo, n)), "round " + round + " n=" + n);
        }
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextFloat() * 2 - 1;
        }
        return a;
    }
}
