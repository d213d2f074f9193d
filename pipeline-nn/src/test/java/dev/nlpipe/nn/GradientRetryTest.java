package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch whose loss is finite but whose gradients are not is computed once more before the step is skipped. */
class GradientRetryTest {

    /** The toy model, with a NaN gradient (and a finite loss) on the calls {@code glitch} accepts (0-based). */
    private static Trainable<Integer> glitching(ToyRegression toy, IntPredicate glitch) {
        int[] calls = {0};
        return new Trainable<>() {
            @Override
            public Params params() {
                return toy.params();
            }

            @Override
            public NDArray loss(List<Integer> batch, NDManager scope) {
                NDArray l = toy.loss(batch, scope);
                // sqrt(0 · b) is 0, its gradient ∞ · 0 = NaN
                return glitch.test(calls[0]++) ? l.add(Ops.times(toy.params.get("b"), 0).sqrt().sum()) : l;
            }

            @Override
            public Map<String, Double> evaluate() {
                return toy.evaluate();
            }
        };
    }

    private static TrainingResult train(Trainable<Integer> model, ToyRegression toy, Path dir) throws Exception {
        return train(model, toy, dir, new ByteArrayOutputStream());
    }

    private static TrainingResult train(Trainable<Integer> model, ToyRegression toy, Path dir, ByteArrayOutputStream log) throws Exception {
        TrainSettings s = TrainingLoopTest.settings(Map.of("optimizer", "adamw", "epochs", 2, "resume", false, "clipNorm", 1.0));
        return new TrainingLoop(s, "score", new Checkpoints(dir), "toy", new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8))
                .run(model, toy.train, ToyRegression::length);
    }

    @Test
    void aBatchWithNonFiniteGradientsIsComputedAgainAndTrainingGoesOn(@TempDir Path dir) throws Exception {
        try (ToyRegression toy = new ToyRegression(4, 80)) {
            double before = toy.trainLoss();
            train(glitching(toy, call -> call == 3), toy, dir);
            assertTrue(Float.isFinite(toy.params.get("b").toFloatArray()[0]), "the weights stay finite");
            assertTrue(toy.trainLoss() < before, "the model trained: " + before + " -> " + toy.trainLoss());
        }
    }

    @Test
    void aBatchWhoseGradientsAreNotFiniteTwiceIsSkipped(@TempDir Path dir) throws Exception {
        try (ToyRegression toy = new ToyRegression(4, 80)) {
            double before = toy.trainLoss();
            train(glitching(toy, call -> call == 3 || call == 4), toy, dir);
            assertTrue(Float.isFinite(toy.params.get("b").toFloatArray()[0]), "the weights stay finite");
            assertTrue(toy.trainLoss() < before, "the model trained: " + before + " -> " + toy.trainLoss());
        }
    }

    @Test
    void gradientsThatAreNeverFiniteAgainStopTraining(@TempDir Path dir) {
        try (ToyRegression toy = new ToyRegression(4, 80)) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> train(glitching(toy, call -> call >= 3), toy, dir, log));
            assertTrue(e.getMessage().contains("3 steps in a row"), e.getMessage());
            // the third stops the run, as training.md says: two are skipped with a warning first
            assertEquals(2, log.toString(java.nio.charset.StandardCharsets.UTF_8).split("the step is skipped", -1).length - 1, log::toString);
        }
    }
}
