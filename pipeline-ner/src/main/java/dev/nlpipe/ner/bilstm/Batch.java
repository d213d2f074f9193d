package dev.nlpipe.ner.bilstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.nn.BiLstm;
import java.util.List;

/**
 * A padded mini-batch of examples as arrays in one manager: ids {@code (B, T)}, characters of
 * words {@code (B * T, W)}, gold tags, and the reversal indices of the BiLSTM.
 */
final class Batch {
    final int[] lengths;
    final int steps;
    final NDArray units;
    final NDArray bigrams;
    final NDArray shapes;
    final NDArray words;
    final NDArray chars;
    final NDArray tags;
    final NDArray reverse;

    /** A batch for inference or evaluation. */
    Batch(List<Example> examples, NDManager m) {
        this(examples, m, null, 0);
    }

    /**
     * A batch for training: each unit marked in {@code rare} is read as unknown with chance
     * {@code rate} (drawn from the engine's generator, which the training loop seeds per epoch).
     */
    Batch(List<Example> examples, NDManager m, boolean[] rare, double rate) {
        int b = examples.size();
        lengths = new int[b];
        int t = 0;
        for (int i = 0; i < b; i++) {
            lengths[i] = examples.get(i).length();
            t = Math.max(t, lengths[i]);
        }
        steps = t;
        Example first = examples.get(0);
        units = rate > 0 && rare != null ? replaceRare(ids(m, examples, Example::units), rare, rate, m) : ids(m, examples, Example::units);
        bigrams = first.bigrams() == null ? null : ids(m, examples, Example::bigrams);
        shapes = first.shapes() == null ? null : ids(m, examples, Example::shapes);
        words = first.words() == null ? null : ids(m, examples, Example::words);
        tags = first.tags() == null ? null : ids(m, examples, Example::tags);
        chars = first.chars() == null ? null : chars(m, examples);
        reverse = BiLstm.reverseIndex(m, lengths, steps);
    }

    private NDArray ids(NDManager m, List<Example> examples, java.util.function.Function<Example, int[]> field) {
        long[] v = new long[examples.size() * steps];
        for (int i = 0; i < examples.size(); i++) {
            int[] ids = field.apply(examples.get(i));
            for (int j = 0; j < ids.length; j++) {
                v[i * steps + j] = ids[j];
            }
        }
        return m.create(v, new Shape(examples.size(), steps));
    }

    private static NDArray replaceRare(NDArray ids, boolean[] rare, double rate, NDManager m) {
        long[] v = ids.toLongArray();
        boolean[] mask = new boolean[v.length];
        boolean any = false;
        for (int i = 0; i < v.length; i++) {
            mask[i] = rare[(int) v[i]];
            any |= mask[i];
        }
        if (!any) {
            return ids;
        }
        NDArray draw = m.randomUniform(0, 1, ids.getShape()).lt(rate).logicalAnd(m.create(mask, ids.getShape()));
        return NDArrays.where(draw, m.full(ids.getShape(), Vocabulary.UNK, DataType.INT64), ids);
    }

    private NDArray chars(NDManager m, List<Example> examples) {
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
        return m.create(v, new Shape((long) examples.size() * steps, width));
    }

    int size() {
        return lengths.length;
    }
}
