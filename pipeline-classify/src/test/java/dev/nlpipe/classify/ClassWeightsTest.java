package dev.nlpipe.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ClassWeightsTest {

    @Test
    void balancedWeightsAreScikitLearns() {
        // sklearn.utils.class_weight.compute_class_weight("balanced", classes=[0, 1, 2], y=[0, 0, 0, 1, 2, 2])
        assertArrayEquals(new double[] {6 / 9.0, 2.0, 1.0}, ClassWeights.balanced(new int[] {0, 0, 0, 1, 2, 2}, 3), 1e-12);
    }

    @Test
    void aClassWithoutExamplesGetsWeightOne() {
        // class 0: 2 / (2 · 2); class 1 has no example, so no division by zero
        assertArrayEquals(new double[] {0.5, 1.0}, ClassWeights.balanced(new int[] {0, 0}, 2), 1e-12);
    }
}
