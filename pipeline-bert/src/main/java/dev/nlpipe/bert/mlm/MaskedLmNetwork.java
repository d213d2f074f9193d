package dev.nlpipe.bert.mlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.bert.FineTunedFiles;
import dev.nlpipe.nn.Gelu;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.LayerNorm;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.BertEncoder;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * BERT for masked-LM pre-training, as Hugging Face's {@code BertForMaskedLM}: the encoder (weights
 * under {@code bert.}) and {@code BertOnlyMLMHead} — a dense layer ({@code cls.predictions.transform.dense}),
 * exact GELU, LayerNorm ({@code cls.predictions.transform.LayerNorm}), and the decoder, whose weight is
 * the word-embedding table (tied, as in BERT) plus a bias per piece ({@code cls.predictions.bias}).
 * The head runs only at the masked positions, so the vocabulary-wide product costs
 * {@code masked × hidden × vocabulary}, not {@code B × T × hidden × vocabulary}.
 */
final class MaskedLmNetwork {
    static final String DENSE = "cls.predictions.transform.dense";
    static final String NORM = "cls.predictions.transform.LayerNorm";
    static final String BIAS = "cls.predictions.bias";

    private final Params params;
    private final BertEncoder encoder;
    private final LayerNorm norm;

    private MaskedLmNetwork(Params params, BertEncoder encoder, LayerNorm norm) {
        this.params = params;
        this.encoder = encoder;
        this.norm = norm;
    }

    /**
     * A network to train: a pretrained encoder's weights (or a new encoder drawn with BERT's
     * initialization when {@code encoderWeights} is {@code null}), and the MLM head — the given one
     * (a directory written by this task or imported from a {@code BertForMaskedLM} checkpoint) or a new
     * one, initialized as Hugging Face does (dense normal(0, 0.02), LayerNorm 1 and 0) except for its
     * bias, which starts at {@code newBias} (the log frequencies of the pieces) when given, else at 0.
     * The pooler, which masked-LM training does not use, is frozen.
     *
     * @param head weights under {@value PretrainedEncoder#HEAD_PREFIX}..., possibly empty
     * @param newBias the bias of a new head, or {@code null} for zeros
     * @throws IllegalArgumentException when the head's weights do not fit the encoder
     */
    static MaskedLmNetwork create(Params params, BertConfig config, Map<String, TensorFile.Tensor> encoderWeights,
                                  Map<String, TensorFile.Tensor> head, float[] newBias, Random rng) {
        String prefix = FineTunedFiles.ENCODER_PREFIX;
        if (encoderWeights == null) {
            new BertEncoder(params, prefix, config, rng);
        } else {
            encoderWeights.forEach((name, t) -> params.put(prefix + name, new Shape(t.shape()), t.values()));
        }
        int h = config.hidden();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put(DENSE + ".weight", new Shape(h, h));
        shapes.put(DENSE + ".bias", new Shape(h));
        shapes.put(NORM + ".weight", new Shape(h));
        shapes.put(NORM + ".bias", new Shape(h));
        shapes.put(BIAS, new Shape(config.vocabSize()));
        boolean given = hasHead(head);
        for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            String name = e.getKey();
            if (given) {
                TensorFile.Tensor t = head.get(name);
                if (!new Shape(t.shape()).equals(e.getValue())) {
                    throw new IllegalArgumentException("the MLM head's '" + name + "' has shape " + new Shape(t.shape()) + ", expected "
                            + e.getValue());
                }
                params.put(name, e.getValue(), t.values());
            } else if (name.equals(BIAS) && newBias != null) {
                params.put(name, e.getValue(), newBias);
            } else {
                Init init = name.equals(DENSE + ".weight") ? Init.normal(0.02) : name.equals(NORM + ".weight") ? Init.constant(1f) : Init.zeros();
                params.create(name, e.getValue(), init, rng);
            }
        }
        for (String name : params.names()) {
            if (name.startsWith(prefix + "pooler.")) {
                params.freeze(name);
            }
        }
        return new MaskedLmNetwork(params, BertEncoder.bind(params, prefix, config), LayerNorm.bind(params, NORM, h, config.layerNormEps()));
    }

    Params params() {
        return params;
    }

    BertEncoder encoder() {
        return encoder;
    }

    /**
     * The logits {@code (M, vocabulary)} at the masked positions of a batch.
     *
     * @param ids {@code (B, T)} int64 input ids (masked), padded with 0
     * @param lengths each sequence's length
     * @param positions {@code (M)} int64 flat positions {@code b · T + t} of the masked pieces
     */
    NDArray logits(NDArray ids, int[] lengths, NDArray positions, boolean training) {
        NDArray hidden = encoder.forward(ids, null, lengths, training);
        long[] s = hidden.getShape().getShape();
        NDArray rows = Ops.embedding(positions, hidden.reshape(s[0] * s[1], s[2]));
        NDArray t = norm.forward(Gelu.apply(Ops.linear(rows, params.get(DENSE + ".weight"), params.get(DENSE + ".bias"))));
        return Ops.linear(t, params.get(encoder.wordEmbeddingsName()), params.get(BIAS));
    }

    /** Whether a head's weights are all there (else {@link #create} makes a new head). */
    static boolean hasHead(Map<String, TensorFile.Tensor> head) {
        return head.keySet().containsAll(List.of(DENSE + ".weight", DENSE + ".bias", NORM + ".weight", NORM + ".bias", BIAS));
    }

    /**
     * The bias a new head starts from: the log of each piece's share among the maskable pieces of
     * the training sequences, add-one smoothed. The head then predicts the unigram distribution
     * before it has learnt anything, instead of a uniform one: the loss starts near the corpus's
     * unigram entropy, and the bias, which AdamW moves by about the learning rate per step, need not
     * travel to log frequencies of -3 to -14 on its own.
     */
    static float[] logFrequencies(List<MlmSequence> sequences, int vocabSize) {
        long[] counts = new long[vocabSize];
        long total = 0;
        for (MlmSequence s : sequences) {
            for (int i = 0; i < s.length(); i++) {
                if (s.words()[i] >= 0) {
                    counts[s.ids()[i]]++;
                    total++;
                }
            }
        }
        float[] bias = new float[vocabSize];
        for (int v = 0; v < vocabSize; v++) {
            bias[v] = (float) Math.log((counts[v] + 1.0) / (total + vocabSize));
        }
        return bias;
    }

    /** The weights as an {@code encoder.bert} directory stores them: the encoder without its {@code bert.} prefix, then the head. */
    Map<String, TensorFile.Tensor> encoderDirectoryWeights() {
        Map<String, TensorFile.Tensor> out = new LinkedHashMap<>();
        String prefix = FineTunedFiles.ENCODER_PREFIX;
        Map<String, TensorFile.Tensor> all = params.snapshot();
        all.forEach((name, t) -> {
            if (name.startsWith(prefix)) {
                out.put(name.substring(prefix.length()), t);
            }
        });
        all.forEach((name, t) -> {
            if (!name.startsWith(prefix)) {
                out.put(name, t);
            }
        });
        return out;
    }

    /** The batch's input arrays, in {@code scope}: ids {@code (B, T)}, and the flat masked positions with their labels. */
    static Batch batch(List<Masking.Masked> masked, NDManager scope) {
        int steps = 0;
        int count = 0;
        for (Masking.Masked m : masked) {
            steps = Math.max(steps, m.length());
            count += m.positions().length;
        }
        long[] ids = new long[masked.size() * steps];
        long[] positions = new long[count];
        long[] labels = new long[count];
        int[] lengths = new int[masked.size()];
        int k = 0;
        for (int b = 0; b < masked.size(); b++) {
            Masking.Masked m = masked.get(b);
            lengths[b] = m.length();
            for (int t = 0; t < m.length(); t++) {
                ids[b * steps + t] = m.inputs()[t];
            }
            for (int j = 0; j < m.positions().length; j++) {
                positions[k] = (long) b * steps + m.positions()[j];
                labels[k++] = m.labels()[j];
            }
        }
        return new Batch(scope.create(ids, new Shape(masked.size(), steps)), lengths, scope.create(positions), scope.create(labels));
    }

    /** A batch's arrays: masked ids, lengths, flat positions of the masked pieces and their original ids. */
    record Batch(NDArray ids, int[] lengths, NDArray positions, NDArray labels) {
    }

    /** Mean cross-entropy of logits {@code (M, V)} against labels {@code (M)}. */
    static NDArray loss(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).gather(labels.reshape(-1, 1), 1).neg().mean();
    }
}
