package dev.nlpipe.core.stage;

/**
 * A stage as it sits in a built pipeline.
 *
 * @param id its id in the pipeline
 * @param type its registered type
 * @param processor the configured processor
 */
public record ConfiguredStage(String id, String type, Processor processor) {
}
