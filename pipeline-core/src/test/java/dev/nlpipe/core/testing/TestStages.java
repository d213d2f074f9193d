package dev.nlpipe.core.testing;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Stages that exist only in tests, to exercise the runner's and the validator's edge cases. */
public final class TestStages {
    private TestStages() {
    }

    /** {@code test.fail}: throws on documents whose text contains the {@code marker}. */
    public static final class Fail implements StageProvider {
        @Override
        public String name() {
            return "test.fail";
        }

        @Override
        public String description() {
            return "test only: throws on documents containing a marker";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.string("marker", "FAIL", "text that makes the stage throw"),
                    OptionSpec.bool("fatal", false, "throw an Error (stops the run) instead of an exception"),
                    OptionSpec.bool("outOfMemory", false, "throw an OutOfMemoryError, as a document too large for the heap does"));
        }

        @Override
        public Processor create(StageContext ctx) {
            String marker = ctx.options().getString("marker");
            boolean fatal = ctx.options().getBoolean("fatal");
            boolean outOfMemory = ctx.options().getBoolean("outOfMemory");
            return (Annotator) doc -> {
                if (doc.text().contains(marker)) {
                    if (outOfMemory) {
                        throw new OutOfMemoryError("Java heap space (test.fail on " + doc.id() + ")");
                    }
                    if (fatal) {
                        throw new AssertionError("fatal failure on " + doc.id());
                    }
                    throw new IllegalStateException("cannot handle " + doc.id());
                }
            };
        }
    }

    /** {@code test.closing}: does nothing, and counts how many were made and how many closed. */
    public static final class Closing implements StageProvider {
        public static final AtomicInteger MADE = new AtomicInteger();
        public static final AtomicInteger CLOSED = new AtomicInteger();

        @Override
        public String name() {
            return "test.closing";
        }

        @Override
        public String description() {
            return "test only: counts stages made and closed";
        }

        @Override
        public Processor create(StageContext ctx) {
            MADE.incrementAndGet();
            return new Annotator() {
                @Override
                public void annotate(Document doc) {
                }

                @Override
                public void close() {
                    CLOSED.incrementAndGet();
                }
            };
        }
    }

    /** {@code test.needs-entities}: requires the entities layer. */
    public static final class NeedsEntities implements StageProvider {
        @Override
        public String name() {
            return "test.needs-entities";
        }

        @Override
        public String description() {
            return "test only: requires entities";
        }

        @Override
        public Set<Layer> requires(Options options) {
            return Set.of(Layer.ENTITIES);
        }

        @Override
        public Processor create(StageContext ctx) {
            return (Annotator) doc -> doc.requireEntities(ctx.id());
        }
    }

    /** {@code test.required}: has a required option and an optional model. */
    public static final class Required implements StageProvider {
        @Override
        public String name() {
            return "test.required";
        }

        @Override
        public String description() {
            return "test only: a required option and an optional model";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.integer("size", null, "a required size").asRequired());
        }

        @Override
        public ModelUse modelUse() {
            return ModelUse.OPTIONAL;
        }

        @Override
        public Processor create(StageContext ctx) {
            int size = ctx.options().getInt("size");
            return (Annotator) doc -> doc.meta().put("size", size);
        }
    }

    /** {@code test.model-reader}: safe inside a model; records the model directory it was given. */
    public static final class ModelReader implements StageProvider {
        @Override
        public String name() {
            return "test.model-reader";
        }

        @Override
        public String description() {
            return "test only: safe inside a model, with an optional model";
        }

        @Override
        public ModelUse modelUse() {
            return ModelUse.OPTIONAL;
        }

        @Override
        public boolean safeInsideModel() {
            return true;
        }

        @Override
        public Processor create(StageContext ctx) {
            String model = String.valueOf(ctx.model());
            return (Annotator) doc -> doc.meta().put("model", model);
        }
    }

    /** {@code test.runs-command}: stands for a stage that runs a program: creating it creates the file {@code touch}. */
    public static final class RunsCommand implements StageProvider {
        @Override
        public String name() {
            return "test.runs-command";
        }

        @Override
        public String description() {
            return "test only: creates a file when built, as a stage running a command would";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.string("touch", null, "the file to create").asRequired(),
                    OptionSpec.path("reads", "a file it would read, as a corpus or a command's input"));
        }

        @Override
        public Processor create(StageContext ctx) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(ctx.options().getString("touch")), "ran");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return (Annotator) doc -> { };
        }
    }

    /** {@code test.duplicate}: emits each document twice (a second copy with a derived id). */
    public static final class Duplicate implements StageProvider {
        @Override
        public String name() {
            return "test.duplicate";
        }

        @Override
        public String description() {
            return "test only: emits a copy of every document";
        }

        @Override
        public Processor create(StageContext ctx) {
            return doc -> List.of(doc, copy(doc));
        }

        private static Document copy(Document doc) {
            return doc.derive(doc.id() + "#copy", doc.text()).setTokens(doc.tokens());
        }
    }

    /** {@code test.lang-token}: safe inside a model; one token, {@code lang_<the document's language>} ({@code lang_none} without one). */
    public static final class LangToken implements StageProvider {
        @Override
        public String name() {
            return "test.lang-token";
        }

        @Override
        public String description() {
            return "test only: the document's language as its one token";
        }

        @Override
        public boolean safeInsideModel() {
            return true;
        }

        @Override
        public Set<Layer> provides(Options options) {
            return Set.of(Layer.TOKENS);
        }

        @Override
        public Processor create(StageContext ctx) {
            return (Annotator) doc -> doc.setTokens(List.of(new dev.nlpipe.core.doc.Token(
                    "lang_" + (doc.lang() == null ? "none" : doc.lang()), 0, doc.text().length())));
        }
    }
}
