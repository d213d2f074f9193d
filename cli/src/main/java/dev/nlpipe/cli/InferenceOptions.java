package dev.nlpipe.cli;

import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.nn.DeviceSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where and how a command runs a neural model: {@code --device}, {@code --threads}, {@code --batch-size} (picocli mixin). */
final class InferenceOptions {
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "texts or sentences per forward pass of a neural model (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto", description = "cpu, gpu, gpu:N (or cuda, cuda:N) or auto (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "threads per tensor operation; 0 uses all cores (default: ${DEFAULT-VALUE})")
    int threads;

    /** The options as a model is loaded with them; refused with the option's name when out of range. */
    LoadOptions toLoadOptions(CommandSpec spec) {
        if (threads < 0 || batchSize < 1) {
            throw new ParameterException(spec.commandLine(), threads < 0 ? "--threads must not be negative" : "--batch-size must be at least 1");
        }
        try {
            DeviceSpec.parse(device);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--device: " + e.getMessage());
        }
        return new LoadOptions(device, batchSize, threads);
    }
}
