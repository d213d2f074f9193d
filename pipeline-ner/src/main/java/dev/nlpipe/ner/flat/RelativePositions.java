package dev.nlpipe.ner.flat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.SinusoidalPositions;
import java.util.Random;

/**
 * FLAT's relative position encoding of every pair of lattice spans. For spans {@code i} and
 * {@code j} with heads {@code h} and tails {@code t} the four distances
 * <pre>
 * d_hh = h_i - h_j,  d_ht = h_i - t_j,  d_th = t_i - h_j,  d_tt = t_i - t_j
 * </pre>
 * each pass through the fixed sinusoidal table ({@link SinusoidalPositions}, the reference code's
 * layout) and are fused by a linear layer and a ReLU:
 * <pre>
 * R_ij = ReLU(W_f · [p(d_hh); p(d_ht); p(d_th); p(d_tt)] + b_f)       (hidden)
 * </pre>
 * All four distances follow from {@code Δ = h_i - h_j} and the two spans' lengths, so {@code R} is
 * computed once per combination of {@code Δ} (in {@code -(n-1)..n-1} for the batch's longest
 * sentence of {@code n} characters) and the two lengths (up to the batch's longest span), and each
 * pair then looks up its row: one lookup over the {@code (B, L, L)} pairs instead of one per fused
 * distance plus their sum and ReLU, with the same values (the fused sum is taken in the same order).
 * {@code R} is shared by all layers, as in the reference code. The reference code's default fuses only
 * {@code d_hh} and {@code d_tt} ({@link #TWO}; {@link FlatVariant#REFERENCE}). Weights:
 * {@code pos.fuse.weight} {@code (hidden, n·hidden)} for {@code n} fused distances and
 * {@code pos.fuse.bias}.
 */
final class RelativePositions {
    static final String WEIGHT = "pos.fuse.weight";
    static final String BIAS = "pos.fuse.bias";
    /** All four distances, in the order {@code d_hh, d_ht, d_th, d_tt}: the paper's fusion. */
    static final int[] FOUR = {0, 1, 2, 3};
    /** Head–head and tail–tail only: the reference code's default ({@code ff_two}). */
    static final int[] TWO = {0, 3};
    private final Params params;
    private final int hidden;
    private final int[] fused;

    private RelativePositions(Params params, int hidden, int[] fused) {
        this.params = params;
        this.hidden = hidden;
        this.fused = fused.clone();
    }

    /**
     * Creates the fusion layer: Xavier-uniform matrix, zero bias.
     *
     * @param fused the distances fused, indices into {@code d_hh, d_ht, d_th, d_tt} ({@link #FOUR} or {@link #TWO})
     */
    static RelativePositions create(Params params, int hidden, int[] fused, Random rng) {
        params.create(WEIGHT, new Shape(hidden, (long) fused.length * hidden), Init.xavierUniform(), rng);
        params.create(BIAS, new Shape(hidden), Init.zeros(), rng);
        return new RelativePositions(params, hidden, fused);
    }

    /** Binds to existing weights. */
    static RelativePositions bind(Params params, int hidden, int[] fused) {
        Shape s = params.get(WEIGHT).getShape();
        if (!s.equals(new Shape(hidden, (long) fused.length * hidden))) {
            throw new IllegalArgumentException("weight '" + WEIGHT + "' has shape " + s + ", expected (" + hidden + ", "
                    + fused.length * hidden + ")");
        }
        params.get(BIAS);
        return new RelativePositions(params, hidden, fused);
    }

    /**
     * {@code R} for a batch: {@code (B, L, L, hidden)}.
     *
     * @param longest the batch's most characters in a sentence (distances lie in {@code -(longest-1)..longest-1})
     */
    NDArray encode(NDArray heads, NDArray tails, int longest) {
        NDManager m = heads.getManager();
        int span = Math.max(longest - 1, 0);
        NDArray extra = tails.sub(heads); // a span's length - 1
        int widest = (int) extra.max().getLong() + 1;
        NDArray table = SinusoidalPositions.range(m, -span, span, hidden, SinusoidalPositions.Layout.CONCATENATED);
        NDArray w = params.get(WEIGHT);
        long[][] rows = combinationRows(span, widest);
        NDArray r = null;
        for (int k = 0; k < fused.length; k++) {
            NDArray block = Ops.linear(table, w.get(":, " + (k * hidden) + ":" + ((k + 1) * hidden)), null);
            NDArray looked = Ops.embedding(m.create(rows[fused[k]]), block);
            r = r == null ? looked : r.add(looked);
        }
        NDArray perCombination = Activation.relu(r.add(params.get(BIAS)));
        // the row of pair (i, j): ((Δ + span) · widest + extra_i) · widest + extra_j
        NDArray delta = heads.expandDims(2).sub(heads.expandDims(1)).add(span);
        NDArray key = Ops.times(Ops.times(delta, widest).add(extra.expandDims(2)), widest).add(extra.expandDims(1));
        return Ops.embedding(key, perCombination);
    }

    /**
     * For each of the four distances ({@code d_hh, d_ht, d_th, d_tt}), its row in the sinusoid
     * table for every combination {@code (Δ, extra_i, extra_j)}, {@code extra} being a span's length
     * - 1: {@code d_hh = Δ}, {@code d_ht = Δ - extra_j}, {@code d_th = Δ + extra_i},
     * {@code d_tt = Δ + extra_i - extra_j}. Combinations no pair of the batch has may fall outside
     * the table and are clamped to it; their rows are never looked up.
     */
    private static long[][] combinationRows(int span, int widest) {
        int n = (2 * span + 1) * widest * widest;
        long[][] rows = new long[4][n];
        int row = 0;
        for (int delta = -span; delta <= span; delta++) {
            for (int ei = 0; ei < widest; ei++) {
                for (int ej = 0; ej < widest; ej++) {
                    int[] d = {delta, delta - ej, delta + ei, delta + ei - ej};
                    for (int k = 0; k < 4; k++) {
                        rows[k][row] = Math.clamp(d[k], -span, span) + span;
                    }
                    row++;
                }
            }
        }
        return rows;
    }
}
