package dev.nlpipe.ner;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.nn.CopyPool;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A neural tagger as a thread-safe {@link Tagger}: each thread runs its own predictor (its own copy
 * of the weights), made on demand and kept for reuse.
 *
 * @param <P> the predictor, one per thread
 */
public final class PooledTagger<P extends AutoCloseable> implements Tagger {
    private final Set<String> types;
    private final Set<Layer> requires;
    private final CopyPool<P> predictors;
    private final BiFunction<P, List<Document>, List<List<Entity>>> tag;

    /**
     * @param types the entity types the model predicts
     * @param requires the layers documents must carry
     * @param predictor makes one predictor
     * @param tag the entities of each document, by one predictor
     */
    public PooledTagger(Set<String> types, Set<Layer> requires, Supplier<P> predictor, BiFunction<P, List<Document>, List<List<Entity>>> tag) {
        this.types = types;
        this.requires = requires;
        this.predictors = new CopyPool<>(predictor);
        this.tag = tag;
    }

    @Override
    public Set<String> types() {
        return types;
    }

    @Override
    public Set<Layer> requires() {
        return requires;
    }

    @Override
    public List<List<Entity>> tag(List<Document> docs) {
        return predictors.apply(p -> tag.apply(p, docs));
    }

    @Override
    public void close() {
        predictors.close();
    }
}
