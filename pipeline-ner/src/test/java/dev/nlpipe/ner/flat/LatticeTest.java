package dev.nlpipe.ner.flat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.SinusoidalPositions;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flat lattice of a hand-checked sentence, 北京人 with the lexicon words 北京 and 京人 (3 characters,
 * 2 words), its four distance matrices element by element, the fused position encoding against
 * the linear layer applied pair by pair, and the attention term against FLAT's formula.
 */
class LatticeTest {
    // characters 北 京 人 at 0, 1, 2; words 北京 [0, 2) and 京人 [1, 3)
    private static final Lattice LATTICE = Lattice.of(new int[] {5, 6, 7}, null, new int[] {0, 1}, new int[] {2, 3}, new int[] {1, 2},
            null, null);

    @BeforeAll
    static void engine() {
        NeuralEngine.noGrad();
    }

    @Test
    void charactersComeFirstThenWordsWithTheirFirstAndLastCharacter() {
        assertEquals(3, LATTICE.length());
        assertEquals(5, LATTICE.size());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, LATTICE.heads());
        assertArrayEquals(new int[] {0, 1, 2, 1, 2}, LATTICE.tails());
        assertArrayEquals(new int[] {1, 2}, LATTICE.words());
    }

    @Test
    void aWordOutsideTheSentenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Lattice.of(new int[] {5, 6}, null, new int[] {1}, new int[] {3}, new int[] {1},
                null, null));
    }

    @Test
    void theFourDistancesElementByElement() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray heads = m.create(new long[] {0, 1, 2, 0, 1}, new Shape(1, 5));
            NDArray tails = m.create(new long[] {0, 1, 2, 1, 2}, new Shape(1, 5));
            NDList d = RelativePositions.distances(heads, tails);
            // rows i (the query span), columns j (the key span): 北 京 人 北京 京人
            long[] hh = {
                0, -1, -2, 0, -1,
                1, 0, -1, 1, 0,
                2, 1, 0, 2, 1,
                0, -1, -2, 0, -1,
                1, 0, -1, 1, 0};
            long[] ht = {
                0, -1, -2, -1, -2,
                1, 0, -1, 0, -1,
                2, 1, 0, 1, 0,
                0, -1, -2, -1, -2,
                1, 0, -1, 0, -1};
            long[] th = {
                0, -1, -2, 0, -1,
                1, 0, -1, 1, 0,
                2, 1, 0, 2, 1,
                1, 0, -1, 1, 0,
                2, 1, 0, 2, 1};
            long[] tt = {
                0, -1, -2, -1, -2,
                1, 0, -1, 0, -1,
                2, 1, 0, 1, 0,
                1, 0, -1, 0, -1,
                2, 1, 0, 1, 0};
            long[][] expected = {hh, ht, th, tt};
            for (int k = 0; k < 4; k++) {
                assertEquals(new Shape(1, 5, 5), d.get(k).getShape());
                assertArrayEquals(expected[k], d.get(k).toLongArray(), "distance matrix " + k);
            }
        }
    }

    @Test
    void theFusedEncodingIsTheLinearLayerAndReluOnEachPairsFourSinusoids() {
        int hidden = 6;
        int[] heads = {0, 1, 2, 0, 1};
        int[] tails = {0, 1, 2, 1, 2};
        try (Params p = new Params(Device.cpu(), false)) {
            RelativePositions positions = RelativePositions.create(p, hidden, new Random(3));
            p.get(RelativePositions.BIAS).set(new float[] {0.1f, -0.2f, 0.3f, 0f, -0.05f, 0.2f});
            float[] w = p.get(RelativePositions.WEIGHT).toFloatArray();
            float[] b = p.get(RelativePositions.BIAS).toFloatArray();
            NDManager m = p.manager();
            NDArray r = positions.encode(m.create(new long[] {0, 1, 2, 0, 1}, new Shape(1, 5)),
                    m.create(new long[] {0, 1, 2, 1, 2}, new Shape(1, 5)), 3);
            assertEquals(new Shape(1, 5, 5, hidden), r.getShape());
            float[] got = r.toFloatArray();
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    int[] dist = {heads[i] - heads[j], heads[i] - tails[j], tails[i] - heads[j], tails[i] - tails[j]};
                    float[] input = new float[4 * hidden];
                    for (int k = 0; k < 4; k++) {
                        float[] row = SinusoidalPositions.values(new int[] {dist[k]}, hidden, SinusoidalPositions.Layout.CONCATENATED);
                        System.arraycopy(row, 0, input, k * hidden, hidden);
                    }
                    for (int o = 0; o < hidden; o++) {
                        double s = b[o];
                        for (int c = 0; c < 4 * hidden; c++) {
                            s += w[o * 4 * hidden + c] * input[c];
                        }
                        assertEquals(Math.max(0, s), got[((i * 5) + j) * hidden + o], 1e-5, "R[" + i + "][" + j + "][" + o + "]");
                    }
                }
            }
        }
    }

    @Test
    void theAttentionTermIsFlatsPositionTermsWithTheUAndVBiases() {
        FlatSpec spec = new FlatSpec(TagScheme.BIOES, 4, 0, 4, 2, 3, 2, 1, 0, 0, 0, 0, 0, 0, 1, true, null, 16);
        int heads = 2;
        int d = 3;
        int hidden = 6;
        int t = 4;
        Random rng = new Random(11);
        try (Params p = new Params(Device.cpu(), false)) {
            FlatLayer layer = FlatLayer.create(p, "layer.0", spec, rng);
            NDManager m = p.manager();
            float[] q = gauss(rng, heads * t * d);
            float[] k = gauss(rng, heads * t * d);
            float[] r = gauss(rng, t * t * hidden);
            NDArray term = layer.term(m.create(r, new Shape(1, t, t, hidden)))
                    .apply(m.create(q, new Shape(1, heads, t, d)), m.create(k, new Shape(1, heads, t, d)));
            assertEquals(new Shape(1, heads, t, t), term.getShape());
            float[] got = term.toFloatArray();
            float[] u = p.get("layer.0.attention.u").toFloatArray();
            float[] v = p.get("layer.0.attention.v").toFloatArray();
            float[] wr = p.get("layer.0.attention.rel.weight").toFloatArray();
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < t; j++) {
                        double s = 0;
                        for (int e = 0; e < d; e++) {
                            // (W_r R_ij) for head h, feature e
                            double projected = 0;
                            for (int c = 0; c < hidden; c++) {
                                projected += wr[(h * d + e) * hidden + c] * r[(i * t + j) * hidden + c];
                            }
                            s += (q[(h * t + i) * d + e] + v[h * d + e]) * projected + u[h * d + e] * k[(h * t + j) * d + e];
                        }
                        assertEquals(s, got[(h * t + i) * t + j], 1e-4, "head " + h + " [" + i + "][" + j + "]");
                    }
                }
            }
        }
    }

    private static float[] gauss(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
