package dev.nlpipe.bert.classify;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.bert.BertInput;
import dev.nlpipe.bert.CutTexts;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.TextClassifier;
import dev.nlpipe.nn.LengthBatches;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.bert.BertEncoding;
import dev.nlpipe.nn.bert.BertTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A fine-tuned BERT classifier as a {@link TextClassifier}: raw text in (the tokenizer cuts it to
 * the model's maximum length), a probability per label out. Documents are scored in batches of
 * similar lengths, each padded to its longest. One copy of the weights serves every thread: each
 * call works in its own scope and never moves the weights, and PyTorch runs the operators of
 * several threads on shared, read-only arrays.
 */
final class BertClassifier implements TextClassifier {
    private final List<String> labels;
    private final BertTokenizer tokenizer;
    private final BertClassifierNetwork network;
    private final Device device;
    private final int batchSize;
    private final CutTexts cut;

    BertClassifier(List<String> labels, BertTokenizer tokenizer, BertClassifierNetwork network, Device device, int batchSize,
                   CutTexts cut) {
        this.cut = cut;
        this.labels = List.copyOf(labels);
        this.tokenizer = tokenizer;
        this.network = network;
        this.device = device;
        this.batchSize = batchSize;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Set<Layer> requires() {
        return Set.of();
    }

    @Override
    public double[] scores(Document doc) {
        return score(List.of(doc)).get(0).scores();
    }

    /** The difference of the positive and negative logits. */
    @Override
    public double margin(Document doc) {
        return score(List.of(doc)).get(0).margin();
    }

    @Override
    public List<Scored> score(List<Document> docs) {
        List<BertEncoding> encodings = tokenizer.encodeBatch(docs.stream().map(Document::analysisText).toList());
        cut.check(encodings);
        float[][] logits = logits(network, encodings, batchSize, () -> NeuralEngine.get().newBaseManager(device));
        List<Scored> out = new ArrayList<>(docs.size());
        for (float[] l : logits) {
            out.add(new Scored(softmax(l), l.length == 2 ? (double) l[1] - l[0] : Double.NaN));
        }
        return out;
    }

    /** The predicted class of each encoding, in order. */
    static int[] predict(BertClassifierNetwork network, List<BertEncoding> encodings, int batchSize, Supplier<NDManager> scopes) {
        float[][] logits = logits(network, encodings, batchSize, scopes);
        int[] out = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            for (int k = 1; k < logits[i].length; k++) {
                if (logits[i][k] > logits[i][out[i]]) {
                    out[i] = k;
                }
            }
        }
        return out;
    }

    /** The logits of each encoding, in order: batches of similar lengths, each in a new scope from {@code scopes}. */
    static float[][] logits(BertClassifierNetwork network, List<BertEncoding> encodings, int batchSize, Supplier<NDManager> scopes) {
        return LengthBatches.map(encodings, BertEncoding::length, batchSize, scopes, (batch, scope) -> {
            float[] flat = network.logits(BertInput.of(batch, scope), false).toFloatArray();
            int k = flat.length / batch.size();
            List<float[]> rows = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                rows.add(Arrays.copyOfRange(flat, i * k, (i + 1) * k));
            }
            return rows;
        }).toArray(float[][]::new);
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    @Override
    public void close() {
        network.params().close();
    }
}
