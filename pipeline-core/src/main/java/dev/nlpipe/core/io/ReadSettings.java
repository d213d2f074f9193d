package dev.nlpipe.core.io;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Settings every reader shares.
 *
 * @param language the language to set on documents that carry none, or {@code null}
 * @param maxLineBytes the longest line (or record) accepted
 * @param errors where unreadable records go
 * @param bytesRead counts raw input bytes, for progress
 */
public record ReadSettings(String language, int maxLineBytes, BadRecordSink errors, AtomicLong bytesRead) {
    /** Ten megabytes, the default longest line. */
    public static final int DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024;
    /** The largest {@code maxLineLength} accepted, 1 GiB: a line is held in memory several times over as it is decoded. */
    public static final int MAX_LINE_BYTES = 1 << 30;

    /** Defaults for reading in code: no language, 10 MB lines, errors ignored. */
    public static ReadSettings defaults() {
        return new ReadSettings(null, DEFAULT_MAX_LINE_BYTES, BadRecordSink.IGNORE, new AtomicLong());
    }

    /** These settings with another error sink. */
    public ReadSettings withErrors(BadRecordSink sink) {
        return new ReadSettings(language, maxLineBytes, sink, bytesRead);
    }
}
