package dev.nlpipe.cli.schedule;

import java.util.Locale;

/**
 * A file a tick will process, and why.
 *
 * @param file the input as scanned
 * @param sha256 its content hash
 * @param reason why it is processed
 * @param attemptsBefore failed attempts already recorded for this content (0 for new or changed content)
 * @param output its output path relative to the output directory
 * @param previousOutput the output recorded for it before, when under another name (a changed output format), else {@code null}
 * @param renamedFrom a deleted input with the same content, for the log, or {@code null}
 * @param problem why the file fails without being processed (its output name is taken by another
 *     input, it cannot be read), or {@code null}
 */
public record WorkItem(ScannedFile file, String sha256, Reason reason, int attemptsBefore, String output,
                       String previousOutput, String renamedFrom, String problem) {

    /** Why a file is processed on a tick. */
    public enum Reason {
        /** Not seen before (or seen deleted before). */
        NEW,
        /** Its content hash differs from the one processed. */
        CHANGED,
        /** The pipeline configuration differs from the one that produced its output. */
        CONFIG_CHANGED,
        /** Its output is missing or no longer has the size that was published. */
        OUTPUT_MISSING,
        /** Its last attempt failed and the backoff has passed. */
        RETRY,
        /** Left pending by an interrupted tick, or released from quarantine by {@code retry}. */
        PENDING;

        /** For logs: {@code config-changed}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The number of this attempt. */
    public int attempt() {
        return attemptsBefore + 1;
    }
}
