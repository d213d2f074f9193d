package dev.nlpipe.bert.mlm;

import dev.nlpipe.nn.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * BERT's masking of a sequence for the masked-LM objective, as Google's
 * {@code create_pretraining_data.py} does it (and Chinese-BERT-wwm with whole words): of the
 * {@code n} maskable pieces, {@code max(1, round(n · probability))} are chosen by taking whole words
 * in random order, skipping a word that would overshoot the count (when every word would, one word is
 * taken anyway, so each sequence has something to predict); each chosen piece becomes
 * {@code [MASK]} with probability 0.8, a random piece of the vocabulary (never a special token) with
 * 0.1, and stays as it is with 0.1. The model must predict the original piece at every chosen
 * position. [CLS] and [SEP], and special tokens written in the text ({@link MlmCorpus}), are never
 * chosen (their word is -1).
 */
public final class Masking {
    /** The share of chosen pieces replaced by [MASK]. */
    public static final double MASK_TOKEN = 0.8;
    /** The share of chosen pieces replaced by a random piece (the rest stay unchanged). */
    public static final double RANDOM_TOKEN = 0.1;

    private final double probability;
    private final int maskId;
    private final boolean[] special;

    /**
     * @param probability the share of pieces to predict (BERT: 0.15)
     * @param maskId the id of [MASK]
     * @param vocabSize the vocabulary size (random replacements are drawn below it)
     * @param specialIds ids never drawn as random replacements ([PAD], [UNK], [CLS], [SEP], [MASK], ids without a piece)
     */
    public Masking(double probability, int maskId, int vocabSize, int... specialIds) {
        if (!(probability > 0) || probability >= 1) {
            throw new IllegalArgumentException("the masking probability must be above 0 and below 1, not " + probability);
        }
        this.probability = probability;
        this.maskId = maskId;
        this.special = new boolean[vocabSize];
        for (int id : specialIds) {
            if (id >= 0 && id < vocabSize) {
                special[id] = true;
            }
        }
        int ordinary = 0;
        for (boolean b : special) {
            ordinary += b ? 0 : 1;
        }
        if (ordinary == 0) {
            throw new IllegalArgumentException("the vocabulary has no piece to draw as a random replacement");
        }
    }

    /**
     * A masked sequence.
     *
     * @param inputs the ids the encoder sees
     * @param positions the chosen positions, ascending
     * @param labels the original ids at those positions
     */
    public record Masked(int[] inputs, int[] positions, int[] labels) {
        /** The number of positions, special tokens included. */
        public int length() {
            return inputs.length;
        }
    }

    /** The generator for sequence {@code index} in the given epoch of a run with this seed (epoch 0: fixed dev masking). */
    public static Random random(long seed, String purpose, int epoch, int index) {
        return new Random(Seeds.derive(seed ^ (index * 0x9E3779B97F4A7C15L), purpose, epoch));
    }

    /** Masks a sequence with randomness from {@code r}. */
    public Masked mask(MlmSequence seq, Random r) {
        int[] ids = seq.ids();
        int[] words = seq.words();
        List<int[]> spans = new ArrayList<>();
        int maskable = 0;
        for (int i = 0; i < ids.length; i++) {
            if (words[i] < 0) {
                continue;
            }
            maskable++;
            if (i > 0 && words[i - 1] == words[i]) {
                spans.get(spans.size() - 1)[1] = i + 1;
            } else {
                spans.add(new int[] {i, i + 1});
            }
        }
        int[] inputs = ids.clone();
        if (maskable == 0) {
            return new Masked(inputs, new int[0], new int[0]);
        }
        int target = Math.max(1, (int) Math.round(maskable * probability));
        Collections.shuffle(spans, r);
        boolean[] chosen = new boolean[ids.length];
        int count = 0;
        for (int[] span : spans) {
            if (count >= target) {
                break;
            }
            int size = span[1] - span[0];
            if (count + size > target) {
                continue;
            }
            Arrays.fill(chosen, span[0], span[1], true);
            count += size;
        }
        if (count == 0) {
            // every word is longer than the target (a short text of one long word): mask one word anyway
            Arrays.fill(chosen, spans.get(0)[0], spans.get(0)[1], true);
            count = spans.get(0)[1] - spans.get(0)[0];
        }
        int[] positions = new int[count];
        int[] labels = new int[count];
        int k = 0;
        for (int i = 0; i < ids.length; i++) {
            if (!chosen[i]) {
                continue;
            }
            positions[k] = i;
            labels[k++] = ids[i];
            double u = r.nextDouble();
            if (u < MASK_TOKEN) {
                inputs[i] = maskId;
            } else if (u < MASK_TOKEN + RANDOM_TOKEN) {
                inputs[i] = randomPiece(r);
            }
        }
        return new Masked(inputs, positions, labels);
    }

    private int randomPiece(Random r) {
        int id;
        do {
            id = r.nextInt(special.length);
        } while (special[id]);
        return id;
    }
}
