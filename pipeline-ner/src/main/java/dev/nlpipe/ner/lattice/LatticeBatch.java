package dev.nlpipe.ner.lattice;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.ner.bilstm.Batch;
import dev.nlpipe.ner.lexicon.WordUnknowns;
import java.util.ArrayList;
import java.util.List;

/**
 * A padded mini-batch of lattice examples: the character batch, the word ids of every word
 * occurrence (sentence by sentence) and where the words enter each direction.
 */
final class LatticeBatch {
    final Batch chars;
    /** The lexicon ids of the word occurrences {@code (N)}, or {@code null} when the batch has no words. */
    final NDArray wordIds;
    final LatticeSteps forward;
    final LatticeSteps backward;

    /**
     * A batch for training: characters and bigrams read as unknown as {@link Batch} does, words as
     * {@code wordUnknowns} says.
     */
    LatticeBatch(List<LatticeExample> examples, NDManager m, float[] unknownChance, float[] bigramUnknownChance, WordUnknowns wordUnknowns) {
        chars = new Batch(examples.stream().map(LatticeExample::chars).toList(), m, unknownChance, bigramUnknownChance);
        List<int[][]> words = new ArrayList<>(examples.size());
        int n = 0;
        for (LatticeExample e : examples) {
            words.add(e.words());
            n += e.words().length;
        }
        long[] ids = new long[n];
        int k = 0;
        for (int[][] sentence : words) {
            for (int[] w : sentence) {
                ids[k++] = w[2];
            }
        }
        wordIds = n == 0 ? null : Batch.withUnknowns(m, ids, new Shape(n), wordUnknowns.chance(), wordUnknowns.row());
        forward = LatticeSteps.of(words, chars.lengths, chars.steps, false);
        backward = LatticeSteps.of(words, chars.lengths, chars.steps, true);
    }

    LatticeBatch(List<LatticeExample> examples, NDManager m) {
        this(examples, m, null, null, WordUnknowns.NONE);
    }
}
