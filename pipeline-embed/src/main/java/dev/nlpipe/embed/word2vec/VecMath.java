package dev.nlpipe.embed.word2vec;

/**
 * The two vector kernels word2vec spends its time in, on slices of flat float arrays. The dot
 * product keeps four independent partial sums so the JIT can overlap the multiply-adds (a single
 * running sum is a serial dependency chain the compiler may not reorder); the update loops have no
 * cross-iteration dependency and are auto-vectorized.
 */
public final class VecMath {
    /** Whether the SIMD kernels are used: the {@code jdk.incubator.vector} module is loaded and not disabled. */
    public static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("nlpipe.noSimd");

    private VecMath() {
    }

    /** {@code a[ao..ao+n) · b[bo..bo+n)}. */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        if (SIMD) {
            return SimdMath.dot(a, ao, b, bo, n);
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y[yo..yo+n) += g * x[xo..xo+n)}. */
    public static void axpy(float g, float[] x, int xo, float[] y, int yo, int n) {
        if (SIMD) {
            SimdMath.axpy(g, x, xo, y, yo, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            y[yo + i] += g * x[xo + i];
        }
    }

    /**
     * The output-layer step of one (input, target) pair, fused into one pass: accumulates the
     * input's error {@code err += g * out} and moves the target row {@code out += g * in}.
     */
    public static void update(float g, float[] in, int io, float[] out, int oo, float[] err, int n) {
        if (SIMD) {
            SimdMath.update(g, in, io, out, oo, err, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            float o = out[oo + i];
            err[i] += g * o;
            out[oo + i] = o + g * in[io + i];
        }
    }

    /** The Euclidean norm of {@code a[ao..ao+n)}. */
    public static double norm(float[] a, int ao, int n) {
        return Math.sqrt(dot(a, ao, a, ao, n));
    }
}
