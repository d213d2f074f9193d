package dev.nlpipe.core.stage;

import java.util.List;

/**
 * A stage as it sits in a built pipeline.
 *
 * @param id its id in the pipeline
 * @param type its registered type
 * @param processor the configured processor
 */
public record ConfiguredStage(String id, String type, Processor processor) {

    /**
     * Closes each stage, also after one fails to close (the native memory of those after it would
     * stay held); returns {@code failure}, else the first failure, with later ones added as suppressed.
     */
    public static RuntimeException closeAll(List<ConfiguredStage> stages, RuntimeException failure) {
        for (ConfiguredStage s : stages) {
            try {
                s.processor().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }
}
