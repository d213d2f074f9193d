package dev.nlpipe.cli.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything {@code nlpipe schedule} was told.
 *
 * @param pipeline the pipeline file (re-read on every tick)
 * @param overrides {@code --set KEY=VALUE} overrides applied to it
 * @param input the input directory
 * @param output the output directory (mirrors the input's layout)
 * @param state the state database
 * @param glob which files are inputs, or {@code null} for the pipeline's {@code input.glob} (else all)
 * @param trigger when ticks happen
 * @param zone the time zone of cron expressions and log times
 * @param maxAttempts failed attempts after which a file is quarantined
 * @param retryBackoff the wait before the first retry, doubled after each further failure
 * @param prune whether outputs of deleted inputs (and superseded outputs) are removed
 * @param reprocessOnConfigChange whether a changed pipeline configuration reprocesses every file
 * @param threads files processed at once (0: the pipeline's {@code threads}, else the number of cores)
 * @param quiet no per-file lines or progress, only tick summaries and errors
 * @param settle how long a file must have gone unmodified before a tick reads it (a copy may still be in progress)
 */
public record ScheduleSettings(Path pipeline, List<String> overrides, Path input, Path output, Path state, String glob,
                               Trigger trigger, ZoneId zone, int maxAttempts, Duration retryBackoff, boolean prune,
                               boolean reprocessOnConfigChange, int threads, boolean quiet, Duration settle) {
    /** The state database's name inside the output directory when {@code --state} is not given. */
    public static final String DEFAULT_STATE_NAME = ".nlpipe-schedule.db";
    /** The longest wait between retries, however many attempts. */
    public static final Duration MAX_BACKOFF = Duration.ofDays(1);

    public ScheduleSettings {
        overrides = List.copyOf(overrides);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("--max-attempts must be at least 1, not " + maxAttempts);
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("--retry-backoff must not be negative");
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("--settle must not be negative");
        }
    }

    /** The state database of an output directory when none is named. */
    public static Path defaultState(Path output) {
        return output.resolve(DEFAULT_STATE_NAME);
    }

    /** How long to wait after the {@code attempts}-th failure: the backoff doubled per earlier failure, at most a day. */
    public Duration backoffAfter(int attempts) {
        Duration d = retryBackoff;
        for (int i = 1; i < attempts && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
