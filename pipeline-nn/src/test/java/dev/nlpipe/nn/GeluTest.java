package dev.nlpipe.nn;

import static dev.nlpipe.nn.TransformerFixture.array;
import static dev.nlpipe.nn.TransformerFixture.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class GeluTest {

    @Test
    void matchesPyTorchsErfFormInValuesAndGradients() {
        NeuralEngine.noGrad();
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            NDArray x = array(m, "gelu.x");
            x.setRequiresGradient(true);
            try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                NDArray out = Gelu.apply(x);
                assertClose("gelu.out", out);
                gc.backward(TransformerFixture.loss(out, "gelu"));
            }
            assertClose("gelu.grad.x", x.getGradient());
        }
    }

    @Test
    void isTheErfFormNotTheTanhApproximation() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            // at x = -3 the forms differ by 3.6e-4: erf gives -0.0040497, tanh -0.0036374
            float v = Gelu.apply(m.create(new float[] {-3f})).getFloat();
            assertEquals(-0.5 * 3 * (1 + erf(-3 / Math.sqrt(2))), v, 1e-6);
        }
    }

    /** erf by its Taylor series, exact to double rounding for |z| <= 3. */
    private static double erf(double z) {
        double sum = 0;
        double term = z;
        for (int n = 0; n < 100; n++) {
            sum += term / (2 * n + 1);
            term *= -z * z / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
