package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code test.move-away}: deletes a file when a document contains the marker, as a consumer
 * archiving an input that waits its turn would. Registered for tests only.
 */
public final class MoveAwayStage implements StageProvider {
    @Override
    public String name() {
        return "test.move-away";
    }

    @Override
    public String description() {
        return "deletes a file on a marked document (tests only)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.string("marker", "MOVE", "text that deletes the file"), OptionSpec.string("file", null, "the file"));
    }

    @Override
    public Processor create(StageContext ctx) {
        String marker = ctx.options().getString("marker");
        Path file = Path.of(ctx.options().getString("file"));
        return (Annotator) doc -> {
            if (doc.text().contains(marker)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
