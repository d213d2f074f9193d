package dev.nlpipe.ner.bilstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.nlpipe.core.nn.NeuralEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {

    private static Example example(int... units) {
        return new Example(units, null, null, null, null, new int[units.length]);
    }

    @Test
    void unknownChancesCombineRareReplacementWithWordDropout() {
        boolean[] rare = {false, false, false, true};
        assertArrayEquals(new float[] {0, 0, 0.1f, 0.5f}, Batch.unknownChances(rare, 0.5, 0.1));
        assertArrayEquals(new float[] {0, 0, 0.6f, 0.6f}, Batch.unknownChances(rare, 0.5, 0.6));
        assertEquals(null, Batch.unknownChances(rare, 0.0, 0.0));
    }

    @Test
    void padsIdsAndReplacesRareUnitsWhenAsked() {
        boolean[] rare = {false, false, false, true, false, true};
        List<Example> examples = List.of(example(2, 3, 4), example(5, 3));
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            Batch plain = new Batch(examples, m);
            assertEquals(DataType.INT64, plain.units.getDataType());
            assertArrayEquals(new long[] {2, 3, 4, 5, 3, 0}, plain.units.toLongArray());
            assertArrayEquals(new int[] {3, 2}, plain.lengths);
            Batch always = new Batch(examples, m, Batch.unknownChances(rare, 1.0, 0.0));
            assertEquals(DataType.INT64, always.units.getDataType());
            assertArrayEquals(new long[] {2, Vocabulary.UNK, 4, Vocabulary.UNK, Vocabulary.UNK, 0}, always.units.toLongArray());
            Batch never = new Batch(examples, m, Batch.unknownChances(rare, 0.0, 0.0));
            assertArrayEquals(plain.units.toLongArray(), never.units.toLongArray());
            Batch allDropped = new Batch(examples, m, Batch.unknownChances(rare, 0.0, 0.9999f));
            assertArrayEquals(new long[] {Vocabulary.UNK, Vocabulary.UNK, Vocabulary.UNK, Vocabulary.UNK, Vocabulary.UNK, 0},
                    allDropped.units.toLongArray(), "word dropout reaches every unit but never padding");
        }
    }
}
