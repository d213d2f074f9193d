package dev.nlpipe.spark;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.BadRecordSink;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.RecordFailedException;
import java.util.ArrayDeque;
import org.apache.spark.util.LongAccumulator;

/**
 * The bad records of one task, held until the task emits them as rows of the errors output. Under
 * {@code onError: fail} the first one throws, failing the task and with it the job, so Spark's
 * commit protocol publishes nothing — the local runner's behaviour. Warnings (records read as they
 * are that look wrong) are counted, as locally, and stop the job under {@code onError: fail}.
 */
final class RecordCollector implements BadRecordSink {
    private final boolean failFast;
    private final LongAccumulator warnings;
    private final ArrayDeque<Collected> pending = new ArrayDeque<>();

    /**
     * A bad record and, for one a stage failed, its document.
     *
     * @param record the bad record
     * @param document the failed document, or {@code null} (a record a reader could not read)
     */
    record Collected(BadRecord record, Document document) {
    }

    RecordCollector(OnError onError, LongAccumulator warnings) {
        this.failFast = onError == OnError.FAIL;
        this.warnings = warnings;
    }

    @Override
    public void accept(BadRecord record) {
        failed(null, record);
    }

    @Override
    public synchronized void failed(Document document, BadRecord record) {
        if (failFast) {
            throw new RecordFailedException(record);
        }
        pending.add(new Collected(record, document));
    }

    @Override
    public void warn(BadRecord record) {
        if (failFast) {
            accept(record);
        } else if (warnings != null) {
            warnings.add(1);
        }
    }

    /** The next bad record not yet emitted, or {@code null}. */
    synchronized Collected poll() {
        return pending.poll();
    }
}
