package dev.nlpipe.cli.schedule;

import java.nio.file.Path;

/**
 * An input file as found on one tick.
 *
 * @param relative its path relative to the input directory ({@code /}-separated), the key in the state database
 * @param path the file
 * @param size bytes
 * @param mtimeNanos last modification, nanoseconds since the epoch
 */
public record ScannedFile(String relative, Path path, long size, long mtimeNanos) {
    /** Whether size and modification time equal those recorded: the cheap "unchanged" test. */
    public boolean sameStat(long recordedSize, long recordedMtimeNanos) {
        return size == recordedSize && mtimeNanos == recordedMtimeNanos;
    }
}
