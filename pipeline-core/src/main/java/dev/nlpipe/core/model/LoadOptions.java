package dev.nlpipe.core.model;

/**
 * How a loaded model runs. Models that do not use an option ignore it (a linear classifier runs
 * on the Java heap whatever the device).
 *
 * @param device where a neural model runs: {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
 * @param batchSize sequences per forward pass
 * @param threads threads per tensor operation (process-wide in PyTorch); 0 uses all cores
 */
public record LoadOptions(String device, int batchSize, int threads) {

    /** The defaults of the {@code ner} and {@code classify} stages: the best device, batches of 64, one thread per operation. */
    public static final LoadOptions DEFAULT = new LoadOptions("auto", 64, 1);

    /**
     * The {@code device}, {@code batchSize} and {@code threads} options of a stage that runs a model
     * ({@code ner}, {@code classify}, {@code embed.bert}); {@link ModelPreprocessing} sets the same
     * three on the stages it rebuilds from a model.
     */
    public static LoadOptions of(dev.nlpipe.core.config.Options stage) {
        return new LoadOptions(stage.getString("device"), stage.getInt("batchSize"), stage.getInt("threads"));
    }

    public LoadOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative (0 uses all cores)");
        }
    }
}
