package dev.nlpipe.spark;

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
    private final ArrayDeque<BadRecord> pending = new ArrayDeque<>();

    RecordCollector(OnError onError, LongAccumulator warnings) {
        this.failFast = onError == OnError.FAIL;
        this.warnings = warnings;
    }

    @Override
    public synchronized void accept(BadRecord record) {
        if (failFast) {
            throw new RecordFailedException(record);
        }
        pending.add(record);
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
    synchronized BadRecord poll() {
        return pending.poll();
    }
}
