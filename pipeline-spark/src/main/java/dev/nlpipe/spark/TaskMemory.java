package dev.nlpipe.spark;

import dev.nlpipe.embed.vectorize.VocabularyCounter;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

/**
 * How many distinct terms one counting task may hold before it spills a run to disk: the
 * single-machine default (a quarter of the heap) shared by the task slots of this executor,
 * which count side by side in one JVM, and computed in the task from the executor's own heap
 * (the driver's may be larger).
 */
final class TaskMemory {
    private TaskMemory() {
    }

    /** The budget of a task running in this JVM now. */
    static long termsInMemory() {
        SparkEnv env = SparkEnv.get();
        int slots = env == null ? 1 : slots(env.conf());
        return Math.max(100_000, VocabularyCounter.defaultTermsInMemory() / slots);
    }

    /** The tasks an executor runs at once: its cores (a local master's threads) over the cores each task takes. */
    static int slots(SparkConf conf) {
        int cores = conf.getInt("spark.executor.cores", defaultCores(conf.get("spark.master", "")));
        return Math.max(1, cores / Math.max(1, conf.getInt("spark.task.cpus", 1)));
    }

    /**
     * An executor's cores when {@code spark.executor.cores} is not set: a local master's threads; one
     * on YARN and Kubernetes, as they default to; else (a standalone {@code spark://} cluster, whose
     * executor takes every core of its worker) the cores of this machine.
     */
    private static int defaultCores(String master) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(?:,\\d+)?]").matcher(master);
        if (m.matches()) {
            return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
        }
        if (master.equals("local") || master.equals("yarn") || master.startsWith("k8s://")) {
            return 1;
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
