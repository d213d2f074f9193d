package dev.nlpipe.embed.word2vec;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link VecMath}'s kernels on the JDK's SIMD vector API (loaded only when the module is present). */
final class SimdMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SimdMath() {
    }

    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        for (; i < bound; i += S.length()) {
            acc = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    static void update(float g, float[] in, int io, float[] out, int oo, float[] err, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector gv = FloatVector.broadcast(S, g);
        for (; i < bound; i += S.length()) {
            FloatVector o = FloatVector.fromArray(S, out, oo + i);
            o.fma(gv, FloatVector.fromArray(S, err, i)).intoArray(err, i);
            FloatVector.fromArray(S, in, io + i).fma(gv, o).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            float o = out[oo + i];
            err[i] += g * o;
            out[oo + i] = o + g * in[io + i];
        }
    }

    static void axpy(float g, float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector gv = FloatVector.broadcast(S, g);
        for (; i < bound; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).fma(gv, FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] += g * x[xo + i];
        }
    }
}
