package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * A stacked bidirectional LSTM over padded batches that is exact for every sequence length: the
 * backward direction runs over each sequence reversed within its own length, so padding never
 * reaches a real position and a sentence gets the same states alone or in any batch. Each layer
 * runs PyTorch's fused LSTM kernel once per direction.
 */
public final class BiLstm {
    private final Params params;
    private final String prefix;
    private final int inputSize;
    private final int hidden;
    private final int layers;

    /**
     * Creates the weights ({@code prefix.l0.fw.wih}...) with PyTorch's default initialization.
     *
     * @param params where the weights go
     * @param prefix weight-name prefix
     * @param inputSize features per input position
     * @param hidden units per direction
     * @param layers stacked layers
     * @param rng the seeded initialization generator
     */
    public BiLstm(Params params, String prefix, int inputSize, int hidden, int layers, Random rng) {
        this.params = params;
        this.prefix = prefix;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.layers = layers;
        Init init = Init.uniform(1.0 / Math.sqrt(hidden));
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputSize : 2 * hidden;
            for (String dir : new String[] {"fw", "bw"}) {
                String p = name(l, dir);
                params.create(p + "wih", new Shape(4L * hidden, in), init, rng);
                params.create(p + "whh", new Shape(4L * hidden, hidden), init, rng);
                params.create(p + "bih", new Shape(4L * hidden), init, rng);
                params.create(p + "bhh", new Shape(4L * hidden), init, rng);
            }
        }
    }

    /** Binds to weights that already exist in {@code params} (a loaded or copied network). */
    public static BiLstm bind(Params params, String prefix, int inputSize, int hidden, int layers) {
        return new BiLstm(params, prefix, inputSize, hidden, layers);
    }

    private BiLstm(Params params, String prefix, int inputSize, int hidden, int layers) {
        this.params = params;
        this.prefix = prefix;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.layers = layers;
        params.get(name(layers - 1, "bw") + "wih");
    }

    private String name(int layer, String dir) {
        return prefix + ".l" + layer + "." + dir + ".";
    }

    /** Output features per position: {@code 2 * hidden}. */
    public int outputSize() {
        return 2 * hidden;
    }

    /** Input features per position. */
    public int inputSize() {
        return inputSize;
    }

    /**
     * Runs the network.
     *
     * @param x {@code (B, T, inputSize)}, padded after each sequence's end
     * @param reverse per-sequence reversal indices from {@link #reverseIndex}
     * @param dropout dropout between layers (when training)
     * @param training whether dropout is active
     * @return {@code (B, T, 2 * hidden)}; values at padded positions are meaningless
     */
    public NDArray forward(NDArray x, NDArray reverse, float dropout, boolean training) {
        NDManager m = x.getManager();
        long batch = x.getShape().get(0);
        long steps = x.getShape().get(1);
        NDArray zeros = m.zeros(new Shape(1, batch, hidden), x.getDataType());
        NDList state = new NDList(zeros, zeros);
        NDArray revHidden = reverse.expandDims(2).broadcast(new Shape(batch, steps, hidden));
        NDArray h = x;
        for (int l = 0; l < layers; l++) {
            if (l > 0) {
                h = Ops.dropout(h, dropout, training);
            }
            NDArray revInput = reverse.expandDims(2).broadcast(new Shape(batch, steps, h.getShape().get(2)));
            NDArray fw = run(h, state, name(l, "fw"), training);
            NDArray bw = run(h.gather(revInput, 1), state, name(l, "bw"), training).gather(revHidden, 1);
            h = fw.concat(bw, 2);
        }
        return h;
    }

    private NDArray run(NDArray x, NDList state, String p, boolean training) {
        NDList weights = new NDList(params.get(p + "wih"), params.get(p + "whh"), params.get(p + "bih"), params.get(p + "bhh"));
        return x.getNDArrayInternal().lstm(x, state, weights, true, 1, 0, training, false, true).get(0);
    }

    /**
     * The gather indices that reverse each sequence within its length and leave padding in place:
     * {@code (B, T)} int64 in {@code manager}.
     */
    public static NDArray reverseIndex(NDManager manager, int[] lengths, int steps) {
        long[] idx = new long[lengths.length * steps];
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < steps; t++) {
                idx[b * steps + t] = t < lengths[b] ? lengths[b] - 1 - t : t;
            }
        }
        return manager.create(idx, new Shape(lengths.length, steps));
    }
}
