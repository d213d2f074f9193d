package dev.nlpipe.ner.bilstm;

import ai.djl.ndarray.NDManager;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.ner.crf.ScoredPath;
import dev.nlpipe.ner.data.UnitSequence;
import dev.nlpipe.ner.data.Units;
import dev.nlpipe.nn.BatchPlan;
import dev.nlpipe.nn.NeuralEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs a BiLSTM-CRF over documents: their unit sequences, batched by length, through the network
 * and Viterbi decoding, and back to entity spans with character offsets into each document's
 * text, each scored with its marginal probability under the CRF. Holds its own weights; not
 * thread-safe (use one per thread).
 */
public final class BiLstmCrfPredictor implements AutoCloseable {
    /** The stage name used in missing-layer messages. */
    static final String STAGE = "ner";
    private final BiLstmCrfModel model;
    private final BiLstmCrfNetwork network;
    private final Units units;

    BiLstmCrfPredictor(BiLstmCrfModel model, BiLstmCrfNetwork network) {
        this.model = model;
        this.network = network;
        this.units = model.spec().units(STAGE);
    }

    /**
     * The entities of each document, in input order (character models tag each sentence of the
     * sentences layer, or the whole text; token models need tokens).
     *
     * @param batchSize sequences per forward pass
     */
    public List<List<Entity>> entities(List<Document> docs, int batchSize) {
        return units.scoredEntities(docs, seqs -> {
            List<Example> examples = new ArrayList<>(seqs.size());
            for (UnitSequence s : seqs) {
                examples.add(model.featurizer().encode(s, null));
            }
            List<ScoredPath> decoded = inBatches(network, examples, batchSize,
                    (net, batch) -> net.decodeWithScores(batch, model.featurizer().tags::decode));
            return decoded.stream().map(ScoredPath::spans).toList();
        });
    }

    /**
     * The best tag ids of each example, in input order, from any network (a predictor's copy or the
     * weights being trained; the caller's thread must own them).
     */
    static int[][] predict(BiLstmCrfNetwork network, List<Example> examples, int batchSize) {
        return inBatches(network, examples, batchSize, (net, batch) -> Arrays.asList(net.decode(batch)))
                .toArray(new int[0][]);
    }

    /** One result per example, in input order: examples batched by length, each batch in its own scope. */
    private static <T> List<T> inBatches(BiLstmCrfNetwork network, List<Example> examples, int batchSize,
                                         BiFunction<BiLstmCrfNetwork, Batch, List<T>> run) {
        NeuralEngine.noGrad();
        int[] lengths = examples.stream().mapToInt(Example::length).toArray();
        List<T> out = new ArrayList<>(Collections.nCopies(examples.size(), null));
        for (int[] b : BatchPlan.sorted(lengths, batchSize)) {
            try (NDManager scope = network.params().manager().newSubManager()) {
                network.params().attachTo(scope);
                List<Example> items = Arrays.stream(b).mapToObj(examples::get).toList();
                List<T> results = run.apply(network, new Batch(items, scope));
                for (int i = 0; i < b.length; i++) {
                    out.set(b[i], results.get(i));
                }
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
