package dev.nlpipe.core.io;

/** Receives records that failed; the runner writes them to the errors file or stops the run. */
@FunctionalInterface
public interface BadRecordSink {
    void accept(BadRecord record);

    /** A sink that drops everything (tests, previews). */
    BadRecordSink IGNORE = r -> { };
}
