package dev.nlpipe.spark;

import dev.nlpipe.core.Pipeline;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One built pipeline per executor JVM and configuration. Building loads models (a TF-IDF
 * vocabulary, a tagger's weights), which costs far more than a task's batch; a built pipeline is
 * thread-safe, so every task slot of the executor shares it. Tasks hold a {@link Lease} while they
 * run. Pipelines no task uses stay built for the next task of their configuration, up to
 * {@link #KEEP_IDLE} of them, the least recently used closed beyond that: a session that runs
 * configuration after configuration (a notebook trying options) would otherwise keep every
 * configuration's models in the executor until it runs out of memory.
 *
 * <p>Pipelines still built at exit are not closed: closing them in a shutdown hook would free a
 * tagger's weights while a task may still be in a forward pass over them, since shutdown hooks run
 * side by side with the threads that are finishing; the operating system frees that memory with
 * the process anyway.
 */
final class ExecutorPipelines {
    /** How many configurations' pipelines an executor keeps built while no task uses them. */
    static final int KEEP_IDLE = 4;

    /** In use order, least recently used first. */
    private static final LinkedHashMap<String, Built> BUILT = new LinkedHashMap<>(16, 0.75f, true);

    private ExecutorPipelines() {
    }

    private static final class Built {
        final Pipeline pipeline;
        int users;

        Built(Pipeline pipeline) {
            this.pipeline = pipeline;
        }
    }

    /** A task's use of a pipeline; {@link #close} (idempotent) ends it. */
    static final class Lease implements AutoCloseable {
        private final String key;
        private final Pipeline pipeline;
        private boolean closed;

        private Lease(String key, Pipeline pipeline) {
            this.key = key;
            this.pipeline = pipeline;
        }

        Pipeline pipeline() {
            return pipeline;
        }

        @Override
        public void close() {
            List<Pipeline> evicted;
            synchronized (ExecutorPipelines.class) {
                if (closed) {
                    return;
                }
                closed = true;
                Built b = BUILT.get(key);
                if (b != null && b.pipeline == pipeline) {
                    b.users--;
                }
                evicted = evictIdle();
            }
            evicted.forEach(Pipeline::close);
        }
    }

    /**
     * The pipeline of {@code spec}, built on first use in this JVM (or again after it was evicted),
     * held until the lease is closed. Builds run one at a time: tasks of the configuration being
     * built wait for it anyway.
     */
    static synchronized Lease acquire(PipelineSpec spec) {
        String key = spec.fingerprint();
        Built b = BUILT.get(key);
        if (b == null) {
            b = new Built(spec.build());
            BUILT.put(key, b);
        }
        b.users++;
        return new Lease(key, b.pipeline);
    }

    /** Removes the least recently used pipelines no task holds, beyond {@link #KEEP_IDLE}; the caller closes them outside the lock. */
    private static List<Pipeline> evictIdle() {
        int idle = (int) BUILT.values().stream().filter(b -> b.users == 0).count();
        List<Pipeline> evicted = new ArrayList<>();
        for (Iterator<Built> it = BUILT.values().iterator(); it.hasNext() && idle > KEEP_IDLE; ) {
            Built b = it.next();
            if (b.users == 0) {
                it.remove();
                evicted.add(b.pipeline);
                idle--;
            }
        }
        return evicted;
    }

    /** How many distinct pipelines this JVM holds (tests check the cache). */
    static synchronized int size() {
        return BUILT.size();
    }

    /** How many tasks hold the pipeline of {@code spec}; 0 when none is built (tests). */
    static synchronized int users(PipelineSpec spec) {
        Built b = BUILT.get(spec.fingerprint());
        return b == null ? 0 : b.users;
    }

    /** Whether the pipeline of {@code spec} is built (tests). */
    static synchronized boolean holds(PipelineSpec spec) {
        return BUILT.containsKey(spec.fingerprint());
    }

}
