package dev.nlpipe.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FGM and PGD against gradients worked out by hand for {@code loss(w) = Σ (w - t)²}. */
class AdversarialTest {
    private static final float[] W = {1, 2, -1, 0.5f};
    private static final float[] T = {0, 0, 0, 0};

    private static float[] gradAt(float[] w) {
        float[] g = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            g[i] = 2 * (w[i] - T[i]);
        }
        return g;
    }

    private static float[] plus(float[] a, float[] b, double scaleB) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] + scaleB * b[i]);
        }
        return out;
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Runs the clean pass and the perturbed ones; returns {gradient, weights after}. */
    private static float[][] run(Adversarial adversarial) {
        return run(adversarial, W, (w, scope) -> w.sub(scope.create(T, new Shape(2, 2))).square().sum());
    }

    /** The same for the table {@code start} and another loss. */
    private static float[][] run(Adversarial adversarial, float[] start,
                                 java.util.function.BiFunction<NDArray, NDManager, NDArray> lossOf) {
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), true)) {
            p.put("emb", new Shape(2, 2), start);
            try (NDManager scope = p.manager().newSubManager()) {
                p.attachTo(scope);
                java.util.function.Supplier<NDArray> loss = () -> lossOf.apply(p.get("emb"), scope);
                try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                    gc.backward(loss.get());
                }
                adversarial.addPerturbedGradients(p, "emb", loss, 1f, null);
                return new float[][] {p.get("emb").getGradient().toFloatArray(), p.get("emb").toFloatArray()};
            }
        }
    }

    @Test
    void fgmAddsTheGradientAtTheEmbeddingsMovedAlongTheirGradient() {
        float[] g0 = gradAt(W);
        float[] moved = plus(W, g0, 1.0 / norm(g0));
        float[][] got = run(new Adversarial("fgm", 1.0, 1, 0.3));
        assertArrayEquals(plus(g0, gradAt(moved), 1), got[0], 1e-5f);
        assertArrayEquals(W, got[1], 1e-6f, "the embeddings are restored");
    }

    @Test
    void fgmRestoresTheTableBitForBit() {
        float[] start = {0.1f, 1e-7f, 3.3f, -7.7f};
        float[][] got = run(new Adversarial("fgm", 1.0, 1, 0.3), start,
                (w, scope) -> w.sub(scope.create(T, new Shape(2, 2))).square().sum());
        assertArrayEquals(start, got[1], 0f, "(w + r) - r is not w in floats; the table is put back as it was");
    }

    @Test
    void pgdThatStopsEarlyKeepsTheCleanGradient() {
        float[] start = {0.9f, 0.9f, 0.9f, 0.9f};
        // loss Σ min(w, 1): gradient 1 below 1, 0 above; the first step (0.25 each) lifts every weight past 1, so the
        // second step finds no gradient and stops
        float[][] got = run(new Adversarial("pgd", 1.0, 3, 0.5), start, (w, scope) -> w.minimum(scope.ones(new Shape(2, 2))).sum());
        assertArrayEquals(new float[] {1, 1, 1, 1}, got[0], 1e-6f, "the clean gradient plus the perturbed pass's (0)");
        assertArrayEquals(start, got[1], 1e-6f, "the embeddings are restored");
    }

    @Test
    void pgdKeepsTheCleanGradientPlusTheLastStepsWithinTheBall() {
        double eps = 0.5;
        double alpha = 0.4;
        float[] g0 = gradAt(W);
        float[] w1 = plus(W, g0, alpha / norm(g0));
        float[] g1 = gradAt(w1);
        float[] w2 = plus(w1, g1, alpha / norm(g1));
        float[] d = plus(w2, W, -1);
        if (norm(d) > eps) {
            w2 = plus(W, d, eps / norm(d));
        }
        float[][] got = run(new Adversarial("pgd", eps, 2, alpha));
        assertArrayEquals(plus(g0, gradAt(w2), 1), got[0], 1e-4f);
        assertArrayEquals(W, got[1], 1e-6f, "the embeddings are restored");
    }

    @Test
    void fgmInAnAccumulatedStepFollowsEachBatchsOwnGradient() {
        // two batches of half weight: loss_A = Σ (w - a)², loss_B = Σ (w - b)²; each batch's FGM direction is its own
        // gradient, so the step's gradient is the sum of what each batch gives alone, not a direction bent by A's gradient
        float[] a = {0, 0, 0, 0};
        float[] b = {3, -2, 1, 4};
        Adversarial fgm = new Adversarial("fgm", 1.0, 1, 0.3);
        float[] expected = new float[W.length];
        for (float[] target : List.of(a, b)) {
            float[] g = grad(W, target);
            float[] moved = plus(W, g, 1.0 / norm(g));
            float[] both = plus(g, grad(moved, target), 1);
            expected = plus(expected, both, 0.5);
        }
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), true)) {
            p.put("emb", new Shape(2, 2), W);
            try (NDManager scope = p.manager().newSubManager()) {
                p.attachTo(scope);
                for (float[] target : List.of(a, b)) {
                    NDArray before = p.gradient("emb").duplicate();
                    java.util.function.Supplier<NDArray> loss = () -> p.get("emb").sub(scope.create(target, new Shape(2, 2))).square().sum();
                    try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                        gc.backward(dev.nlpipe.nn.Ops.times(loss.get(), 0.5f));
                    }
                    fgm.addPerturbedGradients(p, "emb", loss, 0.5f, before);
                }
                assertArrayEquals(expected, p.get("emb").getGradient().toFloatArray(), 1e-4f);
            }
        }
    }

    private static float[] grad(float[] w, float[] target) {
        float[] g = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            g[i] = 2 * (w[i] - target[i]);
        }
        return g;
    }

    private static Adversarial option(Map<String, Object> value) {
        return Adversarial.from(Options.of("model", Map.of("adversarial", value), List.of(OptionSpec.map("adversarial", "test"))),
                "adversarial");
    }

    @Test
    void pgdsStepSettingsAreRefusedUnderFgmRatherThanIgnored() {
        ConfigException e = assertThrows(ConfigException.class, () -> option(Map.of("method", "fgm", "steps", 5)));
        assertTrue(e.getMessage().contains("steps and alpha are PGD's (method: pgd); fgm takes one step of size epsilon"), e.getMessage());
        assertThrows(ConfigException.class, () -> option(Map.of("alpha", 0.1)), "fgm is the default method");
        Adversarial pgd = option(Map.of("method", "pgd", "steps", 5, "alpha", 0.1));
        assertEquals(5, pgd.steps());
        assertEquals(0.1, pgd.alpha());
        assertEquals(new Adversarial("fgm", 0.5, 3, 0.3), option(Map.of("method", "fgm", "epsilon", 0.5)));
    }

    @Test
    void anInfiniteSizeOrAFractionalStepCountIsRefusedRatherThanAlteredOrTurnedIntoNaN() {
        // epsilon .inf made the restored table inf - inf = NaN, and the run stopped as "diverged"; 2.5 steps ran 2
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("epsilon", Double.POSITIVE_INFINITY),
                Map.of("method", "pgd", "alpha", Double.NaN), Map.of("method", "pgd", "steps", 2.5), Map.of("method", "pgd", "steps", 0))) {
            ConfigException e = assertThrows(ConfigException.class, () -> option(bad), bad.toString());
            assertTrue(e.getMessage().contains("finite numbers above 0 and steps a whole number"), e.getMessage());
        }
        assertEquals(2, option(Map.of("method", "pgd", "steps", 2.0)).steps());
    }
}
