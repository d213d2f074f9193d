package dev.nlpipe.core.io;

import dev.nlpipe.core.doc.Document;

/** Receives records that failed; the runner writes them to the errors file or stops the run. */
@FunctionalInterface
public interface BadRecordSink {
    void accept(BadRecord record);

    /**
     * Receives a record that was read but looks wrong, such as a {@code bmes} line whose token is
     * longer than one character: the reader keeps the record as it is and goes on. {@link ErrorLog}
     * counts and reports these, and stops the run at the first one under {@code onError: fail};
     * this default drops it, for sinks that only collect failures.
     */
    default void warn(BadRecord record) {
    }

    /**
     * Receives the bad record of a document a stage failed, with the document itself: a sink that
     * maps records back to its inputs reads it (Spark keeps the failed row's own columns, which an
     * id shared by several rows cannot tell apart). This default takes the record alone.
     */
    default void failed(Document document, BadRecord record) {
        accept(record);
    }

    /** A sink that drops everything (tests, previews). */
    BadRecordSink IGNORE = r -> { };
}
