package dev.nlpipe.bert.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.bert.BertInput;
import dev.nlpipe.bert.FineTunedFiles;
import dev.nlpipe.bert.Pooling;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.BertEncoder;
import java.util.Map;
import java.util.Random;

/**
 * BERT for sequence classification, as Hugging Face's {@code BertForSequenceClassification}: the
 * encoder (weights under {@code bert.}), one vector per text ({@link Pooling}), dropout, and a
 * linear layer ({@code classifier.weight}, {@code classifier.bias}) to a logit per label.
 */
final class BertClassifierNetwork {
    static final String WEIGHT = FineTunedFiles.OUTPUT_WEIGHT;
    static final String BIAS = "classifier.bias";
    private final Params params;
    private final BertEncoder encoder;
    private final Pooling pooling;
    private final float dropout;

    private BertClassifierNetwork(Params params, BertEncoder encoder, Pooling pooling, float dropout) {
        this.params = params;
        this.encoder = encoder;
        this.pooling = pooling;
        this.dropout = dropout;
    }

    /**
     * A network to fine-tune: the pretrained weights, and a new output layer initialized as BERT
     * initializes it (normal(0, 0.02), zero bias).
     */
    static BertClassifierNetwork create(Params params, BertConfig config, Map<String, TensorFile.Tensor> pretrained, Pooling pooling,
                                        float dropout, int labels, Random rng) {
        pretrained.forEach((name, t) -> params.put(FineTunedFiles.ENCODER_PREFIX + name, new Shape(t.shape()), t.values()));
        params.create(WEIGHT, new Shape(labels, config.hidden()), Init.normal(0.02), rng);
        params.create(BIAS, new Shape(labels), Init.zeros(), rng);
        return bind(params, config, pooling, dropout);
    }

    /** Binds to weights that exist in {@code params} (loaded or being trained). */
    static BertClassifierNetwork bind(Params params, BertConfig config, Pooling pooling, float dropout) {
        return new BertClassifierNetwork(params, BertEncoder.bind(params, FineTunedFiles.ENCODER_PREFIX, config), pooling, dropout);
    }

    Params params() {
        return params;
    }

    BertEncoder encoder() {
        return encoder;
    }

    /** The logits {@code (B, labels)}. */
    NDArray logits(BertInput in, boolean training) {
        NDArray pooled = Ops.dropout(pooling.encode(encoder, in, training), dropout, training);
        return Ops.linear(pooled, params.get(WEIGHT), params.get(BIAS));
    }
}
