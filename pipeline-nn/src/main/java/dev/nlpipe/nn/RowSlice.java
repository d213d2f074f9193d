package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * The rows of an embedding table that one training batch reads, for weights that are
 * {@linkplain Params#updateByRows updated by rows}: their ids (ascending, each once) and a copy of
 * those rows that collects the batch's gradient, so neither the backward pass nor the optimizer
 * touches the table's other rows. Both arrays live in the batch's scope.
 *
 * @param ids the row ids, a 1-d integer array
 * @param rows the rows' values {@code (ids, dim)}, carrying a gradient
 */
public record RowSlice(NDArray ids, NDArray rows) {

    /** The index that selects these rows of the table (or of an array shaped like it). */
    public NDIndex index() {
        return new NDIndex("{}", ids);
    }

    /** The gradient of the batch's loss with respect to these rows. */
    public NDArray gradient() {
        return rows.getGradient();
    }
}
