package dev.nlpipe.ner.bilstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.ner.data.Vocabulary;
import dev.nlpipe.nn.BiLstm;
import java.util.List;

/**
 * A padded mini-batch of examples as arrays in one manager: ids {@code (B, T)}, characters of
 * words {@code (B * T, W)}, gold tags, and the reversal indices of the BiLSTM.
 */
public final class Batch {
    /** Each sequence's length. */
    public final int[] lengths;
    /** The padded length. */
    public final int steps;
    /** Unit ids {@code (B, T)}. */
    public final NDArray units;
    /** Bigram ids {@code (B, T)}, or {@code null}. */
    public final NDArray bigrams;
    final NDArray shapes;
    final NDArray words;
    final NDArray chars;
    /** 1 where {@link #chars} holds a word's character, 0 where it pads the word to the batch's longest, {@code (B * T, W)}. */
    final NDArray charMask;
    /** Gold tag ids {@code (B, T)}, or {@code null} at inference. */
    public final NDArray tags;
    /** The reversal indices of {@link BiLstm#reverseIndex}. */
    public final NDArray reverse;

    /** A batch for inference or evaluation. */
    public Batch(List<Example> examples, NDManager m) {
        this(examples, m, null, null);
    }

    /**
     * A batch for training: each unit id {@code u} is read as unknown with chance {@code unknownChance[u]},
     * and each bigram id {@code g} with chance {@code bigramUnknownChance[g]} (none when {@code null}; drawn
     * from the engine's generator, which the training loop seeds per epoch).
     */
    public Batch(List<Example> examples, NDManager m, float[] unknownChance, float[] bigramUnknownChance) {
        this(examples, m, unknownChance, bigramUnknownChance, null);
    }

    /**
     * A batch for training with, in token mode, each character id {@code c} of the char CNN read as
     * unknown with chance {@code charUnknownChance[c]}, so its unknown row is trained too.
     */
    public Batch(List<Example> examples, NDManager m, float[] unknownChance, float[] bigramUnknownChance, float[] charUnknownChance) {
        int b = examples.size();
        lengths = new int[b];
        int t = 0;
        for (int i = 0; i < b; i++) {
            lengths[i] = examples.get(i).length();
            t = Math.max(t, lengths[i]);
        }
        steps = t;
        Example first = examples.get(0);
        units = ids(m, examples, Example::units, unknownChance);
        bigrams = first.bigrams() == null ? null : ids(m, examples, Example::bigrams, bigramUnknownChance);
        shapes = first.shapes() == null ? null : ids(m, examples, Example::shapes);
        words = first.words() == null ? null : ids(m, examples, Example::words);
        tags = first.tags() == null ? null : ids(m, examples, Example::tags);
        chars = first.chars() == null ? null : chars(m, examples, charUnknownChance);
        charMask = chars == null ? null : chars.neq(Vocabulary.PAD).toType(DataType.FLOAT32, false);
        reverse = BiLstm.reverseIndex(m, lengths, steps);
    }

    /**
     * The chance that each unit (or bigram) id is read as unknown while training: {@code wordDropout}
     * for all, at least {@code unkReplace} for those seen once ({@code rare}), never for padding or
     * unknown. {@code null} when nothing is replaced.
     */
    public static float[] unknownChances(boolean[] rare, double unkReplace, double wordDropout) {
        if (unkReplace <= 0 && wordDropout <= 0) {
            return null;
        }
        float[] chance = new float[rare.length];
        for (int id = Vocabulary.UNK + 1; id < rare.length; id++) {
            chance[id] = (float) (rare[id] ? Math.max(unkReplace, wordDropout) : wordDropout);
        }
        return chance;
    }

    private NDArray ids(NDManager m, List<Example> examples, java.util.function.Function<Example, int[]> field) {
        return ids(m, examples, field, null);
    }

    /** The padded ids of one field, each read as unknown with its chance (none when {@code unknownChance} is null). */
    private NDArray ids(NDManager m, List<Example> examples, java.util.function.Function<Example, int[]> field, float[] unknownChance) {
        long[] v = new long[examples.size() * steps];
        for (int i = 0; i < examples.size(); i++) {
            int[] ids = field.apply(examples.get(i));
            for (int j = 0; j < ids.length; j++) {
                v[i * steps + j] = ids[j];
            }
        }
        return withUnknowns(m, v, new Shape(examples.size(), steps), unknownChance);
    }

    /**
     * The ids {@code v} as an array of {@code shape}, each id {@code u} read as {@link Vocabulary#UNK}
     * with chance {@code unknownChance[u]} (none when {@code null}), drawn from the engine's generator.
     */
    public static NDArray withUnknowns(NDManager m, long[] v, Shape shape, float[] unknownChance) {
        return withUnknowns(m, v, shape, unknownChance, Vocabulary.UNK);
    }

    /** As {@link #withUnknowns(NDManager, long[], Shape, float[])}, reading ids as {@code unknownId}. */
    public static NDArray withUnknowns(NDManager m, long[] v, Shape shape, float[] unknownChance, int unknownId) {
        NDArray ids = m.create(v, shape);
        float[] chance = unknownChance == null ? null : chances(v, unknownChance);
        if (chance == null) {
            return ids;
        }
        NDArray draw = m.randomUniform(0, 1, shape).lt(m.create(chance, shape));
        return NDArrays.where(draw, m.full(shape, unknownId, DataType.INT64), ids);
    }

    /** Each position's chance of being read as unknown, or {@code null} when all are 0. */
    private static float[] chances(long[] ids, float[] unknownChance) {
        float[] chance = new float[ids.length];
        boolean any = false;
        for (int i = 0; i < ids.length; i++) {
            chance[i] = unknownChance[(int) ids[i]];
            any |= chance[i] > 0;
        }
        return any ? chance : null;
    }

    private NDArray chars(NDManager m, List<Example> examples, float[] unknownChance) {
        int width = 1;
        for (Example e : examples) {
            for (int[] w : e.chars()) {
                width = Math.max(width, w.length);
            }
        }
        long[] v = new long[examples.size() * steps * width];
        for (int i = 0; i < examples.size(); i++) {
            int[][] words = examples.get(i).chars();
            for (int j = 0; j < words.length; j++) {
                int base = (i * steps + j) * width;
                for (int c = 0; c < words[j].length; c++) {
                    v[base + c] = words[j][c];
                }
            }
        }
        return withUnknowns(m, v, new Shape((long) examples.size() * steps, width), unknownChance);
    }

    /** The number of sequences. */
    public int size() {
        return lengths.length;
    }
}
