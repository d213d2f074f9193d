package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Layer normalization over the last axis (Ba et al.): {@code (x - mean) / sqrt(var + eps) · weight + bias},
 * with the biased variance, as {@code torch.nn.LayerNorm}. Runs PyTorch's fused kernel, so values and
 * gradients are PyTorch's. Weights are named as Hugging Face names them: {@code prefix.weight} (the
 * gain, starting at 1) and {@code prefix.bias} (starting at 0).
 */
public final class LayerNorm {
    /** BERT's epsilon. */
    public static final double BERT_EPS = 1e-12;
    private final Params params;
    private final String prefix;
    private final int dim;
    private final float eps;

    /**
     * Creates the weights: gain 1, bias 0.
     *
     * @param params where the weights go
     * @param prefix weight-name prefix (e.g. {@code layer.0.output.LayerNorm})
     * @param dim the size of the normalized last axis
     * @param eps added to the variance (BERT: {@link #BERT_EPS}; PyTorch's default is 1e-5)
     */
    public LayerNorm(Params params, String prefix, int dim, double eps) {
        this(params, prefix, dim, eps, true);
    }

    /** Binds to weights that already exist in {@code params} (a loaded or copied network). */
    public static LayerNorm bind(Params params, String prefix, int dim, double eps) {
        return new LayerNorm(params, prefix, dim, eps, false);
    }

    private LayerNorm(Params params, String prefix, int dim, double eps, boolean create) {
        this.params = params;
        this.prefix = prefix;
        this.dim = dim;
        this.eps = (float) eps;
        if (create) {
            // constants need no generator
            params.create(prefix + ".weight", new Shape(dim), Init.constant(1f), null);
            params.create(prefix + ".bias", new Shape(dim), Init.zeros(), null);
        }
        check(params.get(prefix + ".weight"), dim);
        check(params.get(prefix + ".bias"), dim);
    }

    private void check(NDArray w, int dim) {
        if (!w.getShape().equals(new Shape(dim))) {
            throw new IllegalArgumentException("weight '" + w.getName() + "' has shape " + w.getShape() + ", expected (" + dim + ")");
        }
    }

    /** The size of the normalized axis. */
    public int dim() {
        return dim;
    }

    /** Normalizes {@code x} ({@code (..., dim)}) over its last axis; the result has its shape. */
    public NDArray forward(NDArray x) {
        return apply(x, params.get(prefix + ".weight"), params.get(prefix + ".bias"), eps);
    }

    /**
     * Layer normalization with given weights, in the manager of {@code x}. DJL passes epsilon as a
     * float (1e-12 becomes 9.9999999600e-13), which changes nothing beside variances of any real size.
     */
    public static NDArray apply(NDArray x, NDArray weight, NDArray bias, float eps) {
        return x.getNDArrayInternal().layerNorm(x, weight.getShape(), weight, bias, eps).singletonOrThrow();
    }
}
