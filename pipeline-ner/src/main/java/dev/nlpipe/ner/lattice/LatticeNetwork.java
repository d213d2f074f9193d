package dev.nlpipe.ner.lattice;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.bilstm.BiLstmCrfSpec;
import dev.nlpipe.ner.crf.CrfConstraints;
import dev.nlpipe.ner.crf.LinearChainCrf;
import dev.nlpipe.ner.crf.ScoredPath;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The Lattice LSTM-CRF network: character and character-bigram embeddings, dropout, a lattice LSTM
 * in each direction (the backward one over each sentence reversed, words reversed too) fed with
 * the lexicon words' embeddings (dropout too), the two directions concatenated, dropout, a linear
 * layer to tag scores and a CRF. Weights: {@code emb.unit}, {@code emb.bigram}, {@code emb.lexicon}
 * (row 0 unused), {@code lattice.fw.*}, {@code lattice.bw.*}, {@code out.w}, {@code out.b}, {@code crf.*}.
 */
final class LatticeNetwork {
    private final BiLstmCrfSpec spec;
    private final Params params;
    private final LatticeLstm forward;
    private final LatticeLstm backward;
    private final LinearChainCrf crf;

    private LatticeNetwork(BiLstmCrfSpec spec, Params params, LatticeLstm forward, LatticeLstm backward, LinearChainCrf crf) {
        this.spec = spec;
        this.params = params;
        this.forward = forward;
        this.backward = backward;
        this.crf = crf;
    }

    /**
     * Creates fresh weights.
     *
     * @param spec the character part of the architecture
     * @param wordDim the word embedding size
     * @param tables the sizes and initial values of the embedding tables
     * @param tags the tags in id order
     * @param orthogonalInit whether the lattice starts as the reference code's ({@link LatticeSpec#orthogonalInit})
     */
    static LatticeNetwork create(BiLstmCrfSpec spec, int wordDim, Tables tables, List<String> tags, boolean orthogonalInit, Params params,
                                 Random rng) {
        params.createTable("emb.unit", new Shape(tables.units(), spec.charDim()), tables.unitTable(), tables.trainedUnits(), rng);
        if (spec.bigramDim() > 0) {
            params.createTable("emb.bigram", new Shape(tables.bigrams(), spec.bigramDim()), tables.bigramTable(), tables.trainedBigrams(),
                    rng);
        }
        params.createTable("emb.lexicon", new Shape(tables.words(), wordDim), tables.wordTable(), tables.words(), rng);
        int in = spec.charDim() + spec.bigramDim();
        LatticeLstm fw = new LatticeLstm(params, "lattice.fw", in, wordDim, spec.hidden(), orthogonalInit, rng);
        LatticeLstm bw = new LatticeLstm(params, "lattice.bw", in, wordDim, spec.hidden(), orthogonalInit, rng);
        params.create("out.w", new Shape(tags.size(), 2L * spec.hidden()), Init.uniform(1 / Math.sqrt(2.0 * spec.hidden())), rng);
        params.create("out.b", new Shape(tags.size()), Init.zeros(), rng);
        LinearChainCrf crf = new LinearChainCrf(params, "crf", CrfConstraints.of(spec.scheme(), tags), rng);
        return new LatticeNetwork(spec, params, fw, bw, crf);
    }

    /**
     * The rows of the embedding tables and their initial values ({@code null} for seeded random rows).
     *
     * @param units character rows
     * @param bigrams bigram rows
     * @param words lexicon rows, the unused row 0 included
     * @param trainedUnits the character rows that are trained; those after them stay fixed ({@link Params#createTable})
     * @param trainedBigrams the bigram rows that are trained
     */
    record Tables(int units, int bigrams, int words, float[] unitTable, float[] bigramTable, float[] wordTable, int trainedUnits,
                  int trainedBigrams) {
    }

    /** Binds to existing weights (loaded or copied). */
    static LatticeNetwork bind(BiLstmCrfSpec spec, List<String> tags, Params params) {
        return new LatticeNetwork(spec, params, LatticeLstm.bind(params, "lattice.fw", spec.hidden()),
                LatticeLstm.bind(params, "lattice.bw", spec.hidden()), LinearChainCrf.bind(params, "crf", CrfConstraints.of(spec.scheme(), tags)));
    }

    Params params() {
        return params;
    }

    /** The concatenated hidden states of both directions {@code (B, T, 2H)}, before the output dropout. */
    NDArray states(LatticeBatch batch, boolean training) {
        float dropout = (float) spec.dropout();
        NDList parts = new NDList(params.embed("emb.unit", batch.chars.units, training));
        if (batch.chars.bigrams != null) {
            parts.add(params.embed("emb.bigram", batch.chars.bigrams, training));
        }
        NDArray x = Ops.dropout(parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 2), dropout, training);
        NDArray words = batch.wordIds == null ? null : Ops.dropout(params.embed("emb.lexicon", batch.wordIds, training), dropout, training);
        long b = batch.chars.size();
        long t = batch.chars.steps;
        NDArray reverse = batch.chars.reverse.expandDims(2);
        NDArray fw = forward.forward(x, words, batch.forward);
        NDArray reversed = x.gather(reverse.broadcast(new Shape(b, t, x.getShape().get(2))), 1);
        NDArray bw = backward.forward(reversed, words, batch.backward).gather(reverse.broadcast(new Shape(b, t, spec.hidden())), 1);
        return fw.concat(bw, 2);
    }

    /** Tag scores {@code (B, T, K)}. */
    NDArray emissions(LatticeBatch batch, boolean training) {
        NDArray h = Ops.dropout(states(batch, training), (float) spec.dropout(), training);
        return Ops.linear(h, params.get("out.w"), params.get("out.b"));
    }

    /** The mean negative log-likelihood of the batch's gold tags. */
    NDArray loss(LatticeBatch batch) {
        return crf.nll(emissions(batch, true), batch.chars.tags, batch.chars.lengths).mean();
    }

    /** The best tag ids per sequence. */
    int[][] decode(LatticeBatch batch) {
        return crf.decode(emissions(batch, false), batch.chars.lengths);
    }

    /** The best tag ids per sequence and the spans they mark ({@code spansOf}), each with its marginal probability. */
    List<ScoredPath> decodeWithScores(LatticeBatch batch, Function<int[], List<TagScheme.TokenSpan>> spansOf) {
        return crf.decodeWithScores(emissions(batch, false), batch.chars.lengths, spansOf);
    }
}
