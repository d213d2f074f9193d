package dev.nlpipe.nn;

import ai.djl.Device;
import dev.nlpipe.core.model.LoadOptions;
import java.util.function.Consumer;

/** What every neural model kind does before it loads: start the engine, pick the device, set the threads. */
public final class Inference {
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
        NeuralEngine.setThreads(options.threads());
        return spec.resolve(log);
    }
}
