package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a training that has not yet touched the classes its interrupt message needs: the message comes, not a crash. */
class TrainSigtermTest {
    @TempDir
    Path dir;

    @Test
    void aTrainingStoppedDuringItsGridSearchSaysHowToStartAgain() throws Exception {
        Random r = new Random(3);
        StringBuilder tsv = new StringBuilder("text\tlabel\n");
        for (int i = 0; i < 40_000; i++) {
            tsv.append("w").append(r.nextInt(5000)).append(" w").append(r.nextInt(5000)).append(" w").append(r.nextInt(5000))
                    .append('\t').append(r.nextInt(2)).append('\n');
        }
        Files.writeString(dir.resolve("train.tsv"), tsv.toString());
        Files.writeString(dir.resolve("linear.yaml"), """
                task: classify.linear
                data: { train: train.tsv, format: tsv }
                stages: [ { type: tokenize.regex } ]
                model: { ngramRange: [1, 3], C: [0.01, 0.1, 1, 10, 100, 1000] }
                train: { cvFolds: 5, threads: 1 }
                """);
        try (ChildNlpipe child = ChildNlpipe.start(dir, List.of("train", "linear.yaml", "--output", "m", "--set", "model.C=[0.01, 1]"))) {
            assertTrue(child.awaitLines(l -> l.contains("grid search"), 1, Duration.ofSeconds(120)), child.output());
            child.terminate(Duration.ofSeconds(60));
            String out = child.output();
            assertFalse(out.contains("ExceptionInInitializerError") || out.contains("Shutdown in progress"), out);
            assertTrue(out.contains("Start again with: nlpipe train linear.yaml --output m --set 'model.C=[0.01, 1]'"), out);
        }
    }
}
