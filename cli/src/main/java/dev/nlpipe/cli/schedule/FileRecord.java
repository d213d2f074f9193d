package dev.nlpipe.cli.schedule;

import java.time.Instant;

/**
 * One row of the state database's {@code files} table.
 *
 * @param path the input's path relative to the input directory (the key)
 * @param size its size when last seen
 * @param mtimeNanos its modification time when last seen
 * @param sha256 its content hash when last seen, or {@code null}
 * @param status where it stands
 * @param attempts attempts used: failed ones while failing, or the attempt that succeeded
 * @param lastError the last failure's message, or {@code null}
 * @param outputPath its output relative to the output directory, or {@code null} when none is kept
 * @param outputSize the output's size when published
 * @param configHash the pipeline configuration of the last attempt: the one that produced the output, or the one it failed with
 * @param firstSeen when it was first found
 * @param processedAt when it was last processed successfully, or {@code null}
 * @param nextAttemptAt when a failed file may be retried, or {@code null}
 * @param deletedAt when it was found missing, or {@code null}
 * @param durationMillis how long the last successful processing took
 * @param docsIn documents read from it
 * @param docsOut documents written for it
 * @param badRecords records that failed inside it (skipped by {@code onError: skip})
 */
public record FileRecord(String path, long size, long mtimeNanos, String sha256, FileStatus status, int attempts,
                         String lastError, String outputPath, long outputSize, String configHash, Instant firstSeen,
                         Instant processedAt, Instant nextAttemptAt, Instant deletedAt, long durationMillis,
                         long docsIn, long docsOut, long badRecords) {
}
