package dev.nlpipe.ner.bilstm;

import ai.djl.ndarray.NDManager;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.nn.BatchPlan;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a tagger over documents: their unit sequences, batched by length, through the network and
 * Viterbi decoding, and back to entity spans with character offsets into each document's text.
 * Holds its own weights; not thread-safe (use one per thread).
 */
public final class NerPredictor implements AutoCloseable {
    /** The stage name used in missing-layer messages. */
    static final String STAGE = "ner";
    private final NerModel model;
    private final BiLstmCrfNetwork network;

    NerPredictor(NerModel model, BiLstmCrfNetwork network) {
        this.model = model;
        this.network = network;
    }

    /**
     * Finds the entities of each document and sets them as its entities layer (or adds them to the
     * layer it has when {@code append}).
     *
     * @param docs the documents (character models tag raw text; token models need tokens)
     * @param batchSize sequences per forward pass
     * @param append keep the document's existing entities
     */
    public void tag(List<Document> docs, int batchSize, boolean append) {
        List<UnitSequence> seqs = new ArrayList<>();
        for (Document d : docs) {
            seqs.addAll(UnitSequence.of(d, model.spec().tokenUnits(), model.spec().segDim() > 0, STAGE));
        }
        List<Example> examples = new ArrayList<>(seqs.size());
        for (UnitSequence s : seqs) {
            examples.add(model.featurizer().encode(s, null));
        }
        int[][] paths = predict(network, examples, batchSize);
        Map<Document, List<Entity>> found = new IdentityHashMap<>();
        for (Document d : docs) {
            found.put(d, new ArrayList<>());
        }
        for (int i = 0; i < seqs.size(); i++) {
            UnitSequence s = seqs.get(i);
            for (TagScheme.TokenSpan span : TagScheme.decode(tagNames(paths[i]))) {
                found.get(s.doc()).add(Entity.of(s.doc().text(), span.type(), s.starts()[span.start()], s.ends()[span.end() - 1]));
            }
        }
        for (Document d : docs) {
            if (append && d.entities() != null) {
                d.addEntities(found.get(d));
            } else {
                d.setEntities(found.get(d));
            }
        }
    }

    private List<String> tagNames(int[] path) {
        List<String> out = new ArrayList<>(path.length);
        for (int id : path) {
            out.add(model.featurizer().tags.get(id));
        }
        return out;
    }

    /**
     * The best tag ids of each example, in input order, from any network (a predictor's copy or the
     * weights being trained; the caller's thread must own them).
     */
    static int[][] predict(BiLstmCrfNetwork network, List<Example> examples, int batchSize) {
        NeuralEngine.noGrad();
        int[] lengths = examples.stream().mapToInt(Example::length).toArray();
        int[][] out = new int[examples.size()][];
        for (int[] b : BatchPlan.sorted(lengths, batchSize)) {
            try (NDManager scope = network.params().manager().newSubManager()) {
                network.params().attachTo(scope);
                List<Example> items = Arrays.stream(b).mapToObj(examples::get).toList();
                int[][] paths = network.decode(new Batch(items, scope));
                for (int i = 0; i < b.length; i++) {
                    out[b[i]] = paths[i];
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
