package dev.nlpipe.ner.lattice;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.ner.crf.ScoredPath;
import dev.nlpipe.ner.data.SequenceWindows;
import dev.nlpipe.ner.data.Units;
import dev.nlpipe.nn.LengthBatches;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a Lattice LSTM over documents: each sentence's characters with the lexicon words they
 * contain, batched by length, through the network and Viterbi decoding, and back to entity spans
 * with character offsets into each document's text, each scored with its marginal probability
 * under the CRF. Holds its own weights; not thread-safe (use one per thread).
 */
public final class LatticePredictor implements AutoCloseable {
    /** The stage name used in missing-layer messages. */
    static final String STAGE = "ner";
    private final LatticeModel model;
    private final LatticeNetwork network;
    private final Units units;

    LatticePredictor(LatticeModel model, LatticeNetwork network) {
        this.model = model;
        this.network = network;
        this.units = model.spec().chars().units(STAGE);
    }

    /**
     * The entities of each document, in input order (each sentence of the sentences layer, or the
     * whole text, is one sequence).
     *
     * @param batchSize sequences per forward pass
     */
    public List<List<Entity>> entities(List<Document> docs, int batchSize) {
        // a text without a sentences layer (a book as one document) is read in windows of bounded length
        return units.scoredEntities(docs, seqs -> SequenceWindows.decode(seqs, SequenceWindows.RECURRENT_LIMIT,
                s -> LatticeExample.of(model.featurizer(), model.lexicon(), s, null),
                examples -> LengthBatches.map(network.params(), examples, LatticeExample::length, batchSize,
                        (items, scope) -> network.decodeWithScores(new LatticeBatch(items, scope), model.featurizer().tags::decode))
                        .stream().map(ScoredPath::spans).toList()));
    }

    /**
     * The best tag ids of each example, in input order, from any network (a predictor's copy or the
     * weights being trained; the caller's thread must own them).
     */
    static int[][] predict(LatticeNetwork network, List<LatticeExample> examples, int batchSize) {
        return LengthBatches.map(network.params(), examples, LatticeExample::length, batchSize,
                (items, scope) -> Arrays.asList(network.decode(new LatticeBatch(items, scope)))).toArray(int[][]::new);
    }

    /** Frees the weights. */
    @Override
    public void close() {
        network.params().close();
    }
}
