package dev.nlpipe.ner.flat;

import ai.djl.Device;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.nn.CopyPool;
import java.util.List;
import java.util.Set;

/** A FLAT model as a thread-safe {@link Tagger}: each thread runs its own copy of the weights. */
final class FlatTagger implements Tagger {
    private final FlatModel model;
    private final int batchSize;
    private final CopyPool<FlatPredictor> predictors;

    FlatTagger(FlatModel model, Device device, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
        this.predictors = new CopyPool<>(() -> model.predictorOn(device));
    }

    @Override
    public Set<String> types() {
        return model.types();
    }

    @Override
    public Set<Layer> requires() {
        return Set.of();
    }

    @Override
    public List<List<Entity>> tag(List<Document> docs) {
        return predictors.apply(p -> p.entities(docs, batchSize));
    }

    @Override
    public void close() {
        predictors.close();
    }
}
