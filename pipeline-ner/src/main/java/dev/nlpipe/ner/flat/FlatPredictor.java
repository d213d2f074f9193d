package dev.nlpipe.ner.flat;

import ai.djl.ndarray.NDManager;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.ner.crf.ScoredPath;
import dev.nlpipe.ner.data.SequenceWindows;
import dev.nlpipe.nn.BatchPlan;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.ShutdownGate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a FLAT tagger over documents: the characters of each sentence (or of the whole text) and
 * the lexicon words found in them as lattices, batched by lattice size, through the network and
 * Viterbi decoding, and back to entity spans with character offsets into each document's text,
 * each scored with its marginal probability under the CRF. A sentence (or text) longer than the
 * model's {@code maxLength} is tagged in windows of at most that many characters
 * ({@link SequenceWindows}), as its attention's memory grows with the square of the lattice.
 * Holds its own weights; not thread-safe (use one per thread).
 */
public final class FlatPredictor implements AutoCloseable {
    /** The stage name used in missing-layer messages. */
    static final String STAGE = "ner";
    /**
     * The most pairs of lattice spans one forward pass holds: the relative positions take
     * {@code hidden} floats per pair (at width 160, 160 MiB here), so a batch of long sentences is
     * split into smaller passes.
     */
    static final int PAIRS_PER_PASS = 1 << 18;
    private final FlatModel model;
    private final FlatNetwork network;

    FlatPredictor(FlatModel model, FlatNetwork network) {
        this.model = model;
        this.network = network;
    }

    /**
     * The entities of each document, in input order.
     *
     * @param batchSize sentences per forward pass
     */
    public List<List<Entity>> entities(List<Document> docs, int batchSize) {
        return FlatSpec.units(STAGE).scoredEntities(docs, seqs -> SequenceWindows.decode(seqs, model.spec().taggingWindow(),
                s -> model.featurizer().encode(s, null),
                lattices -> inPasses(network, lattices, batchSize, b -> network.decodeWithScores(b, model.featurizer().tags::decode),
                        new ScoredPath(new int[0], List.of())).stream().map(ScoredPath::spans).toList()));
    }

    /**
     * The best tag ids of each lattice, in input order, from any network (a predictor's copy or the
     * weights being trained; the caller's thread must own them). An empty sentence gets no tags.
     */
    static int[][] predict(FlatNetwork network, List<Lattice> lattices, int batchSize) {
        return inPasses(network, lattices, batchSize, b -> Arrays.asList(network.decode(b)), new int[0]).toArray(int[][]::new);
    }

    /**
     * One result per lattice, in input order ({@code empty} for an empty sentence): lattices of
     * similar sizes batched, each batch split into passes of at most {@link #PAIRS_PER_PASS} span
     * pairs, each pass in its own scope.
     */
    private static <T> List<T> inPasses(FlatNetwork network, List<Lattice> lattices, int batchSize, Function<FlatBatch, List<T>> run,
                                        T empty) {
        NeuralEngine.noGrad();
        int[] sizes = lattices.stream().mapToInt(Lattice::size).toArray();
        List<T> out = new ArrayList<>(Collections.nCopies(lattices.size(), null));
        for (int[] b : passes(BatchPlan.sorted(sizes, batchSize), sizes)) {
            List<Lattice> items = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int i : b) {
                if (lattices.get(i).length() == 0) {
                    out.set(i, empty);
                } else {
                    items.add(lattices.get(i));
                    at.add(i);
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            try (ShutdownGate.Registration step = ShutdownGate.global().step();
                 NDManager scope = network.params().manager().newSubManager()) {
                network.params().attachTo(scope);
                List<T> results = run.apply(new FlatBatch(items, scope));
                for (int k = 0; k < at.size(); k++) {
                    out.set(at.get(k), results.get(k));
                }
            }
        }
        return out;
    }

    /** The batches, each split into passes of at most {@link #PAIRS_PER_PASS} pairs of spans. */
    private static List<int[]> passes(List<int[]> batches, int[] sizes) {
        List<int[]> out = new ArrayList<>();
        for (int[] b : batches) {
            long largest = 1;
            for (int i : b) {
                largest = Math.max(largest, sizes[i]);
            }
            int per = (int) Math.max(1, PAIRS_PER_PASS / (largest * largest));
            for (int from = 0; from < b.length; from += per) {
                out.add(Arrays.copyOfRange(b, from, Math.min(b.length, from + per)));
            }
        }
        return out;
    }

    /** Frees the weights. */
    @Override
    public void close() {
        network.params().close();
    }
}
