package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A row's character-CNN features do not depend on how wide the batch around it is. */
class ConvMaxPoolTest {
    private static final int C = 4;
    private static final int F = 5;
    private static final int K = 3;

    @Test
    void aPaddedRowHasTheFeaturesItHasAlone() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            SplittableRandom r = new SplittableRandom(7);
            NDArray w = m.create(random(r, F * C * K), new Shape(F, C, K));
            NDArray b = m.create(random(r, F), new Shape(F));
            float[] word = random(r, 3 * C);
            // alone: width 3, nothing padded
            float[] alone = Ops.convMaxPool(m.create(word, new Shape(1, 3, C)), w, b, m.ones(new Shape(1, 3))).toFloatArray();

            // in a batch of width 8 beside a longer row: its 5 padded positions hold junk (a padding id's trained vector)
            float[] padded = new float[2 * 8 * C];
            System.arraycopy(word, 0, padded, 0, word.length);
            for (int i = word.length; i < 8 * C; i++) {
                padded[i] = 9f;
            }
            float[] other = random(r, 8 * C);
            System.arraycopy(other, 0, padded, 8 * C, other.length);
            float[] mask = {1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
            NDArray out = Ops.convMaxPool(m.create(padded, new Shape(2, 8, C)), w, b, m.create(mask, new Shape(2, 8)));
            float[] first = out.get(0).toFloatArray();
            assertArrayEquals(alone, first, 1e-5f);

            float[] none = Ops.convMaxPool(m.create(padded, new Shape(2, 8, C)), w, b, m.zeros(new Shape(2, 8))).toFloatArray();
            assertArrayEquals(new float[2 * F], none, 0f, "a row with no real position (a padded step) gets zeros");
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return out;
    }
}
