package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * A post-LN Transformer encoder layer as in BERT ({@code BertLayer}):
 * <pre>
 * a   = LayerNorm(x + dropout(SelfAttention(x, mask, term)))
 * out = LayerNorm(a + dropout(GELU(a·W_iᵀ + b_i)·W_oᵀ + b_o))
 * </pre>
 * Weights carry Hugging Face's names under {@code prefix} (e.g. {@code encoder.layer.0}):
 * {@code prefix.attention.self.{query,key,value}.*}, {@code prefix.attention.output.dense.*},
 * {@code prefix.attention.output.LayerNorm.*}, {@code prefix.intermediate.dense.*},
 * {@code prefix.output.dense.*}, {@code prefix.output.LayerNorm.*}, each a {@code weight} and a
 * {@code bias}; a BERT checkpoint's tensors load under these names unchanged.
 */
public final class EncoderLayer {
    private final Params params;
    private final String prefix;
    private final EncoderConfig config;
    private final SelfAttention attention;
    private final LayerNorm attentionNorm;
    private final LayerNorm outputNorm;

    /**
     * Creates the weights with BERT's initialization: matrices normal(0, 0.02), biases 0, LayerNorm
     * gains 1 and biases 0.
     *
     * @param params where the weights go
     * @param prefix weight-name prefix
     * @param config sizes, dropouts and epsilon
     * @param rng the seeded initialization generator
     */
    public EncoderLayer(Params params, String prefix, EncoderConfig config, Random rng) {
        this.params = params;
        this.prefix = prefix;
        this.config = config;
        Init init = Init.normal(0.02);
        this.attention = new SelfAttention(params, prefix + ".attention", config.hidden(), config.heads(),
                config.attentionDropout(), init, rng);
        this.attentionNorm = new LayerNorm(params, prefix + ".attention.output.LayerNorm", config.hidden(), config.layerNormEps());
        params.create(prefix + ".intermediate.dense.weight", new Shape(config.intermediate(), config.hidden()), init, rng);
        params.create(prefix + ".intermediate.dense.bias", new Shape(config.intermediate()), Init.zeros(), rng);
        params.create(prefix + ".output.dense.weight", new Shape(config.hidden(), config.intermediate()), init, rng);
        params.create(prefix + ".output.dense.bias", new Shape(config.hidden()), Init.zeros(), rng);
        this.outputNorm = new LayerNorm(params, prefix + ".output.LayerNorm", config.hidden(), config.layerNormEps());
    }

    /** Binds to weights that already exist in {@code params} (a loaded, copied or imported network). */
    public static EncoderLayer bind(Params params, String prefix, EncoderConfig config) {
        return new EncoderLayer(params, prefix, config);
    }

    private EncoderLayer(Params params, String prefix, EncoderConfig config) {
        this.params = params;
        this.prefix = prefix;
        this.config = config;
        this.attention = SelfAttention.bind(params, prefix + ".attention", config.hidden(), config.heads(),
                config.attentionDropout());
        this.attentionNorm = LayerNorm.bind(params, prefix + ".attention.output.LayerNorm", config.hidden(), config.layerNormEps());
        expect(prefix + ".intermediate.dense.weight", new Shape(config.intermediate(), config.hidden()));
        expect(prefix + ".intermediate.dense.bias", new Shape(config.intermediate()));
        expect(prefix + ".output.dense.weight", new Shape(config.hidden(), config.intermediate()));
        expect(prefix + ".output.dense.bias", new Shape(config.hidden()));
        this.outputNorm = LayerNorm.bind(params, prefix + ".output.LayerNorm", config.hidden(), config.layerNormEps());
    }

    private void expect(String name, Shape shape) {
        Shape s = params.get(name).getShape();
        if (!s.equals(shape)) {
            throw new IllegalArgumentException("weight '" + name + "' has shape " + s + ", expected " + shape);
        }
    }

    /** The layer's sizes. */
    public EncoderConfig config() {
        return config;
    }

    /** The attention block (for its head count and size, e.g. to build a {@link ScoreTerm}). */
    public SelfAttention attention() {
        return attention;
    }

    /**
     * Runs the layer.
     *
     * @param x {@code (B, T, hidden)}
     * @param mask an additive attention mask ({@link AttentionMask}), or {@code null} when nothing is padded
     * @param term an additive attention-score term (relative positions, see {@link ScoreTerm}), or {@code null}
     * @param training whether dropout is active
     * @return {@code (B, T, hidden)}; rows at padded positions are meaningless
     */
    public NDArray forward(NDArray x, NDArray mask, ScoreTerm term, boolean training) {
        return forward(x, x, mask, term, training);
    }

    /**
     * The layer's output at the first position only, {@code (B, 1, hidden)}: what
     * {@link #forward(NDArray, NDArray, ScoreTerm, boolean)} gives there, for a fraction of the work
     * when nothing after this layer reads the other positions (a last layer under [CLS] pooling).
     */
    public NDArray forwardFirst(NDArray x, NDArray mask, boolean training) {
        return forward(x.get(new NDIndex(":, :1, :")), x, mask, null, training);
    }

    /** The layer at the positions {@code rows} (rows of {@code x}), attending to all of {@code x}. */
    private NDArray forward(NDArray rows, NDArray x, NDArray mask, ScoreTerm term, boolean training) {
        NDArray a = Ops.dropout(attention.forward(rows, x, mask, term, training), config.hiddenDropout(), training);
        a = attentionNorm.forward(a.add(rows));
        NDArray h = Gelu.apply(dense(a, ".intermediate.dense"));
        h = Ops.dropout(dense(h, ".output.dense"), config.hiddenDropout(), training);
        return outputNorm.forward(h.add(a));
    }

    private NDArray dense(NDArray x, String name) {
        return Ops.linear(x, params.get(prefix + name + ".weight"), params.get(prefix + name + ".bias"));
    }
}
