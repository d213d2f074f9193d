package dev.nlpipe.augment.backtranslate;

import java.io.IOException;
import java.util.List;

/**
 * A translation model behind {@code augment.backtranslate}. Implementations translate every line on
 * its own (so the result of a line does not depend on the others in the batch) and are
 * thread-safe.
 */
public interface Translator extends AutoCloseable {

    /**
     * The translations of {@code lines}, one per line, in order.
     *
     * @param from the language of the lines (ISO 639-1, e.g. {@code en})
     * @param to the language to translate into
     */
    List<String> translate(List<String> lines, String from, String to) throws IOException;

    /** Releases the model. */
    @Override
    default void close() {
    }
}
