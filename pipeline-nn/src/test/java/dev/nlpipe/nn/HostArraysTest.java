package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** Reading an array into Java memory leaves no copy in the array's manager. */
class HostArraysTest {
    @Test
    void aConvertedCopyIsFreedWithItsScopeAndTheValuesArrive() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            // a float64 array takes the copying path, as a GPU array does (no GPU here)
            NDArray doubles = m.create(new double[] {1.5, -2.25, 3});
            NDArray floats = m.create(new float[] {4, 5});
            int before = ((BaseNDManager) m).getManagedArrays().size();
            assertArrayEquals(new float[] {1.5f, -2.25f, 3f}, HostArrays.floats(doubles));
            assertArrayEquals(new float[] {4, 5}, HostArrays.floats(floats));
            assertEquals(before, ((BaseNDManager) m).getManagedArrays().size(), "no copy stays behind in the array's manager");
            NDArray leaked = doubles.toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            assertEquals(before + 1, ((BaseNDManager) m).getManagedArrays().size(), "a plain conversion would have stayed");
            leaked.close();
        }
    }
}
