package dev.nlpipe.ner.crf;

/**
 * The forward and backward scores of a batch of sequences under a {@link LinearChainCrf}, from
 * which the marginal probability of any run of tags is a sum over the run:
 * {@code exp(alpha_s(first) + transitions and emissions inside + beta_e(last) - log Z)}. Start and
 * end scores come in through {@code alpha} and {@code beta}; forbidden transitions through their
 * penalty, so a run through one has a probability of (about) zero. Computed in double precision.
 */
public final class SpanMarginals {
    private final int tags;
    private final int steps;
    private final float[] emissions;
    private final float[] transitions;
    /** {@code (B, T, K)}: log-sum of the scores of all paths from the start to tag j at t, emission at t included. */
    private final double[] alpha;
    /** {@code (B, T, K)}: log-sum of the scores of all paths from tag i at t to the end, emission at t included. */
    private final double[] fromEnd;
    private final double[] logZ;

    private SpanMarginals(int tags, int steps, float[] emissions, float[] transitions, double[] alpha, double[] fromEnd, double[] logZ) {
        this.tags = tags;
        this.steps = steps;
        this.emissions = emissions;
        this.transitions = transitions;
        this.alpha = alpha;
        this.fromEnd = fromEnd;
        this.logZ = logZ;
    }

    /**
     * Runs the forward–backward algorithm over each sequence up to its own length.
     *
     * @param emissions {@code (B, T, K)} emission scores, flat
     * @param steps positions per sequence, padding included
     * @param lengths each sequence's length (at least 1)
     * @param transitions {@code (K, K)} constrained transition scores, {@code [from][to]}, flat
     * @param start constrained start scores
     * @param end constrained end scores
     */
    static SpanMarginals of(float[] emissions, int steps, int[] lengths, float[] transitions, float[] start, float[] end) {
        int k = start.length;
        double[] alpha = new double[lengths.length * steps * k];
        double[] fromEnd = new double[alpha.length];
        double[] logZ = new double[lengths.length];
        double[] last = new double[k];
        double[] expTrans = new double[k * k];
        for (int i = 0; i < expTrans.length; i++) {
            expTrans[i] = Math.exp(transitions[i]);
        }
        for (int b = 0; b < lengths.length; b++) {
            int base = b * steps * k;
            sweep(emissions, expTrans, start, base, lengths[b], k, false, alpha);
            sweep(emissions, expTrans, end, base, lengths[b], k, true, fromEnd);
            for (int j = 0; j < k; j++) {
                last[j] = alpha[base + (lengths[b] - 1) * k + j] + end[j];
            }
            logZ[b] = logSumExp(last);
        }
        return new SpanMarginals(k, steps, emissions, transitions, alpha, fromEnd, logZ);
    }

    /**
     * One direction of the recursion over a sequence: forward from {@code first} (the start
     * scores), or backward from the end scores, which is the same recursion over reversed positions
     * with each transition read the other way round. Each step sums in probability space, scaled
     * by the previous position's largest score, with the transitions exponentiated once
     * ({@code expTrans}): {@code k} exponentials a position instead of {@code k²}.
     */
    private static void sweep(float[] em, double[] expTrans, float[] first, int base, int n, int k, boolean backward, double[] out) {
        double[] scaled = new double[k];
        for (int s = 0; s < n; s++) {
            int t = backward ? n - 1 - s : s;
            int row = base + t * k;
            if (s == 0) {
                for (int j = 0; j < k; j++) {
                    out[row + j] = first[j] + em[row + j];
                }
                continue;
            }
            int prev = base + (backward ? t + 1 : t - 1) * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                max = Math.max(max, out[prev + i]);
            }
            for (int i = 0; i < k; i++) {
                scaled[i] = Math.exp(out[prev + i] - max);
            }
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += scaled[i] * (backward ? expTrans[j * k + i] : expTrans[i * k + j]);
                }
                out[row + j] = max + Math.log(sum) + em[row + j];
            }
        }
    }

    private static double logSumExp(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /**
     * The probability that sequence {@code b} has exactly {@code path}'s tags at positions
     * {@code start} to {@code end} (exclusive), whatever its tags elsewhere; at most 1 (rounding can
     * put a certain run a hair above it).
     */
    public double probability(int b, int[] path, int start, int end) {
        return spanProbability(b, path, start, end, null);
    }

    /**
     * The probability that sequence {@code b} holds exactly the entity that {@code path}'s tags mark
     * from {@code start} to {@code end} (exclusive): those tags there, and neither the tag before it
     * nor the tag after it one that makes it part of a longer entity ({@code continues}, as in
     * {@link CrfConstraints#continues}). Under BIOES or BMES the span's own tags close it and this is
     * {@link #probability}; under BIO an {@code I-X} after it would extend it.
     *
     * @param path the sequence's tags, as long as the sequence
     * @param continues {@code null} for the run of tags alone ({@link #probability})
     */
    public double spanProbability(int b, int[] path, int start, int end, boolean[][] continues) {
        int base = b * steps * tags;
        double s = start == 0 || continues == null ? alpha[base + start * tags + path[start]]
                : closedStart(base, path[start], start, continues);
        for (int t = start + 1; t < end; t++) {
            s += transitions[path[t - 1] * tags + path[t]] + emissions[base + t * tags + path[t]];
        }
        int lastCell = base + (end - 1) * tags + path[end - 1];
        double rest = end == path.length || continues == null ? fromEnd[lastCell] - emissions[lastCell]
                : closedEnd(base, path[end - 1], end, continues);
        return Math.min(1.0, Math.exp(s + rest - logZ[b]));
    }

    /** {@code alpha} of {@code tag} at {@code t > 0}, over the paths whose tag at {@code t - 1} does not run into it. */
    private double closedStart(int base, int tag, int t, boolean[][] continues) {
        double[] terms = new double[tags];
        for (int i = 0; i < tags; i++) {
            terms[i] = continues[i][tag] ? Double.NEGATIVE_INFINITY : alpha[base + (t - 1) * tags + i] + transitions[i * tags + tag];
        }
        return logSumExp(terms) + emissions[base + t * tags + tag];
    }

    /** The paths' scores from after {@code tag} at {@code t - 1} to the end, over those whose tag at {@code t} does not go on with it. */
    private double closedEnd(int base, int tag, int t, boolean[][] continues) {
        double[] terms = new double[tags];
        for (int j = 0; j < tags; j++) {
            terms[j] = continues[tag][j] ? Double.NEGATIVE_INFINITY : transitions[tag * tags + j] + fromEnd[base + t * tags + j];
        }
        return logSumExp(terms);
    }
}
