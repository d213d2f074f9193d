package dev.nlpipe.ner.crf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.data.ScoredSpan;
import dev.nlpipe.nn.HostArrays;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A linear-chain conditional random field over padded batches of emission scores: learned
 * transition scores between tags plus start and end scores; the negative log-likelihood by the
 * forward algorithm in log space, batched, one step per position; best paths by Viterbi. Both
 * read each sequence only up to its own length. Forbidden transitions ({@link CrfConstraints})
 * get a large negative score, so no path through them is counted or chosen. Viterbi decoding reads
 * the emission scores back and walks them in Java, and so does the forward–backward algorithm that
 * gives each decoded span its marginal probability ({@link #decodeWithScores}).
 */
public final class LinearChainCrf {
    /** The score added to a forbidden transition: far below any real path, finite so gradients stay finite. */
    static final float FORBIDDEN = -10000f;
    private final Params params;
    private final String prefix;
    private final CrfConstraints constraints;
    private final int tags;
    /** The constraints as additive scores, fixed for the life of the layer. */
    private final Penalties penalties;

    /**
     * Creates the transition weights ({@code prefix.transitions}, {@code .start}, {@code .end}).
     *
     * @param params where the weights go
     * @param prefix weight-name prefix
     * @param constraints the allowed transitions; its size is the number of tags
     * @param rng the seeded initialization generator
     */
    public LinearChainCrf(Params params, String prefix, CrfConstraints constraints, Random rng) {
        this(params, prefix, constraints);
        int k = tags;
        params.create(prefix + ".transitions", new Shape(k, k), Init.uniform(0.1), rng);
        params.create(prefix + ".start", new Shape(k), Init.uniform(0.1), rng);
        params.create(prefix + ".end", new Shape(k), Init.uniform(0.1), rng);
    }

    private LinearChainCrf(Params params, String prefix, CrfConstraints constraints) {
        this.params = params;
        this.prefix = prefix;
        this.constraints = constraints;
        this.tags = constraints.size();
        this.penalties = Penalties.of(constraints);
    }

    /** Binds to weights that already exist in {@code params}. */
    public static LinearChainCrf bind(Params params, String prefix, CrfConstraints constraints) {
        LinearChainCrf crf = new LinearChainCrf(params, prefix, constraints);
        if (params.get(prefix + ".transitions").getShape().get(0) != constraints.size()) {
            throw new IllegalArgumentException("the CRF weights are for " + params.get(prefix + ".transitions").getShape().get(0)
                    + " tags, the constraints for " + constraints.size());
        }
        return crf;
    }

    /** The number of tags. */
    public int size() {
        return tags;
    }

    /** The transition, start and end scores with the constraints applied, in {@code m}. */
    private NDArray[] effective(NDManager m, DataType type) {
        return new NDArray[] {
            m.create(penalties.transitions(), new Shape(tags, tags)).toType(type, false).add(params.get(prefix + ".transitions")),
            m.create(penalties.start(), new Shape(tags)).toType(type, false).add(params.get(prefix + ".start")),
            m.create(penalties.end(), new Shape(tags)).toType(type, false).add(params.get(prefix + ".end"))};
    }

    /** The constraints as additive scores: 0 where allowed, {@link #FORBIDDEN} where not. */
    private record Penalties(float[] transitions, float[] start, float[] end) {
        static Penalties of(CrfConstraints constraints) {
            int k = constraints.size();
            float[] t = new float[k * k];
            float[] s = new float[k];
            float[] e = new float[k];
            for (int i = 0; i < k; i++) {
                s[i] = constraints.start()[i] ? 0 : FORBIDDEN;
                e[i] = constraints.end()[i] ? 0 : FORBIDDEN;
                for (int j = 0; j < k; j++) {
                    t[i * k + j] = constraints.allowed()[i][j] ? 0 : FORBIDDEN;
                }
            }
            return new Penalties(t, s, e);
        }
    }

    /** A weight's values plus a penalty array, in Java. */
    private float[] withPenalty(String weight, float[] penalty) {
        float[] w = HostArrays.floats(params.get(prefix + weight));
        for (int i = 0; i < w.length; i++) {
            w[i] = penalty[i] + w[i];
        }
        return w;
    }

    /**
     * The negative log-likelihood of each sequence's gold tags.
     *
     * @param emissions {@code (B, T, K)} scores, padded after each sequence's end
     * @param gold {@code (B, T)} int64 tag ids (anything at padded positions)
     * @param lengths each sequence's length (at least 1)
     * @return {@code (B)}
     */
    public NDArray nll(NDArray emissions, NDArray gold, int[] lengths) {
        return logPartition(emissions, lengths).sub(score(emissions, gold, lengths));
    }

    /** The score of given tag paths: emissions plus start, transition and end scores. Returns {@code (B)}. */
    public NDArray score(NDArray emissions, NDArray gold, int[] lengths) {
        NDManager m = emissions.getManager();
        int batch = lengths.length;
        int steps = (int) emissions.getShape().get(1);
        NDArray[] eff = effective(m, emissions.getDataType());
        NDArray mask = mask(m, lengths, steps, emissions.getDataType());
        NDArray emitted = emissions.gather(gold.expandDims(2), 2).squeeze(2).mul(mask).sum(new int[] {1});
        long[] first = new long[batch];
        long[] last = new long[batch];
        long[] goldIds = gold.toLongArray();
        for (int b = 0; b < batch; b++) {
            first[b] = goldIds[b * steps];
            last[b] = goldIds[b * steps + lengths[b] - 1];
        }
        NDArray total = emitted.add(eff[1].take(m, m.create(first))).add(eff[2].take(m, m.create(last)));
        if (steps > 1) {
            NDArray pairs = Ops.times(gold.get(":, :-1"), tags).add(gold.get(":, 1:"));
            NDArray moved = eff[0].reshape(tags * (long) tags).take(m, pairs).mul(mask.get(":, 1:")).sum(new int[] {1});
            total = total.add(moved);
        }
        return total;
    }

    /** {@code log Z}, the log-sum of the scores of all tag paths, per sequence: {@code (B)}. */
    public NDArray logPartition(NDArray emissions, int[] lengths) {
        Lattice l = lattice(emissions);
        NDArray alpha = l.column(0).add(l.start());
        List<NDArray> alphas = new ArrayList<>(l.steps());
        alphas.add(alpha);
        for (int t = 1; t < l.steps(); t++) {
            alpha = Ops.logSumExp(alpha.expandDims(1).add(l.incoming()), 2).add(l.column(t));
            alphas.add(alpha);
        }
        return Ops.logSumExp(atLastPosition(l.manager(), alphas, lengths).add(l.end()), 1);
    }

    /**
     * What span probabilities are computed from: the forward and backward scores of every sequence.
     * Run in Java over the emission scores copied off the device once, as {@link #viterbi} is and
     * for the same reason: the batched NDArray recursion made tagging seven times slower on short
     * sentences. Training's {@link #logPartition} stays on NDArrays for its gradients.
     *
     * @param emissions {@code (B, T, K)}
     * @param lengths each sequence's length (at least 1)
     */
    public SpanMarginals marginals(NDArray emissions, int[] lengths) {
        return marginals(emissions.toType(DataType.FLOAT32, false).toFloatArray(), (int) emissions.getShape().get(1), lengths);
    }

    private SpanMarginals marginals(float[] em, int steps, int[] lengths) {
        return SpanMarginals.of(em, steps, lengths, withPenalty(".transitions", penalties.transitions()),
                withPenalty(".start", penalties.start()), withPenalty(".end", penalties.end()));
    }

    /**
     * The marginal probability of each span on a given path: that the sequence holds exactly that
     * entity, the path's tags at the span's positions and no tag next to it that would make it part of
     * a longer one ({@link SpanMarginals#spanProbability}), whatever the tags elsewhere.
     *
     * @param emissions {@code (B, T, K)}
     * @param lengths each sequence's length (at least 1)
     * @param paths per sequence, a tag path as long as the sequence (such as its Viterbi path)
     * @param spans per sequence, spans of positions of its path
     * @return per sequence, one probability per span, in order
     */
    public double[][] spanMarginals(NDArray emissions, int[] lengths, int[][] paths, List<List<TagScheme.TokenSpan>> spans) {
        return spanMarginals(marginals(emissions, lengths), paths, spans);
    }

    private double[][] spanMarginals(SpanMarginals marginals, int[][] paths, List<List<TagScheme.TokenSpan>> spans) {
        double[][] out = new double[paths.length][];
        for (int b = 0; b < paths.length; b++) {
            List<TagScheme.TokenSpan> s = spans.get(b);
            out[b] = new double[s.size()];
            for (int i = 0; i < out[b].length; i++) {
                out[b][i] = marginals.spanProbability(b, paths[b], s.get(i).start(), s.get(i).end(), constraints.continues());
            }
        }
        return out;
    }

    /**
     * The best path of each sequence (as {@link #decode}, the same paths) and the spans it marks,
     * each with its marginal probability ({@link #spanMarginals}): what a tagger writes as entity
     * scores.
     *
     * @param emissions {@code (B, T, K)}
     * @param lengths each sequence's length (at least 1)
     * @param spansOf the spans a path of tag ids marks, such as {@code TagSet::decode}
     */
    public List<ScoredPath> decodeWithScores(NDArray emissions, int[] lengths, Function<int[], List<TagScheme.TokenSpan>> spansOf) {
        float[] em = emissions.toType(DataType.FLOAT32, false).toFloatArray();
        int steps = (int) emissions.getShape().get(1);
        int[][] paths = viterbi(em, steps, lengths).paths();
        List<List<TagScheme.TokenSpan>> spans = Arrays.stream(paths).map(spansOf).toList();
        double[][] scores = spanMarginals(marginals(em, steps, lengths), paths, spans);
        List<ScoredPath> out = new ArrayList<>(paths.length);
        for (int b = 0; b < paths.length; b++) {
            List<ScoredSpan> scored = new ArrayList<>(spans.get(b).size());
            for (int i = 0; i < scores[b].length; i++) {
                scored.add(new ScoredSpan(spans.get(b).get(i), scores[b][i]));
            }
            out.add(new ScoredPath(paths[b], scored));
        }
        return out;
    }

    /**
     * What the forward algorithm and Viterbi both walk over: the emission scores split per position
     * and the constrained start, end and transition scores, the latter as {@code incoming[0][j][i]}
     * = score of {@code i → j}, so that each step reduces over the last, contiguous axis (several
     * times faster than over the middle one).
     */
    private record Lattice(NDManager manager, NDList columns, NDArray start, NDArray incoming, NDArray end) {
        int steps() {
            return columns.size();
        }

        /** The {@code (B, K)} emission scores at position {@code t}. */
        NDArray column(int t) {
            return columns.get(t).squeeze(1);
        }
    }

    private Lattice lattice(NDArray emissions) {
        NDManager m = emissions.getManager();
        NDArray[] eff = effective(m, emissions.getDataType());
        NDList columns = emissions.split(emissions.getShape().get(1), 1);
        return new Lattice(m, columns, eff[1], eff[0].transpose().expandDims(0), eff[2]);
    }

    /** The per-sequence values at each sequence's last position, from per-position {@code (B, K)} arrays. */
    private NDArray atLastPosition(NDManager m, List<NDArray> perStep, int[] lengths) {
        if (perStep.size() == 1) {
            return perStep.get(0);
        }
        NDArray stacked = NDArrays.stack(new NDList(perStep), 1);
        long[] idx = new long[lengths.length];
        for (int b = 0; b < lengths.length; b++) {
            idx[b] = lengths[b] - 1;
        }
        NDArray index = m.create(idx, new Shape(lengths.length, 1, 1)).broadcast(new Shape(lengths.length, 1, tags));
        return stacked.gather(index, 1).squeeze(1);
    }

    /**
     * The best tag path of each sequence (Viterbi), batched.
     *
     * @param emissions {@code (B, T, K)}
     * @param lengths each sequence's length (at least 1)
     * @return per sequence, its tag ids ({@code lengths[b]} of them)
     */
    public int[][] decode(NDArray emissions, int[] lengths) {
        return viterbi(emissions, lengths).paths();
    }

    /** Best paths and their scores. */
    public record Best(int[][] paths, float[] scores) {
    }

    /**
     * The best path of each sequence and its score. Runs in Java over the emission scores copied off
     * the device once: a batched NDArray Viterbi costs six native calls per position, which made
     * decoding, not the network, the bulk of inference time for short sentences. Ties go to the
     * lowest tag id, as {@code argMax} does.
     */
    public Best viterbi(NDArray emissions, int[] lengths) {
        return viterbi(emissions.toType(DataType.FLOAT32, false).toFloatArray(), (int) emissions.getShape().get(1), lengths);
    }

    private Best viterbi(float[] em, int steps, int[] lengths) {
        int batch = lengths.length;
        float[] trans = withPenalty(".transitions", penalties.transitions());
        float[] start = withPenalty(".start", penalties.start());
        float[] end = withPenalty(".end", penalties.end());
        int[][] paths = new int[batch][];
        float[] best = new float[batch];
        float[] score = new float[tags];
        float[] next = new float[tags];
        int[] back = new int[steps * tags];
        for (int b = 0; b < batch; b++) {
            int base = b * steps * tags;
            for (int j = 0; j < tags; j++) {
                score[j] = em[base + j] + start[j];
            }
            for (int t = 1; t < lengths[b]; t++) {
                int row = base + t * tags;
                for (int j = 0; j < tags; j++) {
                    float max = Float.NEGATIVE_INFINITY;
                    int arg = 0;
                    for (int i = 0; i < tags; i++) {
                        float v = score[i] + trans[i * tags + j];
                        if (v > max) {
                            max = v;
                            arg = i;
                        }
                    }
                    back[t * tags + j] = arg;
                    next[j] = max + em[row + j];
                }
                float[] swap = score;
                score = next;
                next = swap;
            }
            float max = Float.NEGATIVE_INFINITY;
            int tag = 0;
            for (int j = 0; j < tags; j++) {
                float v = score[j] + end[j];
                if (v > max) {
                    max = v;
                    tag = j;
                }
            }
            int[] path = new int[lengths[b]];
            path[lengths[b] - 1] = tag;
            for (int t = lengths[b] - 1; t > 0; t--) {
                tag = back[t * tags + tag];
                path[t - 1] = tag;
            }
            paths[b] = path;
            best[b] = max;
        }
        return new Best(paths, best);
    }

    /** A {@code (B, T)} mask, 1 within each sequence and 0 in its padding. */
    static NDArray mask(NDManager m, int[] lengths, int steps, DataType type) {
        float[] v = new float[lengths.length * steps];
        for (int b = 0; b < lengths.length; b++) {
            java.util.Arrays.fill(v, b * steps, b * steps + lengths[b], 1f);
        }
        return m.create(v, new Shape(lengths.length, steps)).toType(type, false);
    }
}
