package dev.nlpipe.nn;

import static dev.nlpipe.nn.TransformerFixture.array;
import static dev.nlpipe.nn.TransformerFixture.assertClose;
import static dev.nlpipe.nn.TransformerFixture.assertWeightGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class LayerNormTest {

    @Test
    void matchesPyTorchInValuesAndGradients() {
        NeuralEngine.noGrad();
        try (Params p = TransformerFixture.weights("layernorm"); NDManager m = p.manager().newSubManager()) {
            p.attachTo(m);
            LayerNorm ln = LayerNorm.bind(p, "layernorm", 8, LayerNorm.BERT_EPS);
            NDArray x = array(m, "layernorm.x");
            x.setRequiresGradient(true);
            try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                NDArray out = ln.forward(x);
                assertClose("layernorm.out", out);
                gc.backward(TransformerFixture.loss(out, "layernorm"));
            }
            assertClose("layernorm.grad.x", x.getGradient());
            assertWeightGradients("layernorm", p);
        }
    }

    @Test
    void startsAsTheIdentityNormalizationWithHuggingFaceNames() {
        try (Params p = new Params(Device.cpu(), false)) {
            new LayerNorm(p, "enc.LayerNorm", 3, 1e-5);
            assertArrayEquals(new float[] {1, 1, 1}, p.get("enc.LayerNorm.weight").toFloatArray());
            assertArrayEquals(new float[] {0, 0, 0}, p.get("enc.LayerNorm.bias").toFloatArray());
        }
    }
}
