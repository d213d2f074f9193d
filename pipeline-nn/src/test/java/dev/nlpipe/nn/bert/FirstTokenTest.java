package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoder run for the first token alone in its last layer gives row 0 of the full run, and its gradients. */
class FirstTokenTest {
    private static final BertConfig CONFIG = new BertConfig(50, 32, 2, 4, 64, 16, 2, 0.1f, 0.1f, 1e-12, true);
    private static final int[] LENGTHS = {7, 3, 5};

    private static NDArray ids(NDManager m) {
        long[] ids = new long[LENGTHS.length * 7];
        Random r = new Random(11);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 5 + r.nextInt(45);
        }
        return m.create(ids, new Shape(LENGTHS.length, 7));
    }

    @Test
    void firstTokenIsRowZeroOfTheFullRunWithPaddingAndThePooler() {
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), true); NDManager m = NeuralEngine.get().newBaseManager()) {
            BertEncoder encoder = new BertEncoder(p, "", CONFIG, new Random(3));
            NDArray ids = ids(m);
            NDArray full = encoder.forward(ids, null, LENGTHS, false);
            NDArray first = encoder.firstToken(ids, null, LENGTHS, false);
            assertEquals(new Shape(3, 32), first.getShape());
            assertClose(full.get(new NDIndex(":, 0, :")).toFloatArray(), first.toFloatArray());
            assertClose(encoder.pool(full).toFloatArray(), encoder.poolFirst(first).toFloatArray());
        }
    }

    @Test
    void itsGradientsAreThoseOfTheFullRun() {
        float[][] grads = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (Params p = new Params(Device.cpu(), true); NDManager m = NeuralEngine.get().newBaseManager()) {
                BertEncoder encoder = new BertEncoder(p, "", CONFIG, new Random(3));
                p.attachTo(m);
                try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                    NDArray cls = run == 0 ? encoder.forward(ids(m), null, LENGTHS, false).get(new NDIndex(":, 0, :"))
                            : encoder.firstToken(ids(m), null, LENGTHS, false);
                    // a fixed random projection: the sum of squares of a LayerNorm output hardly depends on its input
                    gc.backward(cls.mul(projection(m)).sum());
                }
                grads[run] = p.get("encoder.layer.1.attention.self.key.weight").getGradient().toFloatArray();
            }
        }
        assertClose(grads[0], grads[1]);
        double size = 0;
        for (float g : grads[0]) {
            size += Math.abs(g);
        }
        assertTrue(size > 1e-3, "the last layer's key weights get a gradient: " + size);
    }

    private static NDArray projection(NDManager m) {
        float[] w = new float[LENGTHS.length * 32];
        Random r = new Random(5);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        return m.create(w, new Shape(LENGTHS.length, 32));
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        float[] rounded = new float[actual.length];
        for (int i = 0; i < actual.length; i++) {
            rounded[i] = Math.abs(actual[i] - expected[i]) <= 1e-5f * Math.max(1, Math.abs(expected[i])) ? expected[i] : actual[i];
        }
        assertArrayEquals(expected, rounded);
    }
}
