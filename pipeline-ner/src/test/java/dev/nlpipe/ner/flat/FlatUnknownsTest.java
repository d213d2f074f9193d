package dev.nlpipe.ner.flat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.ner.bilstm.Batch;
import dev.nlpipe.ner.data.Vocabulary;
import dev.nlpipe.ner.lexicon.WordUnknowns;
import dev.nlpipe.nn.NeuralEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FLAT trains its unknown character, bigram and word vectors: units and words seen once are read as unknown now and then. */
class FlatUnknownsTest {

    @Test
    void vocabularyMarksTheIdsCountedOnce() {
        Map<String, Integer> counts = Map.of("甲", 3, "乙", 1, "丙", 2);
        Vocabulary v = Vocabulary.fromCounts(counts, 1);
        boolean[] once = v.rare(counts);
        assertEquals(v.size(), once.length);
        for (int id = Vocabulary.UNK + 1; id < v.size(); id++) {
            assertEquals(v.get(id).equals("乙"), once[id], v.get(id));
        }
        assertEquals(false, once[Vocabulary.PAD]);
        assertEquals(false, once[Vocabulary.UNK]);
    }

    @Test
    void withNothingCountedOnceTheFewestCountedTrainTheUnknownVector() {
        // every sentence twice (augmented data): nothing is counted once, and without a fallback nothing would train <unk>
        Map<String, Integer> counts = Map.of("甲", 6, "乙", 2, "丙", 4, "丁", 2);
        Vocabulary v = Vocabulary.fromCounts(counts, 1);
        boolean[] rare = v.rare(counts);
        for (int id = Vocabulary.UNK + 1; id < v.size(); id++) {
            assertEquals(counts.get(v.get(id)) == 2, rare[id], v.get(id));
        }
        Vocabulary withMinCount = Vocabulary.fromCounts(Map.of("甲", 6, "乙", 2, "丙", 1), 2);
        boolean[] none = withMinCount.rare(Map.of("甲", 6, "乙", 2, "丙", 1));
        for (boolean r : none) {
            assertEquals(false, r, "丙, below minCount, reads as unknown already and trains it");
        }
    }

    @Test
    void aTrainingBatchReadsRareCharactersAndBigramsAsUnknownAndLeavesWordsAndPadding() {
        Lattice a = Lattice.of(new int[] {2, 3, 4}, new int[] {5, 6, 7}, new int[] {0}, new int[] {1}, new int[] {1}, new int[3], null);
        Lattice b = Lattice.of(new int[] {3, 2}, new int[] {6, 5}, new int[0], new int[0], new int[0], new int[2], null);
        boolean[] rareChars = {false, false, false, true, false};
        boolean[] rareBigrams = {false, false, false, false, false, true, false, false};
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            FlatBatch plain = new FlatBatch(List.of(a, b), m);
            assertArrayEquals(new long[] {2, 3, 4, 3, 2, 0}, plain.charIds.toLongArray());
            FlatBatch always = new FlatBatch(List.of(a, b), m, Batch.unknownChances(rareChars, 1.0, 0),
                    Batch.unknownChances(rareBigrams, 1.0, 0), WordUnknowns.NONE);
            long unk = Vocabulary.UNK;
            assertArrayEquals(new long[] {2, unk, 4, unk, 2, 0}, always.charIds.toLongArray());
            assertArrayEquals(new long[] {unk, 6, 7, 6, unk, 0}, always.bigramIds.toLongArray());
            assertArrayEquals(plain.wordIds.toLongArray(), always.wordIds.toLongArray(), "lexicon words are replaced only when asked");
        }
    }

    @Test
    void aTrainingBatchReadsWordsMatchedOnceAsTheUnknownWordRow() {
        Lattice a = Lattice.of(new int[] {2, 3, 4}, null, new int[] {0, 1}, new int[] {2, 3}, new int[] {1, 2}, new int[3], null);
        Lattice b = Lattice.of(new int[] {3, 2}, null, new int[] {0}, new int[] {2}, new int[] {2}, new int[2], null);
        WordUnknowns words = new WordUnknowns(new float[] {0, 0, 1, 0}, 3);
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            FlatBatch plain = new FlatBatch(List.of(a, b), m);
            assertArrayEquals(new long[] {1, 2, 2, 0}, plain.wordIds.toLongArray());
            FlatBatch replaced = new FlatBatch(List.of(a, b), m, null, null, words);
            assertArrayEquals(new long[] {1, 3, 3, 0}, replaced.wordIds.toLongArray());
            assertArrayEquals(plain.charIds.toLongArray(), replaced.charIds.toLongArray());
        }
    }

    @Test
    void unkReplaceIsOnByDefaultAndChecked() {
        Options o = Options.of("model", Map.of(), FlatSpec.options());
        assertEquals(0.5, o.getDouble("unkReplace"));
        Options bad = Options.of("model", Map.of("unkReplace", 1.5), FlatSpec.options());
        assertThrows(RuntimeException.class, () -> FlatSpec.from(bad));
    }

    @Test
    void withoutClippingATextIsStillTaggedInWindows() {
        assertEquals(200, FlatSpec.from(Options.of("model", Map.of(), FlatSpec.options())).taggingWindow());
        assertEquals(dev.nlpipe.ner.data.SequenceWindows.RECURRENT_LIMIT,
                FlatSpec.from(Options.of("model", Map.of("maxLength", 0), FlatSpec.options())).taggingWindow(),
                "maxLength 0 would put a whole book in one attention pass");
    }
}
