package dev.nlpipe.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.nn.bert.BertEncoding;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Encodings as the encoder's input arrays, padded to the longest of the batch (dynamic padding:
 * batches of similar lengths pad little).
 *
 * @param ids {@code (B, T)} int64 word-piece ids, 0 after each sequence
 * @param types {@code (B, T)} int64 token types
 * @param lengths each sequence's length
 */
public record BertInput(NDArray ids, NDArray types, int[] lengths) {

    /** The input of a batch, in {@code scope}. */
    public static BertInput of(List<BertEncoding> batch, NDManager scope) {
        return build(batch.size(), b -> batch.get(b).ids(), b -> batch.get(b).typeIds(), scope);
    }

    /** Rows of word-piece ids, special tokens included, all of token type 0, in {@code scope}. */
    public static BertInput ofIds(List<int[]> rows, NDManager scope) {
        return build(rows.size(), rows::get, b -> null, scope);
    }

    private static BertInput build(int rows, IntFunction<int[]> idsOf, IntFunction<int[]> typesOf, NDManager scope) {
        int steps = 0;
        for (int b = 0; b < rows; b++) {
            steps = Math.max(steps, idsOf.apply(b).length);
        }
        long[] ids = new long[rows * steps];
        long[] types = new long[ids.length];
        int[] lengths = new int[rows];
        for (int b = 0; b < rows; b++) {
            int[] row = idsOf.apply(b);
            int[] rowTypes = typesOf.apply(b);
            lengths[b] = row.length;
            for (int t = 0; t < row.length; t++) {
                ids[b * steps + t] = row[t];
                types[b * steps + t] = rowTypes == null ? 0 : rowTypes[t];
            }
        }
        Shape shape = new Shape(rows, steps);
        return new BertInput(scope.create(ids, shape), scope.create(types, shape), lengths);
    }

    /** The padded length. */
    public int steps() {
        return Math.toIntExact(ids.getShape().get(1));
    }
}
