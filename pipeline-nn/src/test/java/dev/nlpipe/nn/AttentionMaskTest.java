package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class AttentionMaskTest {
    private static final float MIN = -Float.MAX_VALUE;

    @Test
    void lengthsGiveHuggingFacesExtendedMask() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            NDArray mask = AttentionMask.fromLengths(m, new int[] {3, 1}, 3);
            assertEquals(new Shape(2, 1, 1, 3), mask.getShape());
            assertArrayEquals(new float[] {0, 0, 0, 0, MIN, MIN}, mask.toFloatArray());
        }
    }

    @Test
    void aZeroOneMaskGivesTheSameAsLengths() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            NDArray padding = m.create(new long[] {1, 1, 0, 1, 0, 0}, new Shape(2, 3));
            float[] fromPadding = AttentionMask.fromPadding(padding, DataType.FLOAT32).toFloatArray();
            float[] fromLengths = AttentionMask.fromLengths(m, new int[] {2, 1}, 3).toFloatArray();
            for (int i = 0; i < fromLengths.length; i++) {
                assertEquals(fromLengths[i], fromPadding[i], 0f, "position " + i); // 0 and -0 alike
            }
        }
    }

    @Test
    void paddedKeysGetNoAttention() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            NDArray scores = m.create(new float[] {5, -2, 30}, new Shape(1, 1, 1, 3));
            float[] p = scores.add(AttentionMask.fromLengths(m, new int[] {2}, 3)).softmax(-1).toFloatArray();
            assertEquals(0f, p[2], 0f);
            assertEquals(1f, p[0] + p[1], 1e-6f);
        }
    }
}
