package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void vaswaniTableMatchesPyTorchForNegativeAndPositivePositions() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            int[] positions = TransformerFixture.ints("sin.positions");
            NDArray table = SinusoidalPositions.table(m, positions, 12);
            TransformerFixture.assertClose("sin.interleaved", table);
            assertEquals(-6, positions[0], "the fixture covers negative distances");
        }
    }

    @Test
    void concatenatedTableMatchesFlatsLayout() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            NDArray table = SinusoidalPositions.range(m, -6, 9, 12, SinusoidalPositions.Layout.CONCATENATED);
            TransformerFixture.assertClose("sin.concatenated", table);
        }
    }

    @Test
    void sinusoidalTablesCarryNoGradient() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            assertEquals(false, SinusoidalPositions.table(m, new int[] {0, 1}, 4).hasGradient());
        }
    }

    @Test
    void sinusoidalTablesNeedAnEvenDimension() {
        assertThrows(IllegalArgumentException.class, () -> SinusoidalPositions.values(new int[] {0}, 5,
                SinusoidalPositions.Layout.INTERLEAVED));
    }

    @Test
    void learnedPositionsReadTheFirstRowsOfTheirTable() {
        try (Params p = new Params(Device.cpu(), false)) {
            LearnedPositions pos = new LearnedPositions(p, "embeddings.position_embeddings", 10, 4, new Random(1));
            float[] table = p.get("embeddings.position_embeddings.weight").toFloatArray();
            try (NDManager m = p.manager().newSubManager()) {
                NDArray rows = pos.forward(m, 3, false);
                assertEquals(new Shape(3, 4), rows.getShape());
                assertArrayEquals(Arrays.copyOf(table, 12), rows.toFloatArray());
                assertThrows(IllegalArgumentException.class, () -> pos.forward(m, 11, false));
            }
        }
    }
}
