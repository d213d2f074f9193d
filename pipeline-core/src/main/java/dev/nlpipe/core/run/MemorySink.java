package dev.nlpipe.core.run;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.DocumentSink;
import dev.nlpipe.core.io.DocumentWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps a run's documents in memory, in output order: for evaluation and benchmarks
 * that run a pipeline through the {@link PipelineRunner} without writing files.
 */
public final class MemorySink implements DocumentSink {
    private final List<Document> docs = new ArrayList<>();
    private final boolean keep;
    private long count;

    /** @param keep whether to keep the documents ({@code false} only counts them) */
    public MemorySink(boolean keep) {
        this.keep = keep;
    }

    @Override
    public DocumentWriter formatter() {
        return null;
    }

    @Override
    public void accept(Document doc, byte[] formatted) {
        count++;
        if (keep) {
            docs.add(doc);
        }
    }

    @Override
    public void commit() {
    }

    @Override
    public void abort() {
        docs.clear();
    }

    /** The documents accepted (empty when not keeping them). */
    public List<Document> documents() {
        return docs;
    }

    /** How many documents were accepted. */
    public long count() {
        return count;
    }
}
