package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.TrainSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code train.threads}: 0 lets the trainer choose (one thread for recurrent taggers); a number above 0 wins. */
class TrainingThreadsTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @AfterEach
    void allCoresAgain() {
        NeuralEngine.setThreads(0);
    }

    private static TrainSettings threads(int n) {
        return TrainSettings.from(Options.of("train", Map.of("threads", n, "device", "cpu"), TrainSettings.options()));
    }

    @Test
    void autoGivesARecurrentTaggerOneThreadAndSaysWhy() {
        TaggerTraining.start(threads(0), TaggerTraining.RECURRENT_THREADS, log);
        assertEquals(1, NeuralEngine.threads());
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("1 thread(s) per operation (what this recurrent model"), logged::toString);
    }

    @Test
    void autoGivesOtherModelsAllCoresEvenAfterARecurrentTraining() {
        TaggerTraining.start(threads(0), TaggerTraining.RECURRENT_THREADS, log);
        logged.reset();
        TaggerTraining.start(threads(0), TaggerTraining.ALL_CORES, log);
        assertEquals(Runtime.getRuntime().availableProcessors(), NeuralEngine.threads());
        assertFalse(logged.toString(StandardCharsets.UTF_8).contains("recurrent"), logged::toString);
    }

    @Test
    void aConfiguredCountWins() {
        TaggerTraining.start(threads(2), TaggerTraining.RECURRENT_THREADS, log);
        assertEquals(2, NeuralEngine.threads());
    }
}
