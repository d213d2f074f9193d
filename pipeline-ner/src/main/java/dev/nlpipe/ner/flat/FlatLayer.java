package dev.nlpipe.ner.flat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.LayerNorm;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.ScoreTerm;
import dev.nlpipe.nn.SelfAttention;
import java.util.Random;

/**
 * One FLAT layer: self-attention over the lattice with relative positions, Transformer-XL style,
 * then a ReLU feed-forward layer, each followed by a residual connection and LayerNorm (post-LN, as
 * the reference code's "add and norm"). The attention score of spans {@code i} and {@code j} is
 * FLAT's
 * <pre>
 * A_ij = q_i·k_j + (q_i + v)·(W_r R_ij) + u·k_j
 * </pre>
 * with {@code q = W_q x}, {@code k = W_k x} (the paper's {@code W_q E_i}, {@code W_k,E E_j}),
 * learned per-head biases {@code u} and {@code v}, and {@code R} from {@link RelativePositions};
 * {@link SelfAttention} computes {@code q·k} and adds the rest through its {@link ScoreTerm}, then
 * scales by {@code 1/√d} and masks. {@code W_r} has no bias: a bias would add the same amount to
 * all of a query's scores, which the softmax ignores. {@link FlatVariant#REFERENCE} computes the
 * layer as the reference code does: {@code k = x}, no scaling, no output projection and no residual
 * connections.
 *
 * <p>Weights under {@code prefix}: {@code attention.self.*} and {@code attention.output.dense.*}
 * (as BERT's; the reference variant has neither {@code self.key} nor {@code output.dense}),
 * {@code attention.u}, {@code attention.v} {@code (heads, headDim)},
 * {@code attention.rel.weight} {@code (hidden, hidden)}, {@code attention.output.LayerNorm.*},
 * {@code ff.in.*}, {@code ff.out.*}, {@code output.LayerNorm.*}.
 */
final class FlatLayer {
    private static final double EPS = 1e-5;
    private final Params params;
    private final String prefix;
    private final SelfAttention attention;
    private final LayerNorm attentionNorm;
    private final LayerNorm outputNorm;
    private final float ffDropout;
    private final boolean residual;

    private FlatLayer(Params params, String prefix, SelfAttention attention, LayerNorm attentionNorm, LayerNorm outputNorm,
                      FlatSpec spec) {
        this.params = params;
        this.prefix = prefix;
        this.attention = attention;
        this.attentionNorm = attentionNorm;
        this.outputNorm = outputNorm;
        this.ffDropout = (float) spec.ffDropout();
        this.residual = spec.variant().residual();
    }

    /** Creates the weights: matrices and the {@code u}, {@code v} biases Xavier-uniform as in the reference code, biases 0. */
    static FlatLayer create(Params params, String prefix, FlatSpec spec, Random rng) {
        int hidden = spec.hidden();
        Init init = Init.xavierUniform();
        SelfAttention attention = new SelfAttention(params, prefix + ".attention", hidden, spec.heads(),
                (float) spec.attentionDropout(), spec.variant().attention(), init, rng);
        params.create(prefix + ".attention.u", new Shape(spec.heads(), spec.headDim()), init, rng);
        params.create(prefix + ".attention.v", new Shape(spec.heads(), spec.headDim()), init, rng);
        params.create(prefix + ".attention.rel.weight", new Shape(hidden, hidden), init, rng);
        LayerNorm attentionNorm = new LayerNorm(params, prefix + ".attention.output.LayerNorm", hidden, EPS);
        int ff = hidden * spec.feedForward();
        params.create(prefix + ".ff.in.weight", new Shape(ff, hidden), init, rng);
        params.create(prefix + ".ff.in.bias", new Shape(ff), Init.zeros(), rng);
        params.create(prefix + ".ff.out.weight", new Shape(hidden, ff), init, rng);
        params.create(prefix + ".ff.out.bias", new Shape(hidden), Init.zeros(), rng);
        LayerNorm outputNorm = new LayerNorm(params, prefix + ".output.LayerNorm", hidden, EPS);
        return new FlatLayer(params, prefix, attention, attentionNorm, outputNorm, spec);
    }

    /** Binds to existing weights. */
    static FlatLayer bind(Params params, String prefix, FlatSpec spec) {
        int hidden = spec.hidden();
        SelfAttention attention = SelfAttention.bind(params, prefix + ".attention", hidden, spec.heads(), (float) spec.attentionDropout(),
                spec.variant().attention());
        int ff = hidden * spec.feedForward();
        expect(params, prefix + ".attention.u", new Shape(spec.heads(), spec.headDim()));
        expect(params, prefix + ".attention.v", new Shape(spec.heads(), spec.headDim()));
        expect(params, prefix + ".attention.rel.weight", new Shape(hidden, hidden));
        expect(params, prefix + ".ff.in.weight", new Shape(ff, hidden));
        expect(params, prefix + ".ff.out.weight", new Shape(hidden, ff));
        return new FlatLayer(params, prefix, attention, LayerNorm.bind(params, prefix + ".attention.output.LayerNorm", hidden, EPS),
                LayerNorm.bind(params, prefix + ".output.LayerNorm", hidden, EPS), spec);
    }

    private static void expect(Params params, String name, Shape shape) {
        Shape s = params.get(name).getShape();
        if (!s.equals(shape)) {
            throw new IllegalArgumentException("weight '" + name + "' has shape " + s + ", expected " + shape);
        }
    }

    /**
     * Runs the layer.
     *
     * @param x {@code (B, L, hidden)} the lattice
     * @param mask the additive padding mask {@code (B, 1, 1, L)}
     * @param r {@code (B, L, L, hidden)} the fused relative positions
     */
    NDArray forward(NDArray x, NDArray mask, NDArray r, boolean training) {
        NDArray a = attention.forward(x, mask, term(r), training);
        // the reference code's "add" doubles the output, which its LayerNorm then undoes (up to its epsilon)
        a = attentionNorm.forward(residual ? Ops.dropout(a, ffDropout, training).add(x) : a);
        NDArray h = Ops.dropout(Activation.relu(dense(a, ".ff.in")), ffDropout, training);
        h = Ops.dropout(dense(h, ".ff.out"), ffDropout, training);
        return outputNorm.forward(residual ? h.add(a) : h);
    }

    /** FLAT's position terms {@code (q_i + v)·(W_r R_ij) + u·k_j}, {@code (B, H, L, L)}. */
    ScoreTerm term(NDArray r) {
        int heads = attention.heads();
        int d = attention.headSize();
        int hidden = attention.hidden();
        return (q, k) -> {
            long b = q.getShape().get(0);
            long t = q.getShape().get(2);
            NDArray qv = q.add(params.get(prefix + ".attention.v").reshape(1, heads, 1, d));
            // (q + v)_h · (W_r,h R) = (W_r,hᵀ (q + v)_h) · R: R is read once per query instead of projected per pair
            NDArray back = qv.matMul(params.get(prefix + ".attention.rel.weight").reshape(heads, d, hidden));
            NDArray bd = back.transpose(0, 2, 1, 3).reshape(b * t, heads, hidden)
                    .matMul(r.reshape(b * t, t, hidden).transpose(0, 2, 1))
                    .reshape(b, t, heads, t).transpose(0, 2, 1, 3);
            NDArray uk = k.matMul(params.get(prefix + ".attention.u").reshape(heads, d, 1)).transpose(0, 1, 3, 2);
            return bd.add(uk);
        };
    }

    private NDArray dense(NDArray x, String name) {
        return Ops.linear(x, params.get(prefix + name + ".weight"), params.get(prefix + name + ".bias"));
    }
}
