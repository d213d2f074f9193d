package dev.nlpipe.core.doc;

import java.util.Locale;

/**
 * The typed annotation layers a document can carry. Stages declare which layers they require and
 * which they provide, so a pipeline can be checked before any document is read.
 */
public enum Layer {
    TOKENS,
    /** Part-of-speech tags on tokens. */
    POS,
    SENTENCES,
    ENTITIES,
    LABELS,
    VECTORS;

    /** The name used in configuration, messages and JSON ({@code "tokens"}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
