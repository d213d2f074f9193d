package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.nn.optim.Optimizer;
import org.junit.jupiter.api.Test;

/** SGD with momentum and L2 decay against torch.optim.SGD's update, worked by hand, under a changing rate. */
class SgdTest {

    @Test
    void followsTorchSgdWhenTheLearningRateChanges() {
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), true)) {
            p.put("w", new Shape(2), new float[] {0, 0});
            Optimizer sgd = Optimizer.create("sgd", p, 0.9, 0.1);
            // loss = w · (1, 2): the gradient is (1, 2) at every step; with d = g + 0.1 w, v = 0.9 v + d, w -= lr v:
            // lr 1: v = (1, 2), w = (-1, -2); lr 0.5: d = (0.9, 1.8), v = (1.8, 3.6), w = (-1.9, -3.8);
            // lr 0.25: d = (0.81, 1.62), v = (2.43, 4.86), w = (-2.5075, -5.015).
            // (DJL's fused kernel, v = 0.9 v + lr d, gives (-2.35, -4.7) after the second step.)
            float[][] expected = {{-1f, -2f}, {-1.9f, -3.8f}, {-2.5075f, -5.015f}};
            float[] lrs = {1f, 0.5f, 0.25f};
            for (int step = 0; step < lrs.length; step++) {
                try (NDManager m = p.manager().newSubManager()) {
                    p.attachTo(m);
                    try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                        gc.backward(p.get("w").mul(m.create(new float[] {1f, 2f})).sum());
                    }
                    sgd.step(p, lrs[step], 1f);
                }
                assertArrayEquals(expected[step], p.get("w").toFloatArray(), 1e-5f, "after step " + (step + 1));
            }
        }
    }
}
