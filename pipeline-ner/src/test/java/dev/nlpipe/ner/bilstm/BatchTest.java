package dev.nlpipe.ner.bilstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.nlpipe.ner.data.Vocabulary;
import dev.nlpipe.nn.NeuralEngine;
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
    void rareCharactersOfTheCharCnnAreReadAsUnknownAndPaddingIsMasked() {
        // two words: "ab" (chars 2, 3) and "c" (char 4); 3 is rare
        Example e = new Example(new int[] {2, 3}, null, null, null, new int[][] {{2, 3}, {4}}, new int[2]);
        boolean[] rare = {false, false, false, true, false};
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            Batch b = new Batch(List.of(e), m, null, null, Batch.unknownChances(rare, 1.0, 0.0));
            assertArrayEquals(new long[] {2, Vocabulary.UNK, 4, 0}, b.chars.toLongArray());
            assertArrayEquals(new float[] {1, 1, 1, 0}, b.charMask.toFloatArray(), "the padding after 'c' is masked");
            assertArrayEquals(new long[] {2, 3, 4, 0}, new Batch(List.of(e), m).chars.toLongArray(), "inference reads every character");
        }
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
            Batch always = new Batch(examples, m, Batch.unknownChances(rare, 1.0, 0.0), null);
            assertEquals(DataType.INT64, always.units.getDataType());
            assertArrayEquals(new long[] {2, Vocabulary.UNK, 4, Vocabulary.UNK, Vocabulary.UNK, 0}, always.units.toLongArray());
            Batch never = new Batch(examples, m, Batch.unknownChances(rare, 0.0, 0.0), null);
            assertArrayEquals(plain.units.toLongArray(), never.units.toLongArray());
            Batch allDropped = new Batch(examples, m, Batch.unknownChances(rare, 0.0, 0.9999f), null);
            assertArrayEquals(new long[] {Vocabulary.UNK, Vocabulary.UNK, Vocabulary.UNK, Vocabulary.UNK, Vocabulary.UNK, 0},
                    allDropped.units.toLongArray(), "word dropout reaches every unit but never padding");
        }
    }

    @Test
    void bigramDropoutReadsBigramsAsUnknownButLeavesUnitsAndPadding() {
        List<Example> examples = List.of(new Example(new int[] {2, 3, 4}, new int[] {5, 6, 7}, null, null, null, new int[3]),
                new Example(new int[] {5, 3}, new int[] {8, 9}, null, null, null, new int[2]));
        float[] noUnits = Batch.unknownChances(new boolean[6], 0, 0);
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            Batch plain = new Batch(examples, m);
            assertArrayEquals(new long[] {5, 6, 7, 8, 9, 0}, plain.bigrams.toLongArray());
            Batch dropped = new Batch(examples, m, noUnits, Batch.unknownChances(new boolean[10], 0, 0.9999f));
            assertArrayEquals(new long[] {Vocabulary.UNK, Vocabulary.UNK, Vocabulary.UNK, Vocabulary.UNK, Vocabulary.UNK, 0},
                    dropped.bigrams.toLongArray(), "every bigram but never padding");
            assertArrayEquals(plain.units.toLongArray(), dropped.units.toLongArray(), "units are not touched");
            Batch kept = new Batch(examples, m, null, Batch.unknownChances(new boolean[10], 0, 0.0));
            assertArrayEquals(plain.bigrams.toLongArray(), kept.bigrams.toLongArray());
        }
    }
}
