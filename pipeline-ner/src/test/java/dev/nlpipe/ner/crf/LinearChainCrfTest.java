package dev.nlpipe.ner.crf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.core.tag.TagScheme;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CRF against brute-force enumeration of every tag path, and its gradients against finite differences. */
class LinearChainCrfTest {
    private static final List<String> TAGS = List.of("O", "B-X", "I-X", "B-Y", "I-Y");

    @BeforeAll
    static void engine() {
        NeuralEngine.noGrad();
    }

    /** A random CRF problem: emissions, weights, lengths. */
    private record Problem(int k, int t, int[] lengths, float[] emissions, float[] trans, float[] start, float[] end, CrfConstraints c) {
        static Problem random(long seed, int k, int t, int[] lengths, CrfConstraints c) {
            Random r = new Random(seed);
            return new Problem(k, t, lengths, gauss(r, lengths.length * t * k, 1.5), gauss(r, k * k, 1), gauss(r, k, 1), gauss(r, k, 1), c);
        }

        private static float[] gauss(Random r, int n, double std) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (r.nextGaussian() * std);
            }
            return v;
        }

        double em(int b, int pos, int tag) {
            return emissions[(b * t + pos) * k + tag];
        }

        /** The path's score, forbidden steps included (as the CRF scores them). */
        double score(int b, int[] path) {
            double s = start[path[0]] + (c.start()[path[0]] ? 0 : LinearChainCrf.FORBIDDEN) + em(b, 0, path[0]);
            for (int i = 1; i < path.length; i++) {
                s += trans[path[i - 1] * k + path[i]] + (c.allowed()[path[i - 1]][path[i]] ? 0 : LinearChainCrf.FORBIDDEN) + em(b, i, path[i]);
            }
            int last = path[path.length - 1];
            return s + end[last] + (c.end()[last] ? 0 : LinearChainCrf.FORBIDDEN);
        }

        /** Every path of a sequence's length: [logZ, best score], and the best path in {@code best}. */
        double[] enumerate(int b, int[] best) {
            int n = lengths[b];
            int total = (int) Math.pow(k, n);
            double max = Double.NEGATIVE_INFINITY;
            double[] scores = new double[total];
            for (int code = 0; code < total; code++) {
                int[] path = decodePath(code, n);
                scores[code] = score(b, path);
                if (scores[code] > max) {
                    max = scores[code];
                    System.arraycopy(path, 0, best, 0, n);
                }
            }
            double sum = 0;
            for (double s : scores) {
                sum += Math.exp(s - max);
            }
            return new double[] {max + Math.log(sum), max};
        }

        int[] decodePath(int code, int n) {
            int[] path = new int[n];
            for (int i = 0; i < n; i++) {
                path[i] = code % k;
                code /= k;
            }
            return path;
        }

        Params params() {
            Params p = new Params(Device.cpu(), true);
            p.put("crf.transitions", new Shape(k, k), trans);
            p.put("crf.start", new Shape(k), start);
            p.put("crf.end", new Shape(k), end);
            return p;
        }
    }

    private static void checkAgainstBruteForce(Problem p) {
        try (Params params = p.params(); NDManager m = params.manager().newSubManager()) {
            params.attachTo(m);
            LinearChainCrf crf = LinearChainCrf.bind(params, "crf", p.c());
            NDArray em = m.create(p.emissions(), new Shape(p.lengths().length, p.t(), p.k()));
            float[] logZ = crf.logPartition(em, p.lengths()).toFloatArray();
            LinearChainCrf.Best best = crf.viterbi(em, p.lengths());
            for (int b = 0; b < p.lengths().length; b++) {
                int[] path = new int[p.lengths()[b]];
                double[] brute = p.enumerate(b, path);
                assertEquals(brute[0], logZ[b], 1e-3 * Math.max(1, Math.abs(brute[0])), "log Z of sequence " + b);
                assertEquals(brute[1], best.scores()[b], 1e-3 * Math.max(1, Math.abs(brute[1])), "best score of sequence " + b);
                assertArrayEquals(path, best.paths()[b], "best path of sequence " + b);
            }
        }
    }

    @Test
    void partitionAndBestPathMatchEnumerationWithoutConstraints() {
        for (long seed = 1; seed <= 8; seed++) {
            checkAgainstBruteForce(Problem.random(seed, 3, 5, new int[] {5, 3, 1, 4}, CrfConstraints.none(3)));
        }
    }

    @Test
    void partitionAndBestPathMatchEnumerationWithBioConstraints() {
        CrfConstraints bio = CrfConstraints.of(TagScheme.BIO, TAGS);
        for (long seed = 11; seed <= 16; seed++) {
            Problem p = Problem.random(seed, 5, 4, new int[] {4, 2, 3}, bio);
            checkAgainstBruteForce(p);
            try (Params params = p.params(); NDManager m = params.manager().newSubManager()) {
                params.attachTo(m);
                int[][] paths = LinearChainCrf.bind(params, "crf", bio).decode(m.create(p.emissions(), new Shape(3, 4, 5)), p.lengths());
                for (int[] path : paths) {
                    assertTrue(bio.start()[path[0]] && bio.end()[path[path.length - 1]]);
                    for (int i = 1; i < path.length; i++) {
                        assertTrue(bio.allowed()[path[i - 1]][path[i]], "no I-X after O or B-Y: " + java.util.Arrays.toString(path));
                    }
                }
            }
        }
    }

    @Test
    void bioesAndBmesForbidUnfinishedEntities() {
        CrfConstraints bioes = CrfConstraints.of(TagScheme.BIOES, TagScheme.BIOES.tags(List.of("X")));
        checkAgainstBruteForce(Problem.random(21, 5, 4, new int[] {4, 1, 3}, bioes));
        List<String> bmes = TagScheme.BMES.tags(List.of("X"));
        CrfConstraints c = CrfConstraints.of(TagScheme.BMES, bmes);
        assertTrue(!c.end()[bmes.indexOf("B-X")] && !c.start()[bmes.indexOf("M-X")] && !c.allowed()[0][bmes.indexOf("E-X")]);
    }

    @Test
    void goldScoreAndNllMatchEnumeration() {
        Problem p = Problem.random(31, 3, 4, new int[] {4, 2, 3}, CrfConstraints.none(3));
        int[][] gold = {{0, 2, 1, 1}, {2, 0, 0, 0}, {1, 1, 2, 0}};
        try (Params params = p.params(); NDManager m = params.manager().newSubManager()) {
            params.attachTo(m);
            LinearChainCrf crf = LinearChainCrf.bind(params, "crf", p.c());
            NDArray em = m.create(p.emissions(), new Shape(3, 4, 3));
            long[] g = new long[12];
            for (int b = 0; b < 3; b++) {
                for (int t = 0; t < 4; t++) {
                    g[b * 4 + t] = gold[b][t];
                }
            }
            float[] nll = crf.nll(em, m.create(g, new Shape(3, 4)), p.lengths()).toFloatArray();
            for (int b = 0; b < 3; b++) {
                int[] path = java.util.Arrays.copyOf(gold[b], p.lengths()[b]);
                double expected = p.enumerate(b, new int[p.lengths()[b]])[0] - p.score(b, path);
                assertEquals(expected, nll[b], 1e-3, "NLL of sequence " + b);
                assertTrue(nll[b] > 0);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Problem p = Problem.random(41, 3, 3, new int[] {3, 2}, CrfConstraints.none(3));
        long[] gold = {0, 2, 1, 2, 1, 0};
        float[] analytic;
        float[] emissionGrad;
        try (Params params = p.params(); NDManager m = params.manager().newSubManager()) {
            params.attachTo(m);
            LinearChainCrf crf = LinearChainCrf.bind(params, "crf", p.c());
            NDArray em = m.create(p.emissions(), new Shape(2, 3, 3));
            em.setRequiresGradient(true);
            try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                gc.backward(crf.nll(em, m.create(gold, new Shape(2, 3)), p.lengths()).sum());
            }
            analytic = params.get("crf.transitions").getGradient().toFloatArray();
            emissionGrad = em.getGradient().toFloatArray();
        }
        double eps = 1e-2;
        for (int i = 0; i < p.trans().length; i++) {
            float saved = p.trans()[i];
            p.trans()[i] = (float) (saved + eps);
            double up = totalNll(p, gold);
            p.trans()[i] = (float) (saved - eps);
            double down = totalNll(p, gold);
            p.trans()[i] = saved;
            assertEquals((up - down) / (2 * eps), analytic[i], 2e-3, "d NLL / d transition " + i);
        }
        for (int i = 0; i < p.emissions().length; i++) {
            float saved = p.emissions()[i];
            p.emissions()[i] = (float) (saved + eps);
            double up = totalNll(p, gold);
            p.emissions()[i] = (float) (saved - eps);
            double down = totalNll(p, gold);
            p.emissions()[i] = saved;
            assertEquals((up - down) / (2 * eps), emissionGrad[i], 2e-3, "d NLL / d emission " + i);
        }
        // A padded position (sequence 1 has length 2 of 3) gets no gradient.
        for (int k = 0; k < 3; k++) {
            assertEquals(0f, emissionGrad[(3 + 2) * 3 + k], 0f);
        }
    }

    private static double totalNll(Problem p, long[] gold) {
        try (Params params = p.params(); NDManager m = params.manager().newSubManager()) {
            params.attachTo(m);
            LinearChainCrf crf = LinearChainCrf.bind(params, "crf", p.c());
            NDArray em = m.create(p.emissions(), new Shape(2, 3, 3));
            return crf.nll(em, m.create(gold, new Shape(2, 3)), p.lengths()).sum().getFloat();
        }
    }
}
