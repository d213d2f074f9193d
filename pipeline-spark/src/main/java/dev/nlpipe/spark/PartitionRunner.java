package dev.nlpipe.spark;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

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
        this.pipeline = ExecutorPipelines.get(spec);
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
        boolean[] cameOut = new boolean[items.size()];
        for (Document d : pipeline.processBatch(batch, errors)) {
            Object index = d.meta().remove(ITEM);
            if (index instanceof Integer i) {
                cameOut[i] = true;
            }
            ready.add(new Outcome<>(index instanceof Integer i ? items.get(i) : null, d, null));
        }
        // a stage's bad record names its document by id, which rows may share (paragraphs of one article): it belongs to
        // an item of that id whose document did not come out, taken in input order. Right when one stage fails them; when a
        // filter drops a row of that id too, or two stages fail rows of one id out of order, a namesake's columns may be taken
        Map<String, Deque<T>> failedById = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (!cameOut[i]) {
                failedById.computeIfAbsent(batch.get(i).id(), k -> new ArrayDeque<>()).add(items.get(i));
            }
        }
        drainErrors(r -> r.id() == null || !failedById.containsKey(r.id()) ? null : failedById.get(r.id()).poll());
    }

    private void drainErrors(Function<BadRecord, T> itemOf) {
        for (BadRecord r = errors.poll(); r != null; r = errors.poll()) {
            ready.add(new Outcome<>(itemOf.apply(r), null, r));
        }
    }
}
