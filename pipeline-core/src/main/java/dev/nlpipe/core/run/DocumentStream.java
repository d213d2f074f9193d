package dev.nlpipe.core.run;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.CorpusInput;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.stage.ConfiguredStage;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Documents of a corpus after a pipeline, as an iterator, for trainers. With stages, the corpus
 * is read and processed on background threads (in order) while the caller consumes; without
 * stages it is read on the caller's thread. Close it to stop early.
 */
public final class DocumentStream implements Iterator<Document>, AutoCloseable {
    private final CorpusInput input;
    private final QueueSink sink;
    private final Thread producer;
    private volatile Throwable failure;
    private Iterator<Document> chunk = List.<Document>of().iterator();
    private boolean ended;

    private DocumentStream(CorpusInput input, QueueSink sink, Thread producer) {
        this.input = input;
        this.sink = sink;
        this.producer = producer;
    }

    /**
     * Streams {@code input} through {@code stages}.
     *
     * @param input the corpus (its reader reports bad records to {@code errors})
     * @param stages the stages, possibly none
     * @param threads worker threads for the stages
     * @param errors the bad-record log
     */
    public static DocumentStream open(CorpusInput input, List<ConfiguredStage> stages, int threads, ErrorLog errors) {
        if (stages.isEmpty()) {
            return new DocumentStream(input, null, null);
        }
        QueueSink sink = new QueueSink(8, 256);
        PipelineRunner runner = new PipelineRunner("preprocess", stages, new RunOptions(threads, 0, OnError.SKIP, false), null);
        DocumentStream[] self = new DocumentStream[1];
        Thread t = new Thread(() -> {
            try {
                runner.run(input, sink, errors, input.totalBytes(), input::bytesRead);
            } catch (CancellationException e) {
                // the consumer closed the stream
            } catch (Throwable e) {
                self[0].failure = e;
            } finally {
                try {
                    sink.queue().put(QueueSink.END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "nlpipe-preprocess");
        t.setDaemon(true);
        self[0] = new DocumentStream(input, sink, t);
        t.start();
        return self[0];
    }

    @Override
    public boolean hasNext() {
        if (sink == null) {
            return input.hasNext();
        }
        while (!chunk.hasNext() && !ended) {
            BlockingQueue<List<Document>> q = sink.queue();
            List<Document> next;
            try {
                next = q.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            if (next == QueueSink.END) {
                ended = true;
                if (failure != null) {
                    if (failure instanceof RuntimeException r) {
                        throw r;
                    }
                    if (failure instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(failure);
                }
            } else {
                chunk = next.iterator();
            }
        }
        return chunk.hasNext();
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return sink == null ? input.next() : chunk.next();
    }

    /** Bytes of input read so far, for progress. */
    public long bytesRead() {
        return input.bytesRead();
    }

    /** Total input size in bytes, for progress (0 when unknown). */
    public long totalBytes() {
        return input.totalBytes();
    }

    @Override
    public void close() {
        if (sink != null && !ended) {
            sink.cancel();
            try {
                producer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        input.close();
    }
}
