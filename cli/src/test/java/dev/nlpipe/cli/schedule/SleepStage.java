package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.List;

/**
 * {@code test.sleep}: waits a few milliseconds per document, so tests can stop or kill a
 * scheduler while it is in the middle of files. Registered for tests only.
 */
public final class SleepStage implements StageProvider {
    @Override
    public String name() {
        return "test.sleep";
    }

    @Override
    public String description() {
        return "sleeps per document (tests only)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.integer("millis", 5, "milliseconds per document"));
    }

    @Override
    public Processor create(StageContext ctx) {
        int millis = ctx.options().getInt("millis");
        return (Annotator) doc -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
