package dev.nlpipe.ner.crf;

/**
 * The forward and backward scores of a batch of sequences under a {@link LinearChainCrf}, read
 * back to Java once, from which the marginal probability of any run of tags is a sum over the
 * run: {@code exp(alpha_s(first) + transitions and emissions inside + beta_e(last) - log Z)}.
 * Start and end scores come in through {@code alpha} and {@code beta}; forbidden transitions
 * through their penalty, so a run through one has a probability of about zero.
 */
public final class SpanMarginals {
    private final int tags;
    private final int steps;
    private final float[] emissions;
    private final float[] transitions;
    private final float[] alpha;
    private final float[] beta;
    private final float[] logZ;

    /**
     * @param tags tags per position
     * @param steps positions per sequence, padding included
     * @param emissions {@code (B, T, K)} emission scores, flat
     * @param transitions {@code (K, K)} constrained transition scores, {@code [from][to]}, flat
     * @param alpha {@code (B, T, K)} forward scores (emission at {@code t} included), flat
     * @param beta {@code (B, T, K)} backward scores (emission at {@code t} not included, end score included), flat
     * @param logZ {@code (B)} log partition
     */
    SpanMarginals(int tags, int steps, float[] emissions, float[] transitions, float[] alpha, float[] beta, float[] logZ) {
        this.tags = tags;
        this.steps = steps;
        this.emissions = emissions;
        this.transitions = transitions;
        this.alpha = alpha;
        this.beta = beta;
        this.logZ = logZ;
    }

    /**
     * The log-probability that sequence {@code b} has exactly {@code path}'s tags at positions
     * {@code start} to {@code end} (exclusive), whatever its tags elsewhere.
     */
    public double logProbability(int b, int[] path, int start, int end) {
        int base = b * steps * tags;
        double s = alpha[base + start * tags + path[start]];
        for (int t = start + 1; t < end; t++) {
            s += transitions[path[t - 1] * tags + path[t]] + emissions[base + t * tags + path[t]];
        }
        return s + beta[base + (end - 1) * tags + path[end - 1]] - logZ[b];
    }

    /**
     * {@link #logProbability} as a probability, at most 1 (float rounding in the recursions can
     * put a certain span a hair above it).
     */
    public double probability(int b, int[] path, int start, int end) {
        return Math.min(1.0, Math.exp(logProbability(b, path, start, end)));
    }
}
