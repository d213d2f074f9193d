package dev.nlpipe.spark;

import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;

/** {@code test.refuse-marked}: fails every document whose text contains {@code REFUSE}, as a stage meeting a bad record does. */
public final class RefuseMarkedStage implements StageProvider {
    @Override
    public String name() {
        return "test.refuse-marked";
    }

    @Override
    public String description() {
        return "fails documents whose text contains REFUSE (tests of bad records)";
    }

    @Override
    public Processor create(StageContext context) {
        return (Annotator) doc -> {
            if (doc.text().contains("REFUSE")) {
                throw new IllegalArgumentException("refused: " + doc.text());
            }
        };
    }
}
