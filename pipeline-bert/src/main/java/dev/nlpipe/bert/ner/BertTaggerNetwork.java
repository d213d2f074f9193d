package dev.nlpipe.bert.ner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.bert.BertInput;
import dev.nlpipe.bert.FineTunedFiles;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.crf.CrfConstraints;
import dev.nlpipe.ner.crf.LinearChainCrf;
import dev.nlpipe.ner.crf.ScoredPath;
import dev.nlpipe.ner.data.ScoredSpan;
import dev.nlpipe.nn.BiLstm;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.BertEncoder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * BERT for token classification with a CRF: the encoder (weights under {@code bert.}), the hidden
 * state of each unit's first word piece, optionally a BiLSTM over those states ({@code lstm.},
 * BERT-BiLSTM-CRF), dropout, a linear layer ({@code classifier.weight},
 * {@code classifier.bias}, as Hugging Face's {@code BertForTokenClassification}) to a score per tag,
 * and a linear-chain CRF ({@code crf.transitions}, {@code crf.start}, {@code crf.end}) that never
 * takes a transition the tag scheme forbids. Without the CRF each unit takes its best-scoring tag.
 */
final class BertTaggerNetwork {
    static final String WEIGHT = FineTunedFiles.OUTPUT_WEIGHT;
    static final String BIAS = "classifier.bias";
    static final String CRF = "crf";
    static final String LSTM = "lstm";
    /** The most windows one inference pass through the encoder holds ({@link #encode}). */
    static final int ROWS_PER_PASS = 64;
    private final Params params;
    private final BertEncoder encoder;
    private final BiLstm lstm;
    private final LinearChainCrf crf;
    private final float dropout;

    private BertTaggerNetwork(Params params, BertEncoder encoder, BiLstm lstm, LinearChainCrf crf, float dropout) {
        this.params = params;
        this.encoder = encoder;
        this.lstm = lstm;
        this.crf = crf;
        this.dropout = dropout;
    }

    /**
     * A network to fine-tune: the pretrained weights (without a pooler, which tagging does not use),
     * a new output layer initialized as BERT initializes it (normal(0, 0.02), zero bias), a new CRF
     * and, with {@code lstm} above 0, a new BiLSTM with PyTorch's initialization.
     *
     * @param config the encoder's sizes, without a pooler
     * @param lstm units per direction of the BiLSTM (0 = none)
     */
    static BertTaggerNetwork create(Params params, BertConfig config, Map<String, TensorFile.Tensor> pretrained, TagScheme scheme,
                                    List<String> tags, boolean withCrf, int lstm, float dropout, Random rng) {
        pretrained.forEach((name, t) -> {
            if (!name.startsWith("pooler.")) {
                params.put(FineTunedFiles.ENCODER_PREFIX + name, new Shape(t.shape()), t.values());
            }
        });
        params.create(WEIGHT, new Shape(tags.size(), lstm > 0 ? 2L * lstm : config.hidden()), Init.normal(0.02), rng);
        params.create(BIAS, new Shape(tags.size()), Init.zeros(), rng);
        LinearChainCrf crf = withCrf ? new LinearChainCrf(params, CRF, CrfConstraints.of(scheme, tags), rng) : null;
        // created last, so that the weights drawn before it are those of a run without it
        BiLstm bilstm = lstm > 0 ? new BiLstm(params, LSTM, config.hidden(), lstm, 1, rng) : null;
        return new BertTaggerNetwork(params, BertEncoder.bind(params, FineTunedFiles.ENCODER_PREFIX, config), bilstm, crf, dropout);
    }

    /** Binds to weights that exist in {@code params} (loaded or being trained). */
    static BertTaggerNetwork bind(Params params, BertConfig config, TagScheme scheme, List<String> tags, boolean withCrf,
                                  int lstm, float dropout) {
        long scored = params.get(WEIGHT).getShape().get(0);
        if (scored != tags.size()) {
            throw new IllegalArgumentException("the output layer scores " + scored + " tags, the tag list has " + tags.size());
        }
        LinearChainCrf crf = withCrf ? LinearChainCrf.bind(params, CRF, CrfConstraints.of(scheme, tags)) : null;
        BiLstm bilstm = lstm > 0 ? BiLstm.bind(params, LSTM, config.hidden(), lstm, 1) : null;
        return new BertTaggerNetwork(params, BertEncoder.bind(params, FineTunedFiles.ENCODER_PREFIX, config), bilstm, crf, dropout);
    }

    /** Whether a weight belongs to the task's head (BiLSTM, output layer and CRF) rather than to the encoder. */
    static boolean isHead(String weight) {
        return weight.startsWith("classifier.") || weight.startsWith(CRF + ".") || weight.startsWith(LSTM + ".");
    }

    Params params() {
        return params;
    }

    BertEncoder encoder() {
        return encoder;
    }

    /** Tag scores {@code (B, L, tags)} at each sentence's positions. */
    NDArray emissions(TaggerBatch batch, boolean training) {
        NDArray h = encode(batch.input(), training);
        long hidden = h.getShape().get(2);
        NDArray states = Ops.embedding(batch.index(), h.reshape(-1, hidden));
        if (lstm != null) {
            NDArray reverse = BiLstm.reverseIndex(states.getManager(), batch.lengths(), (int) states.getShape().get(1));
            states = lstm.forward(states, reverse, 0f, training);
        }
        return Ops.linear(Ops.dropout(states, dropout, training), params.get(WEIGHT), params.get(BIAS));
    }

    /**
     * The encoder's last hidden states of a batch's windows. At inference they are encoded in passes of
     * at most {@link #ROWS_PER_PASS} windows: batches hold at most the tagger's batch size of windows,
     * except one sentence longer than that many windows (a long text with no sentences layer), whose
     * windows would otherwise all go through the encoder at once; a batch size above 64 is encoded in
     * passes of 64 too.
     */
    private NDArray encode(BertInput in, boolean training) {
        int rows = in.lengths().length;
        if (training || rows <= ROWS_PER_PASS) {
            return encoder.forward(in.ids(), in.types(), in.lengths(), training);
        }
        NDList passes = new NDList();
        for (int from = 0; from < rows; from += ROWS_PER_PASS) {
            int to = Math.min(rows, from + ROWS_PER_PASS);
            NDIndex slice = new NDIndex().addSliceDim(from, to);
            passes.add(encoder.forward(in.ids().get(slice), in.types() == null ? null : in.types().get(slice),
                    Arrays.copyOfRange(in.lengths(), from, to), false));
        }
        return NDArrays.concat(passes, 0);
    }

    /** The batch's mean loss: the CRF's negative log-likelihood per sentence, or the cross-entropy per position without a CRF. */
    NDArray loss(TaggerBatch batch) {
        NDArray scores = emissions(batch, true);
        if (crf != null) {
            return crf.nll(scores, batch.tags(), batch.lengths()).mean();
        }
        int[] lengths = batch.lengths();
        long steps = scores.getShape().get(1);
        float[] mask = new float[lengths.length * (int) steps];
        int positions = 0;
        for (int b = 0; b < lengths.length; b++) {
            java.util.Arrays.fill(mask, b * (int) steps, b * (int) steps + lengths[b], 1f);
            positions += lengths[b];
        }
        NDArray gold = scores.logSoftmax(2).gather(batch.tags().expandDims(2), 2).squeeze(2);
        NDArray m = scores.getManager().create(mask, new Shape(lengths.length, steps));
        return Ops.dividedBy(gold.mul(m).sum().neg(), positions);
    }

    /** The best tag ids of each sentence's positions. */
    int[][] decode(TaggerBatch batch) {
        NDArray scores = emissions(batch, false);
        return crf != null ? crf.decode(scores, batch.lengths()) : bestPerPosition(scores, batch.lengths());
    }

    /**
     * The best tag ids of each sentence's positions and the spans they mark ({@code spansOf}): with
     * a CRF each span scored with its marginal probability, without one unscored.
     */
    List<ScoredPath> decodeWithScores(TaggerBatch batch, Function<int[], List<TagScheme.TokenSpan>> spansOf) {
        NDArray scores = emissions(batch, false);
        if (crf != null) {
            return crf.decodeWithScores(scores, batch.lengths(), spansOf);
        }
        return Arrays.stream(bestPerPosition(scores, batch.lengths()))
                .map(path -> new ScoredPath(path, spansOf.apply(path).stream().map(ScoredSpan::unscored).toList())).toList();
    }

    /** Each position's own best tag, without a CRF. */
    private static int[][] bestPerPosition(NDArray scores, int[] lengths) {
        int steps = (int) scores.getShape().get(1);
        int tags = (int) scores.getShape().get(2);
        float[] s = scores.toType(DataType.FLOAT32, false).toFloatArray();
        int[][] out = new int[lengths.length][];
        for (int b = 0; b < lengths.length; b++) {
            out[b] = new int[lengths[b]];
            for (int t = 0; t < lengths[b]; t++) {
                int base = (b * steps + t) * tags;
                int best = 0;
                for (int k = 1; k < tags; k++) {
                    if (s[base + k] > s[base + best]) {
                        best = k;
                    }
                }
                out[b][t] = best;
            }
        }
        return out;
    }
}
