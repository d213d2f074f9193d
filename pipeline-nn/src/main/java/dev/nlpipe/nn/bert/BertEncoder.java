package dev.nlpipe.nn.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.nn.AttentionMask;
import dev.nlpipe.nn.EncoderLayer;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.LayerNorm;
import dev.nlpipe.nn.LearnedPositions;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A BERT encoder with Hugging Face's semantics and weight names ({@code BertModel}): word +
 * position + token-type embeddings, LayerNorm and dropout; post-LN encoder layers with exact GELU
 * and the extended attention mask; optionally the pooler (dense + tanh on the first token). Under
 * a {@code prefix} ({@code ""} for an imported encoder, {@code "bert."} inside a task model) the
 * weights are {@code embeddings.word_embeddings.weight}, {@code encoder.layer.N.*},
 * {@code pooler.dense.*}..., so a checkpoint's tensors bind unchanged.
 */
public final class BertEncoder {
    private final Params params;
    private final String prefix;
    private final BertConfig config;
    private final LearnedPositions positions;
    private final LayerNorm embeddingNorm;
    private final List<EncoderLayer> layers;

    /**
     * Creates the weights with BERT's initialization (normal(0, 0.02), zero biases, unit LayerNorm gains).
     *
     * @param prefix weight-name prefix, {@code ""} or ending in a dot
     */
    public BertEncoder(Params params, String prefix, BertConfig config, Random rng) {
        this.params = params;
        this.prefix = prefix;
        this.config = config;
        Init init = Init.normal(0.02);
        params.create(prefix + "embeddings.word_embeddings.weight", new Shape(config.vocabSize(), config.hidden()), init, rng);
        this.positions = new LearnedPositions(params, prefix + "embeddings.position_embeddings", config.maxPositions(), config.hidden(),
                rng);
        params.create(prefix + "embeddings.token_type_embeddings.weight", new Shape(config.typeVocabSize(), config.hidden()), init, rng);
        this.embeddingNorm = new LayerNorm(params, prefix + "embeddings.LayerNorm", config.hidden(), config.layerNormEps());
        this.layers = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            layers.add(new EncoderLayer(params, prefix + "encoder.layer." + l, config.layer(), rng));
        }
        if (config.pooler()) {
            params.create(prefix + "pooler.dense.weight", new Shape(config.hidden(), config.hidden()), init, rng);
            params.create(prefix + "pooler.dense.bias", new Shape(config.hidden()), Init.zeros(), rng);
        }
    }

    /** Binds to weights that already exist in {@code params} (loaded, copied or imported). */
    public static BertEncoder bind(Params params, String prefix, BertConfig config) {
        return new BertEncoder(params, prefix, config);
    }

    private BertEncoder(Params params, String prefix, BertConfig config) {
        this.params = params;
        this.prefix = prefix;
        this.config = config;
        expect(prefix + "embeddings.word_embeddings.weight", new Shape(config.vocabSize(), config.hidden()));
        this.positions = LearnedPositions.bind(params, prefix + "embeddings.position_embeddings", config.maxPositions(),
                config.hidden());
        expect(prefix + "embeddings.token_type_embeddings.weight", new Shape(config.typeVocabSize(), config.hidden()));
        this.embeddingNorm = LayerNorm.bind(params, prefix + "embeddings.LayerNorm", config.hidden(), config.layerNormEps());
        this.layers = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            layers.add(EncoderLayer.bind(params, prefix + "encoder.layer." + l, config.layer()));
        }
        if (config.pooler()) {
            expect(prefix + "pooler.dense.weight", new Shape(config.hidden(), config.hidden()));
            expect(prefix + "pooler.dense.bias", new Shape(config.hidden()));
        }
    }

    private void expect(String name, Shape shape) {
        Shape s = params.get(name).getShape();
        if (!s.equals(shape)) {
            throw new IllegalArgumentException("weight '" + name + "' has shape " + s + ", expected " + shape);
        }
    }

    public BertConfig config() {
        return config;
    }

    /** The name of the word-embedding table (an MLM head ties its output to it; adversarial training perturbs it). */
    public String wordEmbeddingsName() {
        return prefix + "embeddings.word_embeddings.weight";
    }

    /**
     * The input embeddings: word + position + token type, LayerNorm, dropout.
     *
     * @param ids {@code (B, T)} int64 word-piece ids
     * @param types {@code (B, T)} int64 token types, or {@code null} for all 0
     */
    public NDArray embed(NDArray ids, NDArray types, boolean training) {
        long steps = ids.getShape().get(1);
        NDArray words = params.embed(wordEmbeddingsName(), ids, training);
        NDArray pos = positions.forward(ids.getManager(), Math.toIntExact(steps), training);
        NDArray typeIds = types != null ? types : ids.zerosLike();
        NDArray x = words.add(pos).add(params.embed(prefix + "embeddings.token_type_embeddings.weight", typeIds, training));
        return Ops.dropout(embeddingNorm.forward(x), config.hiddenDropout(), training);
    }

    /**
     * The last hidden states {@code (B, T, hidden)}; rows at padded positions are meaningless.
     *
     * @param ids {@code (B, T)} int64 word-piece ids, padded after each sequence's end
     * @param types {@code (B, T)} int64 token types, or {@code null} for all 0
     * @param lengths each sequence's length (positions past it are masked out)
     */
    public NDArray forward(NDArray ids, NDArray types, int[] lengths, boolean training) {
        return encode(embed(ids, types, training), lengths, training);
    }

    /** Runs the encoder layers over given input embeddings (e.g. perturbed ones in adversarial training). */
    public NDArray encode(NDArray embeddings, int[] lengths, boolean training) {
        NDArray mask = mask(embeddings, lengths);
        NDArray h = embeddings;
        for (EncoderLayer layer : layers) {
            h = layer.forward(h, mask, null, training);
        }
        return h;
    }

    /**
     * The last hidden state of each sequence's first token ([CLS]), {@code (B, hidden)}: row 0 of
     * {@link #forward}, with the last layer run for that token alone (a quarter less work for a
     * 4-layer encoder), for classifiers and sentence vectors that read nothing else.
     */
    public NDArray firstToken(NDArray ids, NDArray types, int[] lengths, boolean training) {
        NDArray h = embed(ids, types, training);
        if (layers.isEmpty()) {
            return h.get(new NDIndex(":, 0, :"));
        }
        NDArray mask = mask(h, lengths);
        for (EncoderLayer layer : layers.subList(0, layers.size() - 1)) {
            h = layer.forward(h, mask, null, training);
        }
        return layers.get(layers.size() - 1).forwardFirst(h, mask, training).squeeze(1);
    }

    /** The additive attention mask of a batch, or {@code null} when no sequence is padded. */
    private static NDArray mask(NDArray embeddings, int[] lengths) {
        int steps = Math.toIntExact(embeddings.getShape().get(1));
        return padded(lengths, steps)
                ? AttentionMask.fromLengths(embeddings.getManager(), lengths, steps, embeddings.getDataType()) : null;
    }

    private static boolean padded(int[] lengths, int steps) {
        for (int len : lengths) {
            if (len < steps) {
                return true;
            }
        }
        return false;
    }

    /** The pooler's output: {@code tanh(dense(h[:, 0]))}, {@code (B, hidden)}. */
    public NDArray pool(NDArray hidden) {
        return poolFirst(hidden.get(new NDIndex(":, 0, :")));
    }

    /** The pooler's output from the first tokens' states {@code (B, hidden)} ({@link #firstToken}). */
    public NDArray poolFirst(NDArray first) {
        if (!config.pooler()) {
            throw new IllegalStateException("this encoder has no pooler (its checkpoint had none)");
        }
        return Ops.linear(first, params.get(prefix + "pooler.dense.weight"), params.get(prefix + "pooler.dense.bias")).tanh();
    }
}
