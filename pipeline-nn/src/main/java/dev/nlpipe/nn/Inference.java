package dev.nlpipe.nn;

import ai.djl.Device;
import dev.nlpipe.core.io.TempNames;
import dev.nlpipe.core.model.LoadOptions;
import java.nio.file.Path;
import java.util.function.Consumer;

/** What every neural model kind does before it loads: start the engine, pick the device, set the threads. */
public final class Inference {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Inference.class);
    /** The threads per operation the last model loaded asked for; -1 before the first. */
    private static final java.util.concurrent.atomic.AtomicInteger LAST_THREADS = new java.util.concurrent.atomic.AtomicInteger(-1);

    private Inference() {
    }

    /**
     * Starts the engine, sets its threads per operation and resolves the device of {@code options}.
     *
     * @param log told which device was chosen and why
     * @throws IllegalArgumentException when the device is not a valid name
     * @throws NeuralEngineException when the engine cannot start or the device is not available
     */
    public static Device prepare(LoadOptions options, Consumer<String> log) {
        DeviceSpec spec = DeviceSpec.parse(options.device());
        String replaced = threadsReplaced(LAST_THREADS.getAndSet(options.threads()), options.threads());
        if (replaced != null) {
            LOG.warn(replaced);
        }
        NeuralEngine.setThreads(options.threads());
        return spec.resolve(log);
    }

    /**
     * {@link #prepare(LoadOptions, Consumer)} for the model in {@code dir}, the device chosen logged
     * to {@code log} under the name the model goes by: its output directory while a training scores
     * the staged copy it is about to publish, whose hidden name is gone once training ends.
     */
    public static Device prepare(Path dir, LoadOptions options, org.slf4j.Logger log) {
        Path shown = TempNames.target(dir);
        return prepare(options, msg -> log.info("model {}: {}", shown, msg));
    }

    /**
     * The warning when a model loads with other threads per operation than the model loaded before
     * it ({@code before}; -1 for none), else {@code null}: the setting is the process's, so the
     * last loaded model's value is the one every model of the pipeline runs with.
     */
    static String threadsReplaced(int before, int now) {
        if (before < 0 || before == now) {
            return null;
        }
        return "threads " + now + " of this model replaces the " + before + " a model loaded before it asked for: PyTorch's threads"
                + " per operation are the process's, so every neural stage now runs with " + now + "; give them all the same threads";
    }
}
