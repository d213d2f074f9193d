package dev.nlpipe.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
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
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), true)) {
            p.put("emb", new Shape(2, 2), W);
            try (NDManager scope = p.manager().newSubManager()) {
                p.attachTo(scope);
                NDArray t = scope.create(T, new Shape(2, 2));
                java.util.function.Supplier<NDArray> loss = () -> p.get("emb").sub(t).square().sum();
                try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                    gc.backward(loss.get());
                }
                adversarial.addPerturbedGradients(p, "emb", loss, 1f);
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
}
