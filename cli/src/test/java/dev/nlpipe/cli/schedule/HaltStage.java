package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.List;

/**
 * {@code test.halt}: ends the JVM at once, as the kernel's out-of-memory killer would, when a
 * document contains the marker, so tests can feed a scheduler a file that kills every process
 * that reads it. Registered for tests only.
 */
public final class HaltStage implements StageProvider {
    @Override
    public String name() {
        return "test.halt";
    }

    @Override
    public String description() {
        return "ends the process on a marked document (tests only)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.string("marker", "POISON", "text that ends the process"));
    }

    @Override
    public Processor create(StageContext ctx) {
        String marker = ctx.options().getString("marker");
        return (Annotator) doc -> {
            if (doc.text().contains(marker)) {
                Runtime.getRuntime().halt(137);
            }
        };
    }
}
