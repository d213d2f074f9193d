package dev.nlpipe.bert.embed;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.bert.BertInput;
import dev.nlpipe.bert.CutTexts;
import dev.nlpipe.bert.Pooling;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.nn.Inference;
import dev.nlpipe.nn.LengthBatches;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.bert.BertEncoder;
import dev.nlpipe.nn.bert.BertEncoding;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sentence vectors from a BERT encoder ({@code encoder.bert} directory): each text is tokenized
 * (cut to {@code maxLength} pieces), encoded, and pooled into one vector — the hidden state of
 * [CLS] (as bge and most sentence encoders are trained to be used) or the mean over the pieces —
 * scaled to unit length by default, so the dot product of two vectors is their cosine.
 *
 * <pre>{@code
 * try (SentenceEncoder enc = SentenceEncoder.load(Path.of("models/bge-small-zh"), Pooling.CLS, true, 512,
 *         new LoadOptions("cpu", 32, 1))) {
 *     float[][] v = enc.embed(List.of("酒店很干净", "房间非常整洁"));
 *     float cosine = SentenceEncoder.dot(v[0], v[1]);
 * }
 * }</pre>
 *
 * <p>Thread-safe: one copy of the weights serves every thread; each call works in a scope of its own
 * and never moves the weights, and PyTorch runs the operators of several threads on shared, read-only
 * arrays. Texts of a call are encoded in batches of similar lengths, each padded to its longest; a
 * text's vector does not depend on the batch it is in (beyond float rounding).
 */
public final class SentenceEncoder implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SentenceEncoder.class);
    private final BertTokenizer tokenizer;
    private final BertEncoder encoder;
    private final Params params;
    private final Pooling pooling;
    private final boolean normalize;
    private final Device device;
    private final int batchSize;
    private final CutTexts cut;

    private SentenceEncoder(BertTokenizer tokenizer, BertEncoder encoder, Params params, Pooling pooling, boolean normalize,
                            Device device, int batchSize, CutTexts cut) {
        this.cut = cut;
        this.tokenizer = tokenizer;
        this.encoder = encoder;
        this.params = params;
        this.pooling = pooling;
        this.normalize = normalize;
        this.device = device;
        this.batchSize = batchSize;
    }

    /**
     * Loads an encoder directory.
     *
     * @param pooling {@link Pooling#CLS}, {@link Pooling#MEAN}, or {@link Pooling#POOLER} for an encoder that has one
     * @param normalize whether vectors are scaled to unit length
     * @param maxLength the most pieces per text, [CLS] and [SEP] included (0: the encoder's longest input)
     * @param options device, batch size and threads per operation
     * @throws ModelException when the directory is not an encoder, or says what is wrong with it
     */
    public static SentenceEncoder load(Path dir, Pooling pooling, boolean normalize, int maxLength, LoadOptions options) {
        PretrainedEncoder e = PretrainedEncoder.open(dir, options);
        if (pooling == Pooling.POOLER && !e.config().pooler()) {
            throw new ModelException(dir, "has no pooler (its checkpoint had none); use pooling cls or mean");
        }
        BertTokenizer own;
        try {
            own = e.tokenizer();
        } catch (IOException | IllegalArgumentException ex) {
            throw new ModelException(dir, "its tokenizer cannot be read: " + ex.getMessage());
        }
        int max = maxLength == 0 ? e.config().maxPositions() : maxLength;
        if (max < 3 || max > e.config().maxPositions()) {
            throw new ModelException(dir, "takes 3 to " + e.config().maxPositions() + " pieces per text, not maxLength " + maxLength);
        }
        BertTokenizer tokenizer = own.withMaxLength(max);
        Device device = Inference.prepare(dir, options, LOG);
        Params params = new Params(device, false);
        try {
            e.weights().forEach((name, t) -> params.put(name, new Shape(t.shape()), t.values()));
            return new SentenceEncoder(tokenizer, BertEncoder.bind(params, "", e.config()), params, pooling, normalize, device,
                    options.batchSize(), new CutTexts(dir, max, max == e.config().maxPositions()
                    ? "the encoder reads no more (its position count); give it shorter documents (one record per paragraph or"
                    + " sentence in the input: format text reads one document per line)"
                    : "raise the stage's maxLength up to the encoder's " + e.config().maxPositions() + " positions, or split long texts"));
        } catch (RuntimeException ex) {
            params.close();
            throw ModelException.cannotLoad(dir, ex);
        }
    }

    /** What a text cut at the encoder's limit is told (for tests). */
    CutTexts cutTexts() {
        return cut;
    }

    /** The vectors' size (the encoder's hidden size). */
    public int dimension() {
        return encoder.config().hidden();
    }

    /** The vector of each text, in order. */
    public float[][] embed(List<String> texts) {
        int dim = dimension();
        List<BertEncoding> encodings = tokenizer.encodeBatch(texts);
        cut.check(encodings);
        return LengthBatches.map(encodings, BertEncoding::length, batchSize,
                () -> NeuralEngine.get().newBaseManager(device), (batch, scope) -> {
                    float[] flat = pooling.encode(encoder, BertInput.of(batch, scope), false).toFloatArray();
                    List<float[]> vectors = new ArrayList<>(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        float[] v = Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
                        vectors.add(normalize ? unit(v) : v);
                    }
                    return vectors;
                }).toArray(float[][]::new);
    }

    /** The vector of one text. */
    public float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    /** The dot product of two vectors: their cosine when both have unit length. */
    public static float dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return (float) s;
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }

    /** Frees the weights. */
    @Override
    public void close() {
        params.close();
    }
}
