package dev.nlpipe.core.io;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Settings every reader shares.
 *
 * @param language the language to set on documents that carry none, or {@code null}
 * @param maxLineBytes the longest line (or record) accepted
 * @param errors where unreadable records go
 * @param bytesRead counts raw input bytes, for progress
 * @param maxLineKey the setting that raises {@code maxLineBytes} as the user writes it, which a record
 *     too long for it names: {@link #INPUT_MAX_LINE_KEY} in a pipeline, {@link #DATA_MAX_LINE_KEY} in a
 *     training file
 */
public record ReadSettings(String language, int maxLineBytes, BadRecordSink errors, AtomicLong bytesRead, String maxLineKey) {
    /** A pipeline file's line limit. */
    public static final String INPUT_MAX_LINE_KEY = "input.maxLineLength";
    /** A training file's line limit. */
    public static final String DATA_MAX_LINE_KEY = "data.maxLineLength";

    /** Settings read under a pipeline file's {@code input:}, whose {@code maxLineLength} a long record names. */
    public ReadSettings(String language, int maxLineBytes, BadRecordSink errors, AtomicLong bytesRead) {
        this(language, maxLineBytes, errors, bytesRead, INPUT_MAX_LINE_KEY);
    }
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
        return new ReadSettings(language, maxLineBytes, sink, bytesRead, maxLineKey);
    }
}
