package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;

/**
 * An additive term of the attention scores, the hook for relative positions. {@link SelfAttention}
 * calls it with the projected queries and keys of every head and adds what it returns to
 * {@code q·kᵀ} before the {@code 1/√d} scaling, the padding mask and the softmax:
 * <pre>
 * scores = (q·kᵀ + term(q, k)) / √d + mask
 * </pre>
 * This is where Hugging Face's relative-key embeddings, Transformer-XL and FLAT (Li et al. 2020)
 * add their position terms, so such a term is scaled like the content score. A term that depends
 * on the queries, FLAT's {@code (q + v)·R_ij + u·k_j} with learned per-head biases {@code u, v} and
 * relative-position encodings {@code R}, is computed from the arguments:
 * <pre>{@code
 * ScoreTerm flat = (q, k) -> {
 *     // q, k: (B, H, T, d); u, v: (H, d) weights; r: (B, T, T, H, d) or broadcastable
 *     NDArray qv = q.add(v.reshape(1, heads, 1, d));                                // (B, H, T, d)
 *     NDArray bd = qv.transpose(0, 2, 1, 3).expandDims(2).mul(r).sum(new int[] {4})  // (B, T, T, H)
 *             .transpose(0, 3, 1, 2);                                             // (B, H, T, T)
 *     NDArray uk = k.matMul(u.reshape(heads, d, 1)).transpose(0, 1, 3, 2);          // (B, H, 1, T)
 *     return bd.add(uk);
 * };
 * }</pre>
 * Gradients flow through the term into the queries, the keys and whatever it reads.
 */
@FunctionalInterface
public interface ScoreTerm {

    /**
     * The term for one pass.
     *
     * @param queries the projected queries, bias included and not yet scaled: {@code (B, H, T, d)}
     * @param keys the projected keys: {@code (B, H, T, d)}
     * @return an array broadcastable to {@code (B, H, T, T)} (query {@code i}, key {@code j} last),
     *     of the queries' type
     */
    NDArray apply(NDArray queries, NDArray keys);

    /** A term that does not depend on the queries: a fixed array broadcastable to {@code (B, H, T, T)}. */
    static ScoreTerm constant(NDArray term) {
        return (q, k) -> term;
    }
}
