package dev.nlpipe.core.run;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.DocumentSink;
import dev.nlpipe.core.io.DocumentWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A sink that hands documents to a consumer on another thread through a bounded queue, in
 * chunks, so a trainer can iterate over a corpus that a pipeline preprocesses in parallel.
 */
final class QueueSink implements DocumentSink {
    static final List<Document> END = new ArrayList<>();

    private final BlockingQueue<List<Document>> queue;
    private final int chunk;
    private List<Document> pending;
    private volatile boolean cancelled;

    QueueSink(int capacity, int chunk) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.chunk = chunk;
        this.pending = new ArrayList<>(chunk);
    }

    BlockingQueue<List<Document>> queue() {
        return queue;
    }

    void cancel() {
        cancelled = true;
        queue.clear();
    }

    @Override
    public DocumentWriter formatter() {
        return null;
    }

    @Override
    public void accept(Document doc, byte[] formatted) {
        pending.add(doc);
        if (pending.size() >= chunk) {
            put(pending);
            pending = new ArrayList<>(chunk);
        }
    }

    @Override
    public void commit() {
        if (!pending.isEmpty()) {
            put(pending);
        }
        pending = new ArrayList<>();
    }

    @Override
    public void abort() {
        pending = new ArrayList<>();
    }

    private void put(List<Document> docs) {
        try {
            while (!cancelled) {
                if (queue.offer(docs, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            throw new CancellationException("the consumer stopped reading");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }
}
