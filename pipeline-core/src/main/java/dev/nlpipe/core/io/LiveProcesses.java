package dev.nlpipe.core.io;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a process recorded by its id (and start time) still runs on this machine. The start time
 * tells the recorded process from a later one that got its id: in a container every run is process 1.
 */
public final class LiveProcesses {
    /** Start times computed by two processes may differ by rounding; a restarted process starts later than this. */
    private static final long START_TOLERANCE_MILLIS = 1000;

    private LiveProcesses() {
    }

    /**
     * Whether process {@code pid} runs and, when {@code startedAt} is given and the process's start
     * time is known, started then.
     *
     * @param startedAt when the recorded process started, or {@code null} when that was not recorded
     */
    public static boolean running(long pid, Instant startedAt) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return startedAt == null || started.isEmpty()
                || Math.abs(started.get().toEpochMilli() - startedAt.toEpochMilli()) < START_TOLERANCE_MILLIS;
    }
}
