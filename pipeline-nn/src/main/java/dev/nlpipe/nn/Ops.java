package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.BinaryOperator;

/**
 * Network building blocks as plain functions on NDArrays. Each puts its result in the manager of
 * its first (data) argument, so results land in the caller's per-batch scope, never in the
 * weights' manager.
 */
public final class Ops {
    /** How far below every real value a masked position is pushed (far from float's limit, so no infinity arises). */
    private static final float MASKED = 1e30f;

    private Ops() {
    }

    /**
     * {@code x × factor}, safe under autograd. Use it instead of DJL's {@code NDArray.mul(Number)}:
     * on the PyTorch engine that wraps the number in a tensor over Java memory, closes it when the
     * call returns, and the garbage collector may then free the memory while the backward pass
     * still reads it as the saved operand of the product, giving gradients of 1e20 or NaN long after
     * the forward pass was right. Here the number is a tensor libtorch owns, kept alive by autograd
     * as long as it needs it. The factor is converted to {@code x}'s type, as PyTorch converts a
     * Python number.
     */
    public static NDArray times(NDArray x, double factor) {
        return withScalar(x, factor, NDArray::mul);
    }

    /** {@code x / divisor}, safe under autograd (see {@link #times}). */
    public static NDArray dividedBy(NDArray x, double divisor) {
        return withScalar(x, divisor, NDArray::div);
    }

    /** Multiplies {@code x} by {@code factor} in place (see {@link #times}); returns {@code x}. */
    public static NDArray timesInPlace(NDArray x, double factor) {
        return withScalar(x, factor, NDArray::muli);
    }

    /** Divides {@code x} by {@code divisor} in place (see {@link #times}); returns {@code x}. */
    public static NDArray dividedByInPlace(NDArray x, double divisor) {
        return withScalar(x, divisor, NDArray::divi);
    }

    /**
     * {@code op(x, value)} with {@code value} as a 0-d tensor of {@code x}'s type, manager and device
     * in memory libtorch owns: closing it here only drops Java's handle.
     */
    private static NDArray withScalar(NDArray x, double value, BinaryOperator<NDArray> op) {
        try (NDArray s = JniUtils.full((PtNDManager) x.getManager(), new Shape(), value, x.getDataType(), x.getDevice(),
                SparseFormat.DENSE)) {
            return op.apply(x, s);
        }
    }

    /** Rows of {@code table} for integer {@code ids}: shape {@code ids.shape + (dim)}. */
    public static NDArray embedding(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /** {@code x · wᵀ + b} over the last axis; {@code w} is {@code (out, in)}, {@code b} may be {@code null}. */
    public static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
    }

    /** Inverted dropout when training; the identity otherwise. */
    public static NDArray dropout(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0) {
            return x;
        }
        return x.getNDArrayInternal().dropout(x, rate, true).singletonOrThrow();
    }

    /** {@code log(sum(exp(x)))} along {@code axis} (removed), computed stably. */
    public static NDArray logSumExp(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true);
        return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
    }

    /**
     * A 1-D convolution over the middle axis followed by max-pooling over it, for rows of different
     * lengths padded to one width: {@code x} is {@code (N, W, C)}, {@code w} is {@code (F, C, K)},
     * {@code b} is {@code (F)}, {@code mask} {@code (N, W)} is 1 at real positions and 0 at padding;
     * the result is {@code (N, F)}. The convolution pads every window, so rows shorter than the kernel
     * still get features; the batch's padding reads as zeros, as that padding does, and no window
     * centred on it takes part in the max, so a row's features are what it would get alone, whatever
     * the batch's width. A row with no real position gets zeros.
     */
    public static NDArray convMaxPool(NDArray x, NDArray w, NDArray b, NDArray mask) {
        long k = w.getShape().get(2);
        NDArray ncw = x.mul(mask.expandDims(2)).transpose(0, 2, 1);
        NDArray conv = ncw.getNDArrayInternal().convolution(ncw, w, b, new Shape(1), new Shape(k / 2), new Shape(1), 1)
                .singletonOrThrow();
        // a padded window's output sinks far below any real one before the max
        NDArray max = conv.add(times(mask.expandDims(1).sub(1f), MASKED)).max(new int[] {2});
        return max.mul(mask.max(new int[] {1}, true));
    }

    /** A {@code (rows, cols)} int64 array from Java values, in {@code manager}. */
    public static NDArray longs(NDManager manager, long[] values, int rows, int cols) {
        return manager.create(values, new Shape(rows, cols));
    }
}
