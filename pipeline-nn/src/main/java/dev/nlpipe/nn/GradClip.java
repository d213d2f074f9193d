package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * Gradient clipping: by global norm (the norm of all trainable gradients taken as one vector) and by
 * value (each element clamped).
 */
public final class GradClip {
    private static final NDIndex ALL = new NDIndex("...");

    private GradClip() {
    }

    /** The global L2 norm of the trainable weights' gradients; call inside the batch scope. */
    public static float globalNorm(Params params) {
        NDList norms = new NDList();
        for (String name : params.trainableNames()) {
            NDArray g = params.gradient(name);
            if (g != null) {
                norms.add(g.norm());
            }
        }
        if (norms.isEmpty()) {
            return 0f;
        }
        return NDArrays.stack(norms).norm().getFloat();
    }

    /**
     * The factor that brings the global norm down to {@code maxNorm} (1 when it is already below, or
     * when {@code maxNorm <= 0} turns clipping off), or NaN when a gradient is not finite, also
     * without clipping, so that such a step is skipped rather than written into the weights. The
     * optimizers apply it to every gradient.
     */
    public static float scale(Params params, double maxNorm) {
        float norm = globalNorm(params);
        if (!Float.isFinite(norm)) {
            return Float.NaN;
        }
        return maxNorm > 0 && norm > maxNorm ? (float) (maxNorm / (norm + 1e-6)) : 1f;
    }

    /**
     * Clamps every element of every trainable gradient to {@code [-maxValue, maxValue]} in place, as
     * PyTorch's {@code clip_grad_value_} (the FLAT reference code clamps at 5); {@code maxValue <= 0}
     * leaves the gradients as they are. A NaN stays NaN, so divergence is still seen. Call inside the
     * batch scope, before {@link #scale}.
     */
    public static void clampValues(Params params, double maxValue) {
        if (maxValue <= 0) {
            return;
        }
        for (String name : params.trainableNames()) {
            NDArray g = params.gradient(name);
            if (g != null) {
                // clip(Number, Number) puts its bounds in tensors over Java memory, the hazard Ops.times avoids; harmless
                // here: no autograd graph reads them later, and they stay open until the batch scope closes
                g.set(ALL, g.clip(-maxValue, maxValue));
            }
        }
    }

    /** The names of the trainable weights whose gradient holds a NaN or an infinity, for the divergence message. */
    public static java.util.List<String> notFinite(Params params) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String name : params.trainableNames()) {
            NDArray g = params.gradient(name);
            if (g != null && (g.isNaN().any().getBoolean() || g.isInfinite().any().getBoolean())) {
                out.add(name);
            }
        }
        return out;
    }

    /** Sets every trainable gradient to zero, whatever it holds (NaN included). */
    public static void clear(Params params) {
        for (String name : params.trainableNames()) {
            NDArray g = params.gradient(name);
            if (g != null) {
                g.set(ALL, 0);
            }
        }
    }

    /** Scales every trainable gradient in place (for callers that do not pass the scale to an optimizer). */
    public static void apply(Params params, float scale) {
        if (scale == 1f) {
            return;
        }
        for (String name : params.trainableNames()) {
            NDArray g = params.gradient(name);
            if (g != null) {
                Ops.timesInPlace(g, scale);
            }
        }
    }
}
