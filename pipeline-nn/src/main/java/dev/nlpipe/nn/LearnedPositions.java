package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Learned absolute position embeddings, BERT's {@code position_embeddings}: one trainable row per
 * position {@code 0..maxPositions-1}, named {@code prefix.weight} as Hugging Face names it.
 */
public final class LearnedPositions {
    private final Params params;
    private final String name;
    private final int maxPositions;
    private final int dim;

    /**
     * Creates the table with BERT's initialization, normal(0, 0.02).
     *
     * @param params where the table goes
     * @param prefix weight-name prefix (e.g. {@code embeddings.position_embeddings})
     * @param maxPositions the longest sequence (BERT: 512)
     * @param dim embedding size
     * @param rng the seeded initialization generator
     */
    public LearnedPositions(Params params, String prefix, int maxPositions, int dim, Random rng) {
        this(params, prefix, maxPositions, dim);
        params.create(name, new Shape(maxPositions, dim), Init.normal(0.02), rng);
    }

    /** Binds to a table that already exists in {@code params} (a loaded or copied network). */
    public static LearnedPositions bind(Params params, String prefix, int maxPositions, int dim) {
        LearnedPositions p = new LearnedPositions(params, prefix, maxPositions, dim);
        Shape s = params.get(p.name).getShape();
        if (!s.equals(new Shape(maxPositions, dim))) {
            throw new IllegalArgumentException("weight '" + p.name + "' has shape " + s + ", expected (" + maxPositions + ", "
                    + dim + ")");
        }
        return p;
    }

    private LearnedPositions(Params params, String prefix, int maxPositions, int dim) {
        this.params = params;
        this.name = prefix + ".weight";
        this.maxPositions = maxPositions;
        this.dim = dim;
    }

    /** The longest sequence the table covers. */
    public int maxPositions() {
        return maxPositions;
    }

    /**
     * The rows of positions {@code 0..steps-1}: {@code (steps, dim)}, in {@code manager}; add it to a
     * {@code (B, steps, dim)} batch by broadcasting.
     *
     * @param training whether this is a training pass (a table {@linkplain Params#updateByRows updated
     *     by rows} is then read through its row slice)
     */
    public NDArray forward(NDManager manager, int steps, boolean training) {
        if (steps > maxPositions) {
            throw new IllegalArgumentException("a sequence of " + steps + " positions is longer than the " + maxPositions
                    + " this table covers");
        }
        long[] ids = new long[steps];
        for (int i = 0; i < steps; i++) {
            ids[i] = i;
        }
        return forward(manager.create(ids), training);
    }

    /** The rows of given int64 position ids: {@code ids.shape + (dim)}, in the manager of {@code ids}. */
    public NDArray forward(NDArray ids, boolean training) {
        return params.embed(name, ids, training);
    }
}
