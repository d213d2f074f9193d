package dev.nlpipe.core.io;

import dev.nlpipe.core.doc.Document;
import java.io.IOException;
import java.io.Writer;

/**
 * Turns documents into the text of one output format. A {@link #stateless()} writer formats
 * documents on the runner's worker threads, in parallel; a stateful one (which numbers rows, say)
 * is called on one thread in output order.
 */
public interface DocumentWriter {

    /** Appends one document's output, including its line terminator. */
    void write(Document doc, StringBuilder out);

    /** Whether {@link #write} may run concurrently and out of order. */
    default boolean stateless() {
        return true;
    }

    /** Writes anything that precedes the documents of one output file. */
    default void start(Writer out) throws IOException {
    }

    /** Writes anything that follows the documents of one output file. */
    default void finish(Writer out) throws IOException {
    }

    /**
     * Releases what a writer holds for an output file that will not be finished (a failed run drops
     * it): a stateful writer's scratch files, for instance.
     */
    default void abort() {
    }
}
