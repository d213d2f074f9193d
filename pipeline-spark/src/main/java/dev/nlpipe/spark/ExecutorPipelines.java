package dev.nlpipe.spark;

import dev.nlpipe.core.Pipeline;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One built pipeline per executor JVM and configuration. Building loads models (a TF-IDF
 * vocabulary, a tagger's weights), which costs far more than a task's batch; a built pipeline is
 * thread-safe, so every task slot of the executor shares it. Pipelines live as long as the JVM and
 * are never closed: closing them at exit (in a shutdown hook) would free a tagger's weights while a
 * task may still be in a forward pass over them, since shutdown hooks run side by side with the
 * threads that are finishing; the operating system frees that memory with the process anyway.
 */
final class ExecutorPipelines {
    private static final Map<String, Pipeline> BUILT = new ConcurrentHashMap<>();

    private ExecutorPipelines() {
    }

    /** The pipeline of {@code spec}, built on first use in this JVM. */
    static Pipeline get(PipelineSpec spec) {
        return BUILT.computeIfAbsent(spec.fingerprint(), k -> spec.build());
    }

    /** How many distinct pipelines this JVM holds (tests check the cache). */
    static int size() {
        return BUILT.size();
    }
}
