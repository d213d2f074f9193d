package dev.nlpipe.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.nn.bert.BertEncoding;
import java.util.List;

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
        int steps = 0;
        for (BertEncoding e : batch) {
            steps = Math.max(steps, e.length());
        }
        long[] ids = new long[batch.size() * steps];
        long[] types = new long[ids.length];
        int[] lengths = new int[batch.size()];
        for (int b = 0; b < batch.size(); b++) {
            BertEncoding e = batch.get(b);
            lengths[b] = e.length();
            for (int t = 0; t < e.length(); t++) {
                ids[b * steps + t] = e.ids()[t];
                types[b * steps + t] = e.typeIds()[t];
            }
        }
        Shape shape = new Shape(batch.size(), steps);
        return new BertInput(scope.create(ids, shape), scope.create(types, shape), lengths);
    }

    /** The padded length. */
    public int steps() {
        return Math.toIntExact(ids.getShape().get(1));
    }
}
