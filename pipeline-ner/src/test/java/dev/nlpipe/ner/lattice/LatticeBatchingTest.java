package dev.nlpipe.ner.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.bilstm.BiLstmCrfSpec;
import dev.nlpipe.ner.bilstm.Example;
import dev.nlpipe.ner.data.TagSet;
import dev.nlpipe.ner.lexicon.WordUnknowns;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stepping over positions for a whole batch gives each sentence the states it gets alone; training batches read rare words as unknown. */
class LatticeBatchingTest {

    private static LatticeExample example(int[] units, int[][] words) {
        int[] bigrams = Arrays.stream(units).map(u -> u + 1).toArray();
        return new LatticeExample(new Example(units, bigrams, null, null, null, new int[units.length]), words);
    }

    @Test
    void aBatchOfSentencesOfDifferentLengthsAndWordsEqualsEachSentenceAlone() {
        BiLstmCrfSpec spec = BiLstmCrfSpec.from(Options.of("model", Map.of("charDim", 4, "bigramDim", 3, "hidden", 5), BiLstmCrfSpec.options()));
        List<String> tags = TagSet.of(TagScheme.BIOES, Set.of("PER")).tags();
        List<LatticeExample> examples = List.of(
                example(new int[] {2, 3, 4, 5, 6}, new int[][] {{0, 2, 1}, {0, 3, 2}, {1, 3, 3}, {3, 5, 4}}),
                example(new int[] {7, 8, 2}, new int[0][]),
                example(new int[] {3, 3, 9, 4, 5, 6, 7}, new int[][] {{1, 3, 5}, {2, 6, 2}, {4, 7, 1}, {5, 7, 3}}),
                example(new int[] {6, 5}, new int[][] {{0, 2, 4}}));
        NeuralEngine.noGrad();
        try (Params params = new Params(Device.cpu(), false)) {
            LatticeNetwork net = LatticeNetwork.create(spec, 3, new LatticeNetwork.Tables(11, 12, 6, null, null, null, 11, 12), tags, false, params,
                    new Random(11));
            try (NDManager m = params.manager().newSubManager()) {
                params.attachTo(m);
                float[] together = net.states(new LatticeBatch(examples, m), false).toFloatArray();
                int steps = 7;
                int width = 2 * spec.hidden();
                for (int s = 0; s < examples.size(); s++) {
                    float[] alone = net.states(new LatticeBatch(List.of(examples.get(s)), m), false).toFloatArray();
                    int n = examples.get(s).length();
                    float[] part = Arrays.copyOfRange(together, s * steps * width, (s * steps + n) * width);
                    assertArrayEquals(alone, part, 1e-5f, "sentence " + s);
                }
            }
        }
    }

    @Test
    void aTrainingBatchReadsWordsMatchedOnceAsTheUnknownWordRow() {
        List<LatticeExample> examples = List.of(example(new int[] {2, 3, 4}, new int[][] {{0, 2, 1}, {1, 3, 2}}),
                example(new int[] {5, 6}, new int[][] {{0, 2, 2}}));
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            assertArrayEquals(new long[] {1, 2, 2}, new LatticeBatch(examples, m).wordIds.toLongArray());
            LatticeBatch replaced = new LatticeBatch(examples, m, null, null, new WordUnknowns(new float[] {0, 0, 1, 0}, 3));
            assertArrayEquals(new long[] {1, 3, 3}, replaced.wordIds.toLongArray());
        }
    }
}
