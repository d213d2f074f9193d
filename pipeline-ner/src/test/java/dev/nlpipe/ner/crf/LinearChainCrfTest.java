package dev.nlpipe.ner.crf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static void checkAgainstBruteForce(CrfProblem p) {
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
            checkAgainstBruteForce(CrfProblem.random(seed, 3, 5, new int[] {5, 3, 1, 4}, CrfConstraints.none(3)));
        }
    }

    @Test
    void partitionAndBestPathMatchEnumerationWithBioConstraints() {
        CrfConstraints bio = CrfConstraints.of(TagScheme.BIO, TAGS);
        for (long seed = 11; seed <= 16; seed++) {
            CrfProblem p = CrfProblem.random(seed, 5, 4, new int[] {4, 2, 3}, bio);
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
        checkAgainstBruteForce(CrfProblem.random(21, 5, 4, new int[] {4, 1, 3}, bioes));
        List<String> bmes = TagScheme.BMES.tags(List.of("X"));
        CrfConstraints c = CrfConstraints.of(TagScheme.BMES, bmes);
        assertTrue(!c.end()[bmes.indexOf("B-X")] && !c.start()[bmes.indexOf("M-X")] && !c.allowed()[0][bmes.indexOf("E-X")]);
    }

    @Test
    void goldScoreAndNllMatchEnumeration() {
        CrfProblem p = CrfProblem.random(31, 3, 4, new int[] {4, 2, 3}, CrfConstraints.none(3));
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
        CrfProblem p = CrfProblem.random(41, 3, 3, new int[] {3, 2}, CrfConstraints.none(3));
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

    private static double totalNll(CrfProblem p, long[] gold) {
        try (Params params = p.params(); NDManager m = params.manager().newSubManager()) {
            params.attachTo(m);
            LinearChainCrf crf = LinearChainCrf.bind(params, "crf", p.c());
            NDArray em = m.create(p.emissions(), new Shape(2, 3, 3));
            return crf.nll(em, m.create(gold, new Shape(2, 3)), p.lengths()).sum().getFloat();
        }
    }
}
