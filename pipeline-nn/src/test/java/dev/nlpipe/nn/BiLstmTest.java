package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BiLstmTest {

    @Test
    void aSequenceGetsTheSameStatesAloneAndPaddedInABatch() {
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), false)) {
            BiLstm lstm = new BiLstm(p, "lstm", 4, 5, 2, new Random(1));
            float[] x = new float[2 * 6 * 4];
            Random r = new Random(2);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            try (NDManager m = p.manager().newSubManager()) {
                p.attachTo(m);
                NDArray batch = m.create(x, new Shape(2, 6, 4));
                float[] together = lstm.forward(batch, BiLstm.reverseIndex(m, new int[] {6, 3}, 6), 0, false).toFloatArray();
                NDArray alone = batch.get("1:2, 0:3, :");
                float[] single = lstm.forward(alone, BiLstm.reverseIndex(m, new int[] {3}, 3), 0, false).toFloatArray();
                assertEquals(3 * 10, single.length);
                for (int t = 0; t < 3; t++) {
                    for (int h = 0; h < 10; h++) {
                        assertEquals(single[t * 10 + h], together[(6 + t) * 10 + h], 1e-5, "position " + t + " unit " + h);
                    }
                }
            }
        }
    }
}
