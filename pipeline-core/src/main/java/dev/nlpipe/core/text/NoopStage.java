package dev.nlpipe.core.text;

import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;

/** {@code util.noop}: passes documents through unchanged; measures the runner's own overhead. */
public final class NoopStage implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "util.noop";
    }

    @Override
    public String description() {
        return "does nothing; for measuring the runner's overhead";
    }

    @Override
    public Processor create(StageContext ctx) {
        return (Annotator) doc -> { };
    }
}
