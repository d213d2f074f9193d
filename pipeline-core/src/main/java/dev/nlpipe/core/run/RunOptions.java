package dev.nlpipe.core.run;

/**
 * How a run executes.
 *
 * @param threads worker threads (1 runs everything on the calling thread)
 * @param batchSize documents handed to each stage at once
 * @param onError what a bad record does
 * @param progress whether to report progress on standard error
 */
public record RunOptions(int threads, int batchSize, OnError onError, boolean progress) {
    /** Documents per batch when not configured. */
    public static final int DEFAULT_BATCH = 128;
    /** The most worker threads the command line and a pipeline file accept: more only costs memory (each holds batches in flight). */
    public static final int MAX_THREADS = 1024;
    /** The largest batch the command line and a pipeline file accept: batches are held in memory, a few per thread. */
    public static final int MAX_BATCH = 1_000_000;

    public RunOptions {
        if (threads < 1) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        if (batchSize < 1) {
            batchSize = DEFAULT_BATCH;
        }
    }

    /** Defaults: all cores, default batches, skip bad records, no progress. */
    public static RunOptions defaults() {
        return new RunOptions(0, 0, OnError.SKIP, false);
    }
}
