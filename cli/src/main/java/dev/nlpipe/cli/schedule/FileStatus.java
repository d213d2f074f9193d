package dev.nlpipe.cli.schedule;

import java.util.Locale;

/** Where an input file stands, as stored in the state database's {@code files.status} column. */
public enum FileStatus {
    /** Seen new or changed (or released by {@code retry}), not yet processed. */
    PENDING,
    /** Processed; its output is published and matches the recorded content hash and configuration. */
    DONE,
    /** The last attempt failed; retried after a backoff. */
    FAILED,
    /** Failed {@code --max-attempts} times; skipped until {@code nlpipe schedule retry} or a change of its content. */
    QUARANTINED,
    /** No longer in the input directory; its output is kept unless {@code --prune}. */
    DELETED;

    /** The column value: the name in lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a column value. */
    public static FileStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
