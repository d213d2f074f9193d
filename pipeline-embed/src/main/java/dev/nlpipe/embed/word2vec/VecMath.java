package dev.nlpipe.embed.word2vec;

/**
 * The vector kernels word2vec spends its time in, on slices of flat float arrays. With the
 * {@code jdk.incubator.vector} module loaded ({@code --add-modules jdk.incubator.vector}) they run
 * on explicit SIMD ({@link SimdMath}), about twice as fast; otherwise on plain loops, where the dot
 * product keeps four independent partial sums so the JIT can overlap the multiply-adds (a single
 * running sum is a serial dependency chain it may not reorder) and the update loops are
 * auto-vectorized. {@code -Dnlpipe.noSimd=true} forces the plain loops.
 */
public final class VecMath {
    /** Whether the SIMD kernels are used: the {@code jdk.incubator.vector} module is loaded and not disabled. */
    public static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("nlpipe.noSimd");

    private VecMath() {
    }

    /** {@code a[ao..ao+n) · b[bo..bo+n)}. */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        return SIMD ? SimdMath.dot(a, ao, b, bo, n) : scalarDot(a, ao, b, bo, n);
    }

    static float scalarDot(float[] a, int ao, float[] b, int bo, int n) {
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
        } else {
            scalarAxpy(g, x, xo, y, yo, n);
        }
    }

    static void scalarAxpy(float g, float[] x, int xo, float[] y, int yo, int n) {
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
        } else {
            scalarUpdate(g, in, io, out, oo, err, n);
        }
    }

    static void scalarUpdate(float g, float[] in, int io, float[] out, int oo, float[] err, int n) {
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
