package dev.nlpipe.core.io;

import dev.nlpipe.core.doc.Document;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where a run's documents go, in output order, from one thread. */
public interface DocumentSink {

    /**
     * The formatter workers may apply to documents before handing them over, or {@code null} when
     * the sink takes documents as they are.
     */
    DocumentWriter formatter();

    /** Takes one document; {@code formatted} is its UTF-8 output when {@link #formatter()} ran in a worker. */
    void accept(Document doc, byte[] formatted) throws IOException;

    /** Publishes everything accepted. */
    void commit() throws IOException;

    /** Drops anything not yet published. */
    void abort();

    /** The files published, for the summary. */
    default List<Path> written() {
        return List.of();
    }
}
