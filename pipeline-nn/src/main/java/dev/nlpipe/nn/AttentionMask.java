package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Additive attention masks, Hugging Face's "extended attention mask": {@code (B, 1, 1, T)} holding 0
 * where a key is a real token and the type's most negative finite value where it is padding. Added
 * to the scaled scores, it gives padded keys an attention weight of exactly 0 after the softmax,
 * for every head and every query. A finite minimum rather than {@code -inf} keeps a row whose keys
 * are all padding (an empty sequence) finite: it then attends uniformly instead of yielding NaN.
 */
public final class AttentionMask {
    private AttentionMask() {
    }

    /** A float32 mask for sequences of these lengths padded to {@code steps}. */
    public static NDArray fromLengths(NDManager manager, int[] lengths, int steps) {
        return fromLengths(manager, lengths, steps, DataType.FLOAT32);
    }

    /**
     * A mask for sequences of these lengths padded to {@code steps}, of {@code type} (the type of
     * the scores it is added to: float32, or float64 in gradient checks).
     */
    public static NDArray fromLengths(NDManager manager, int[] lengths, int steps, DataType type) {
        double[] v = new double[lengths.length * steps];
        double min = lowest(type);
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < 0 || lengths[b] > steps) {
                throw new IllegalArgumentException("sequence " + b + " has length " + lengths[b] + ", outside 0.." + steps);
            }
            for (int t = lengths[b]; t < steps; t++) {
                v[b * steps + t] = min;
            }
        }
        return manager.create(v, new Shape(lengths.length, 1, 1, steps)).toType(type, false);
    }

    /**
     * The extended mask of a {@code (B, T)} 0/1 padding mask (1 for real tokens, any numeric type),
     * HF's {@code (1 - mask)[:, None, None, :] * finfo(type).min}, in the manager of {@code mask}.
     */
    public static NDArray fromPadding(NDArray mask, DataType type) {
        if (mask.getShape().dimension() != 2) {
            throw new IllegalArgumentException("a padding mask is (batch, steps), not " + mask.getShape());
        }
        Shape s = mask.getShape();
        NDArray pad = mask.toType(type, false).neg().add(1);
        return Ops.times(pad, lowest(type)).reshape(s.get(0), 1, 1, s.get(1));
    }

    private static double lowest(DataType type) {
        return switch (type) {
            case FLOAT32 -> -Float.MAX_VALUE;
            case FLOAT64 -> -Double.MAX_VALUE;
            case FLOAT16 -> -65504.0;
            default -> throw new IllegalArgumentException("attention masks are floating point, not " + type);
        };
    }
}
