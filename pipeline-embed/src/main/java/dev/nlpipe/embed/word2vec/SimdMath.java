package dev.nlpipe.embed.word2vec;

import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VecMath}'s kernels on the JDK's SIMD vector API (loaded only when the module is present).
 * The dot product sums its lanes in a fixed order of explicit adds rather than with
 * {@code reduceLanes(ADD)}, whose order is unspecified and differs between the interpreter and the
 * compiled code: with it, one thread and a fixed seed would not always give the same vectors.
 */
final class SimdMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Rotations by half, a quarter, ... of the lanes: adding each folds the vector onto lane 0. */
    private static final List<VectorShuffle<Float>> FOLDS = folds();

    private static List<VectorShuffle<Float>> folds() {
        List<VectorShuffle<Float>> out = new ArrayList<>();
        for (int w = S.length() / 2; w >= 1; w /= 2) {
            out.add(VectorShuffle.iota(S, w, 1, true));
        }
        return List.copyOf(out);
    }

    /** The sum of the lanes, always in the same order. */
    static float sumLanes(FloatVector v) {
        for (int k = 0; k < FOLDS.size(); k++) {
            v = v.add(v.rearrange(FOLDS.get(k)));
        }
        return v.lane(0);
    }

    /** Lanes per vector. */
    static int lanes() {
        return S.length();
    }

    private SimdMath() {
    }

    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        for (; i < bound; i += S.length()) {
            acc = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc);
        }
        float s = sumLanes(acc);
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
