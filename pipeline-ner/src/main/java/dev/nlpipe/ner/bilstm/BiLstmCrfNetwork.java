package dev.nlpipe.ner.bilstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.nn.BiLstm;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.crf.CrfConstraints;
import dev.nlpipe.ner.crf.LinearChainCrf;
import dev.nlpipe.ner.crf.ScoredPath;
import dev.nlpipe.ner.data.UnitSequence;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The BiLSTM-CRF network: unit embeddings (plus bigram, word-position, word-shape embeddings and a
 * character CNN, as configured), dropout, a stacked BiLSTM, dropout, a linear layer to tag scores
 * and a CRF over the scheme's allowed transitions. Weights live in a {@link Params}; the same class
 * binds to created, loaded or copied weights.
 */
final class BiLstmCrfNetwork {
    private final BiLstmCrfSpec spec;
    private final Params params;
    private final BiLstm lstm;
    private final LinearChainCrf crf;

    private BiLstmCrfNetwork(BiLstmCrfSpec spec, Params params, BiLstm lstm, LinearChainCrf crf) {
        this.spec = spec;
        this.params = params;
        this.lstm = lstm;
        this.crf = crf;
    }

    private static int inputSize(BiLstmCrfSpec spec) {
        int in = spec.unitDim() + spec.bigramDim() + spec.segDim();
        if (spec.tokenUnits()) {
            in += spec.caseDim() + spec.charFilters();
        }
        return in;
    }

    /**
     * Creates fresh weights.
     *
     * @param tables the initial unit and bigram embeddings (pretrained rows filled in; {@code null} tables for random ones)
     */
    static BiLstmCrfNetwork create(BiLstmCrfSpec spec, Featurizer f, Params params, PretrainedTable tables, Random rng) {
        params.createTable("emb.unit", new Shape(f.units.size(), spec.unitDim()), tables.unitTable(), tables.trainedUnits(), rng);
        if (spec.bigramDim() > 0) {
            params.createTable("emb.bigram", new Shape(f.bigrams.size(), spec.bigramDim()), tables.bigramTable(), tables.trainedBigrams(),
                    rng);
        }
        if (spec.segDim() > 0) {
            params.create("emb.word", new Shape(UnitSequence.S + 1, spec.segDim()), Init.embedding(), rng);
        }
        if (spec.tokenUnits() && spec.caseDim() > 0) {
            params.create("emb.shape", new Shape(WordShape.COUNT, spec.caseDim()), Init.embedding(), rng);
        }
        if (spec.tokenUnits() && spec.charFilters() > 0) {
            params.create("emb.char", new Shape(f.chars.size(), spec.charDim()), Init.embedding(), rng);
            params.create("char.cnn.w", new Shape(spec.charFilters(), spec.charDim(), spec.charKernel()), Init.xavierUniform(), rng);
            params.create("char.cnn.b", new Shape(spec.charFilters()), Init.zeros(), rng);
        }
        BiLstm lstm = new BiLstm(params, "lstm", inputSize(spec), spec.hidden(), spec.layers(), rng);
        int k = f.tags.size();
        params.create("out.w", new Shape(k, 2L * spec.hidden()), Init.uniform(1 / Math.sqrt(2.0 * spec.hidden())), rng);
        params.create("out.b", new Shape(k), Init.zeros(), rng);
        LinearChainCrf crf = new LinearChainCrf(params, "crf", constraints(spec, f), rng);
        return new BiLstmCrfNetwork(spec, params, lstm, crf);
    }

    /** Binds to existing weights (loaded or copied). */
    static BiLstmCrfNetwork bind(BiLstmCrfSpec spec, Featurizer f, Params params) {
        BiLstm lstm = BiLstm.bind(params, "lstm", inputSize(spec), spec.hidden(), spec.layers());
        return new BiLstmCrfNetwork(spec, params, lstm, LinearChainCrf.bind(params, "crf", constraints(spec, f)));
    }

    private static CrfConstraints constraints(BiLstmCrfSpec spec, Featurizer f) {
        TagScheme scheme = spec.scheme();
        return CrfConstraints.of(scheme, f.tags.tags());
    }

    Params params() {
        return params;
    }

    /** Tag scores {@code (B, T, K)}. */
    NDArray emissions(Batch batch, boolean training) {
        float dropout = (float) spec.dropout();
        NDList parts = new NDList(params.embed("emb.unit", batch.units, training));
        if (batch.bigrams != null) {
            parts.add(params.embed("emb.bigram", batch.bigrams, training));
        }
        if (batch.words != null) {
            parts.add(params.embed("emb.word", batch.words, training));
        }
        if (batch.shapes != null) {
            parts.add(params.embed("emb.shape", batch.shapes, training));
        }
        if (batch.chars != null) {
            NDArray c = params.embed("emb.char", batch.chars, training);
            NDArray features = Ops.convMaxPool(c, params.get("char.cnn.w"), params.get("char.cnn.b"), batch.charMask);
            parts.add(features.reshape(batch.size(), batch.steps, spec.charFilters()));
        }
        NDArray x = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 2);
        x = Ops.dropout(x, dropout, training);
        NDArray h = lstm.forward(x, batch.reverse, dropout, training);
        h = Ops.dropout(h, dropout, training);
        return Ops.linear(h, params.get("out.w"), params.get("out.b"));
    }

    /** The mean negative log-likelihood of the batch's gold tags. */
    NDArray loss(Batch batch) {
        return crf.nll(emissions(batch, true), batch.tags, batch.lengths).mean();
    }

    /** The best tag ids per sequence. */
    int[][] decode(Batch batch) {
        return crf.decode(emissions(batch, false), batch.lengths);
    }

    /** The best tag ids per sequence and the spans they mark ({@code spansOf}), each with its marginal probability. */
    List<ScoredPath> decodeWithScores(Batch batch, Function<int[], List<TagScheme.TokenSpan>> spansOf) {
        return crf.decodeWithScores(emissions(batch, false), batch.lengths, spansOf);
    }
}
