package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al.) as BERT computes it, with its output
 * projection:
 * <pre>
 * q, k, v = split_heads(x·W_qᵀ + b_q), ...        (B, H, T, d), d = hidden / H
 * scores  = (q·kᵀ + term(q, k)) / √d + mask        (B, H, T, T)
 * out     = merge_heads(dropout(softmax(scores))·v)·W_oᵀ + b_o
 * </pre>
 * The mask is additive ({@link AttentionMask}); the optional {@link ScoreTerm} is the hook for
 * relative positions. The residual connection, hidden dropout and LayerNorm that follow in BERT
 * belong to {@link EncoderLayer}.
 *
 * <p>Weights carry Hugging Face BERT's names under {@code prefix} (BERT's {@code attention}):
 * {@code prefix.self.query.weight}/{@code .bias}, {@code self.key.*}, {@code self.value.*} and
 * {@code prefix.output.dense.*}, matrices stored {@code (out, in)} as {@link Ops#linear} and
 * {@code torch.nn.Linear} keep them.
 *
 * <p>A {@link Form} other than {@link Form#BERT} leaves out the key or output projection or the
 * scaling, as FLAT's reference code does; the weights it leaves out are neither created nor read.
 */
public final class SelfAttention {
    private final Params params;
    private final String prefix;
    private final int hidden;
    private final int heads;
    private final float dropout;
    private final Form form;

    /**
     * Which of BERT's steps the attention takes.
     *
     * @param projectKeys keys are {@code x·W_kᵀ + b_k}; without it, {@code x} itself
     * @param projectOutput the heads' merged output goes through {@code W_o}
     * @param scaled scores are divided by {@code √d}
     */
    public record Form(boolean projectKeys, boolean projectOutput, boolean scaled) {
        /** All three, as BERT and the Transformer have them. */
        public static final Form BERT = new Form(true, true, true);

        List<String> projections() {
            List<String> out = new ArrayList<>(List.of("self.query"));
            if (projectKeys) {
                out.add("self.key");
            }
            out.add("self.value");
            if (projectOutput) {
                out.add("output.dense");
            }
            return out;
        }
    }

    /**
     * Creates the weights with BERT's initialization: matrices normal(0, 0.02), biases 0.
     *
     * @param params where the weights go
     * @param prefix weight-name prefix (e.g. {@code encoder.layer.0.attention})
     * @param hidden model width; a multiple of {@code heads}
     * @param heads attention heads
     * @param dropout dropout on the attention probabilities while training (BERT: 0.1)
     * @param rng the seeded initialization generator
     */
    public SelfAttention(Params params, String prefix, int hidden, int heads, float dropout, Random rng) {
        this(params, prefix, hidden, heads, dropout, Init.normal(0.02), rng);
    }

    /** Creates the weights with another initialization of the matrices (biases start at 0). */
    public SelfAttention(Params params, String prefix, int hidden, int heads, float dropout, Init init, Random rng) {
        this(params, prefix, hidden, heads, dropout, Form.BERT, init, rng);
    }

    /** Creates the weights of an attention of another {@link Form}. */
    public SelfAttention(Params params, String prefix, int hidden, int heads, float dropout, Form form, Init init, Random rng) {
        this(params, prefix, hidden, heads, dropout, form);
        for (String p : form.projections()) {
            params.create(prefix + "." + p + ".weight", new Shape(hidden, hidden), init, rng);
            params.create(prefix + "." + p + ".bias", new Shape(hidden), Init.zeros(), rng);
        }
    }

    /** Binds to weights that already exist in {@code params} (a loaded or copied network). */
    public static SelfAttention bind(Params params, String prefix, int hidden, int heads, float dropout) {
        return bind(params, prefix, hidden, heads, dropout, Form.BERT);
    }

    /** Binds an attention of another {@link Form} to weights that already exist in {@code params}. */
    public static SelfAttention bind(Params params, String prefix, int hidden, int heads, float dropout, Form form) {
        SelfAttention a = new SelfAttention(params, prefix, hidden, heads, dropout, form);
        for (String p : form.projections()) {
            Shape s = params.get(prefix + "." + p + ".weight").getShape();
            if (!s.equals(new Shape(hidden, hidden))) {
                throw new IllegalArgumentException("weight '" + prefix + "." + p + ".weight' has shape " + s + ", expected ("
                        + hidden + ", " + hidden + ")");
            }
            params.get(prefix + "." + p + ".bias");
        }
        return a;
    }

    private SelfAttention(Params params, String prefix, int hidden, int heads, float dropout, Form form) {
        if (heads < 1 || hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + heads + " heads");
        }
        this.params = params;
        this.prefix = prefix;
        this.hidden = hidden;
        this.heads = heads;
        this.dropout = dropout;
        this.form = form;
    }

    /** The model width. */
    public int hidden() {
        return hidden;
    }

    /** The number of heads. */
    public int heads() {
        return heads;
    }

    /** Features per head, {@code hidden / heads}. */
    public int headSize() {
        return hidden / heads;
    }

    /**
     * Runs the attention.
     *
     * @param x {@code (B, T, hidden)}
     * @param mask an additive mask broadcastable to {@code (B, H, T, T)}, usually
     *     {@link AttentionMask} {@code (B, 1, 1, T)}; {@code null} when nothing is padded
     * @param term an additive score term (relative positions), or {@code null}
     * @param training whether attention dropout is active
     * @return {@code (B, T, hidden)}; rows at padded positions are computed (they attend to the real
     *     keys) but meaningless
     */
    public NDArray forward(NDArray x, NDArray mask, ScoreTerm term, boolean training) {
        return forward(x, x, mask, term, training);
    }

    /**
     * Runs the attention for some positions only: {@code queries} attend to all of {@code x}.
     * Row {@code i} of the result is what {@link #forward(NDArray, NDArray, ScoreTerm, boolean)}
     * gives at the position {@code queries} row {@code i} was taken from.
     *
     * @param queries {@code (B, Q, hidden)} the rows of {@code x} whose output is wanted
     * @param x {@code (B, T, hidden)} the keys and values
     * @param mask an additive mask broadcastable to {@code (B, H, Q, T)} ({@link AttentionMask}'s
     *     {@code (B, 1, 1, T)} is), or {@code null}
     * @param term an additive score term giving {@code (B, H, Q, T)}, or {@code null}
     * @param training whether attention dropout is active
     * @return {@code (B, Q, hidden)}
     */
    public NDArray forward(NDArray queries, NDArray x, NDArray mask, ScoreTerm term, boolean training) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long tq = queries.getShape().get(1);
        NDArray q = heads(project(queries, "self.query"), b, tq);
        NDArray k = heads(form.projectKeys() ? project(x, "self.key") : x, b, t);
        NDArray v = heads(project(x, "self.value"), b, t);
        // The (B, H, Q, T) scores are the largest arrays here (134 MB for 64 sequences of 256 pieces),
        // and each new one comes as fresh pages from the kernel: they are adjusted in place, which
        // autograd allows, as the product's backward needs q and k, not the product.
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
        if (term != null) {
            scores.addi(term.apply(q, k));
        }
        if (form.scaled()) {
            // a division, not a multiplication by 1/√d, to round as BERT does
            Ops.dividedByInPlace(scores, Math.sqrt(headSize()));
        }
        if (mask != null) {
            scores.addi(mask);
        }
        NDArray probs = Ops.dropout(scores.softmax(-1), dropout, training);
        NDArray context = probs.matMul(v).transpose(0, 2, 1, 3).reshape(b, tq, hidden);
        return form.projectOutput() ? project(context, "output.dense") : context;
    }

    private NDArray project(NDArray x, String name) {
        return Ops.linear(x, params.get(prefix + "." + name + ".weight"), params.get(prefix + "." + name + ".bias"));
    }

    /** {@code (B, T, hidden)} to {@code (B, H, T, d)}. */
    private NDArray heads(NDArray x, long b, long t) {
        return x.reshape(b, t, heads, headSize()).transpose(0, 2, 1, 3);
    }
}
