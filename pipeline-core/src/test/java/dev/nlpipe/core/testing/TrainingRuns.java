package dev.nlpipe.core.testing;

import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.model.TrainingJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: runs {@code nlpipe train} in-process on a training file written from a string. */
public final class TrainingRuns {
    private TrainingRuns() {
    }

    /**
     * Writes {@code yaml} to {@code dir/NAME.yaml}, trains it into {@code dir/NAME} and returns the
     * model directory. The training log is returned through {@code log} when not null.
     */
    public static Path train(Path dir, String yaml, String name, StringBuilder log) throws IOException {
        Path config = Files.writeString(dir.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
        Path out = dir.resolve(name);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(config, List.of()), out, ps)) {
            job.run();
        } finally {
            if (log != null) {
                log.append(bytes.toString(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** {@link #train(Path, String, String, StringBuilder)} without the log. */
    public static Path train(Path dir, String yaml, String name) throws IOException {
        return train(dir, yaml, name, null);
    }
}
