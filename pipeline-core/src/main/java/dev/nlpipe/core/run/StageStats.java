package dev.nlpipe.core.run;

import java.util.concurrent.atomic.LongAdder;

/** Time and document counts of one stage over a run, summed over all worker threads. */
public final class StageStats {
    private final String id;
    private final String type;
    private final LongAdder nanos = new LongAdder();
    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public StageStats(String id, String type) {
        this.id = id;
        this.type = type;
    }

    void record(long elapsedNanos, int docsIn, int docsOut) {
        nanos.add(elapsedNanos);
        in.add(docsIn);
        out.add(docsOut);
    }

    void failure() {
        failed.increment();
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** Busy time summed over threads, in seconds. */
    public double seconds() {
        return nanos.sum() / 1e9;
    }

    public long docsIn() {
        return in.sum();
    }

    public long docsOut() {
        return out.sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** Documents per second of busy time (per thread). */
    public double docsPerSecond() {
        double s = seconds();
        return s > 0 ? docsIn() / s : 0;
    }
}
