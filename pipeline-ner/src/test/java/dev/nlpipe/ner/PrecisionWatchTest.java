package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrecisionWatchTest {

    /** The epochs (1-based) at which the watch warned, for a sequence of dev (precision, recall) pairs. */
    private static List<Integer> warnings(PrecisionWatch watch, double[][] scores) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (watch.observe(scores[i][0], scores[i][1]) != null) {
                at.add(i + 1);
            }
        }
        return at;
    }

    @Test
    void warnsOnceWhenPrecisionStaysFarBelowRecallForThreeEpochs() {
        // the curve: recall climbs, precision stays near half of it
        double[][] trap = {{0.25, 0.30}, {0.30, 0.55}, {0.33, 0.60}, {0.35, 0.62}, {0.36, 0.63}, {0.36, 0.64}};
        assertEquals(List.of(4), warnings(new PrecisionWatch("try X"), trap), "epochs 2, 3 and 4 are low; epoch 1 is not");
    }

    @Test
    void aBalancedEpochRestartsTheCount() {
        double[][] broken = {{0.30, 0.60}, {0.30, 0.60}, {0.58, 0.60}, {0.30, 0.60}, {0.30, 0.60}, {0.30, 0.60}};
        assertEquals(List.of(6), warnings(new PrecisionWatch("x"), broken));
    }

    @Test
    void staysQuietForHealthyCurvesAndAtTheBoundary() {
        double[][] healthy = {{0.80, 0.60}, {0.88, 0.90}, {0.93, 0.92}, {0.95, 0.94}, {0.95, 0.95}};
        assertEquals(List.of(), warnings(new PrecisionWatch("x"), healthy));
        double[][] atRatio = {{0.75, 1.0}, {0.75, 1.0}, {0.75, 1.0}, {0.75, 1.0}};
        assertEquals(List.of(), warnings(new PrecisionWatch("x"), atRatio), "precision exactly 0.75 × recall is not below it");
        double[][] nothingFound = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
        assertEquals(List.of(), warnings(new PrecisionWatch("x"), nothingFound), "a tagger that finds nothing has no false positives");
    }

    @Test
    void theRatioAndTheRunLengthAreSettable() {
        double[][] scores = {{0.5, 0.6}, {0.5, 0.6}};
        assertEquals(List.of(2), warnings(new PrecisionWatch(0.9, 2, "x"), scores));
        assertEquals(List.of(), warnings(new PrecisionWatch(0.8, 2, "x"), scores));
        assertThrows(IllegalArgumentException.class, () -> new PrecisionWatch(0, 3, "x"));
        assertThrows(IllegalArgumentException.class, () -> new PrecisionWatch(0.75, 0, "x"));
    }

    @Test
    void checkPrintsTheWarningWithScoresCausesAndAdvice() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrecisionWatch watch = new PrecisionWatch("Try: model.minCount 2.");
        watch.check(Map.of("f1", 0.4), log);
        Map<String, Double> low = Map.of("f1", 0.45, "precision", 0.35, "recall", 0.62);
        for (int i = 0; i < 3; i++) {
            assertSame(low, watch.check(low, log), "the scores pass through");
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("warning: dev precision 35.0 has stayed below 75% of recall 62.0 for 3 epochs in a row"), text);
        assertTrue(text.contains("false positives") && text.contains("unknown-unit vector") && text.contains("gold labels"), text);
        assertTrue(text.strip().endsWith("Try: model.minCount 2."), text);
        assertEquals(1, text.lines().count(), "one line, printed once");
    }

    @Test
    void warnsOnlyOncePerTraining() {
        PrecisionWatch watch = new PrecisionWatch(0.75, 1, "advice");
        String warning = watch.observe(0.1, 0.5);
        assertNotNull(warning);
        assertNull(watch.observe(0.1, 0.5), "only once per training");
    }

    @Test
    void aResumedTrainingCountsTheEpochsItsCheckpointRecordedAndDoesNotWarnTwice() {
        Map<String, Double> low = Map.of("precision", 0.3, "recall", 0.8);
        PrecisionWatch resumed = new PrecisionWatch("x");
        resumed.replay(low);
        resumed.replay(low);
        assertNotNull(resumed.observe(0.3, 0.8), "the third low epoch in a row, two of them before the interruption");
        PrecisionWatch warnedBefore = new PrecisionWatch("x");
        for (int i = 0; i < 3; i++) {
            warnedBefore.replay(low);
        }
        assertNull(warnedBefore.observe(0.3, 0.8), "the run before the interruption printed the warning");
    }
}
