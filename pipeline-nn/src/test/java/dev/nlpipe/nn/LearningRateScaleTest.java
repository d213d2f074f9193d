package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.nn.optim.Optimizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameter groups with their own learning rates: a factor per weight on the scheduled rate. */
class LearningRateScaleTest {

    @ParameterizedTest
    @ValueSource(strings = {"adamw", "adam", "sgd"})
    void aWeightWithFactorThreeMovesThreeTimesAsFarAsOneWithFactorOne(String name) {
        NeuralEngine.noGrad();
        float[] start = {0.5f, -1.0f, 2.0f};
        try (Params p = new Params(Device.cpu(), true)) {
            p.put("base", new Shape(3), start);
            p.put("head", new Shape(3), start);
            Optimizer opt = Optimizer.create(name, p, 0.0, 0.0, w -> w.equals("head") ? 3.0 : 1.0);
            try (NDManager m = p.manager().newSubManager()) {
                p.attachTo(m);
                try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                    NDArray coef = m.create(new float[] {1f, -2f, 0.5f});
                    gc.backward(p.get("base").mul(coef).sum().add(p.get("head").mul(coef).sum()));
                }
                opt.step(p, 0.01f, 1f);
            }
            float[] base = p.get("base").toFloatArray();
            float[] head = p.get("head").toFloatArray();
            for (int i = 0; i < start.length; i++) {
                float moved = base[i] - start[i];
                assertFalse(moved == 0f, "the base weight moves");
                assertEquals(3 * moved, head[i] - start[i], 1e-6, name + " element " + i);
            }
        }
    }

    @Test
    void theTrainingLoopUsesTheFactorsItsModelGives(@TempDir Path dir) throws IOException {
        try (ToyRegression toy = new ToyRegression(3, 80)) {
            float[] w0 = toy.params.get("w").toFloatArray();
            float[] b0 = toy.params.get("b").toFloatArray();
            Trainable<Integer> frozenW = new Trainable<>() {
                @Override
                public Params params() {
                    return toy.params();
                }

                @Override
                public NDArray loss(List<Integer> batch, NDManager scope) {
                    return toy.loss(batch, scope);
                }

                @Override
                public Map<String, Double> evaluate() {
                    return toy.evaluate();
                }

                @Override
                public double lrScale(String weight) {
                    return weight.equals("w") ? 0.0 : 1.0;
                }
            };
            TrainSettings s = TrainingLoopTest.settings(Map.of("optimizer", "adamw", "epochs", 2, "resume", false));
            new TrainingLoop(s, "score", new Checkpoints(dir), "toy", new PrintStream(new ByteArrayOutputStream()))
                    .run(frozenW, toy.train, ToyRegression::length);
            assertArrayEquals(w0, toy.params.get("w").toFloatArray(), "a factor of 0 keeps the weight where it was");
            assertFalse(Arrays.equals(b0, toy.params.get("b").toFloatArray()), "the other weight trains");
        }
    }
}
