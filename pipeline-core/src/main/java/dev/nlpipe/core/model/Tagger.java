package dev.nlpipe.core.model;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import java.util.List;
import java.util.Set;

/**
 * A named-entity tagger as the {@code ner} stage and {@code nlpipe eval ner} use it, whatever its
 * architecture: documents in, entity spans (character offsets into each text, with a score where
 * the model gives one) out. Thread-safe; closing frees its native memory.
 */
public interface Tagger extends AutoCloseable {

    /** The entity types it predicts, sorted. */
    Set<String> types();

    /** The layers a document must have (tokens for a token-level model or word-position features). */
    Set<Layer> requires();

    /**
     * The entities of each document, in input order. Documents are not changed. Character
     * models tag each sentence of the sentences layer, or the whole text without one.
     *
     * @throws dev.nlpipe.core.doc.MissingLayerException when a document lacks a layer of {@link #requires}
     */
    List<List<Entity>> tag(List<Document> docs);

    @Override
    void close();
}
