package dev.nlpipe.core.stage;

import dev.nlpipe.core.doc.Document;
import java.util.List;

/** A stage that adds layers to each document in place and never drops or adds documents. */
@FunctionalInterface
public interface Annotator extends Processor {

    /** Adds this stage's layers to {@code doc}. */
    void annotate(Document doc);

    @Override
    default List<Document> process(Document doc) {
        annotate(doc);
        return List.of(doc);
    }
}
