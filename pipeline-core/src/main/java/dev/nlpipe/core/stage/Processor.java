package dev.nlpipe.core.stage;

import dev.nlpipe.core.doc.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * A configured stage that applies something already fitted to documents. Instances are shared by
 * all runner threads, so implementations must be thread-safe after construction (or document
 * otherwise and guard themselves).
 */
public interface Processor extends AutoCloseable {

    /**
     * Applies the stage to one document and returns the documents that continue down the pipeline:
     * usually the same one (annotated in place), none to drop it, several to add variants.
     */
    List<Document> process(Document doc);

    /**
     * Applies the stage to a batch. Models that gain from batching override this; the default
     * processes documents one at a time. The result keeps input order. An override that throws must
     * leave every document of the batch as it was (compute first, then assign): the runner then
     * runs the documents one by one through {@link #process} to find the one that fails.
     */
    default List<Document> processBatch(List<Document> docs) {
        List<Document> out = new ArrayList<>(docs.size());
        for (Document d : docs) {
            out.addAll(process(d));
        }
        return out;
    }

    /** Releases resources (native memory, files). */
    @Override
    default void close() {
    }
}
