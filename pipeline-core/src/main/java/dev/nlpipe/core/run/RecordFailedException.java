package dev.nlpipe.core.run;

import dev.nlpipe.core.io.BadRecord;

/** Stops a run at the first bad record when the pipeline says {@code onError: fail}. */
public final class RecordFailedException extends RuntimeException {
    private final BadRecord record;

    public RecordFailedException(BadRecord record) {
        super("stopped at the first bad record (onError: fail): " + record);
        this.record = record;
    }

    public BadRecord record() {
        return record;
    }
}
