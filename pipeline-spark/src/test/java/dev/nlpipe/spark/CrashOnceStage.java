package dev.nlpipe.spark;

import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import org.apache.spark.TaskContext;

/**
 * {@code test.crash-once}: kills the first attempt of every Spark task after it has processed
 * documents, as a lost executor would; later attempts pass documents through. An {@link Error},
 * not an exception, so the runner does not take it for a bad record.
 */
public final class CrashOnceStage implements StageProvider {
    /** What a crashed attempt throws. */
    static final class Crash extends Error {
        Crash() {
            super("test.crash-once: the first attempt of this task dies");
        }
    }

    @Override
    public String name() {
        return "test.crash-once";
    }

    @Override
    public String description() {
        return "fails the first attempt of each Spark task (tests of retries)";
    }

    @Override
    public Processor create(StageContext context) {
        return (Annotator) doc -> {
            TaskContext task = TaskContext.get();
            if (task != null && task.attemptNumber() == 0 && doc.id().endsWith(":3")) {
                throw new Crash();
            }
        };
    }
}
