package dev.nlpipe.spark;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Runs one partition through the executor's pipeline in batches, lazily, so a partition larger
 * than memory streams through. Each output carries the input item it came from, so the Dataset API
 * can keep the row's other columns; documents a stage derives from another (augmentation) carry
 * their parent's item.
 *
 * @param <T> the input items (rows of a Dataset, or documents read from a file)
 */
final class PartitionRunner<T> implements Iterator<PartitionRunner.Outcome<T>> {
    /** A meta key that ties documents to their input item within a batch; removed before output. */
    private static final String ITEM = "nlpipe.spark.item";

    /**
     * One result: a processed document, or a bad record.
     *
     * @param item the input item, or {@code null} when it cannot be told (a record the reader could not read)
     * @param document the document, or {@code null} for a bad record
     * @param error the bad record, or {@code null}
     */
    record Outcome<T>(T item, Document document, BadRecord error) {
    }

    private final ExecutorPipelines.Lease lease;
    private final Pipeline pipeline;
    private final int batchSize;
    private final Iterator<T> input;
    private final Function<T, Document> toDocument;
    private final RecordCollector errors;
    private final ArrayDeque<Outcome<T>> ready = new ArrayDeque<>();

    /**
     * @param spec the pipeline, built once per executor JVM
     * @param input the partition's items
     * @param toDocument makes the document of an item; returns {@code null} after reporting an item that has none to {@code errors}
     * @param errors where readers and stages report bad records
     */
    PartitionRunner(PipelineSpec spec, Iterator<T> input, Function<T, Document> toDocument, RecordCollector errors) {
        this.lease = ExecutorPipelines.acquire(spec);
        // the task's end releases the pipeline, also when the task stops reading early (a limit) or fails
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> lease.close());
        }
        this.pipeline = lease.pipeline();
        this.batchSize = spec.batchSize();
        this.input = input;
        this.toDocument = toDocument;
        this.errors = errors;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty()) {
            if (!input.hasNext()) {
                drainErrors(r -> null);
                lease.close();
                return !ready.isEmpty();
            }
            nextBatch();
        }
        return true;
    }

    @Override
    public Outcome<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void nextBatch() {
        List<T> items = new ArrayList<>(batchSize);
        List<Document> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && input.hasNext()) {
            T item = input.next();
            Document d = toDocument.apply(item);
            if (d == null) {
                drainErrors(r -> item);
                continue;
            }
            d.meta().put(ITEM, items.size());
            items.add(item);
            batch.add(d);
        }
        // A reader's bad records come before the batch's documents: they were met first.
        drainErrors(r -> null);
        for (Document d : pipeline.processBatch(batch, errors)) {
            ready.add(new Outcome<>(itemOf(d, items), d, null));
        }
        // a stage's bad record comes with its document, which names its row (ids may be shared: paragraphs of one article)
        drainErrors(r -> r.document() == null ? null : itemOf(r.document(), items));
    }

    /** The input item a document of this batch came from (its own, or its parent's), or {@code null}; the tie is removed. */
    private static <T> T itemOf(Document d, List<T> items) {
        return d.meta().remove(ITEM) instanceof Integer i ? items.get(i) : null;
    }

    private void drainErrors(Function<RecordCollector.Collected, T> itemOf) {
        for (RecordCollector.Collected r = errors.poll(); r != null; r = errors.poll()) {
            ready.add(new Outcome<>(itemOf.apply(r), null, r.record()));
        }
    }
}
