package dev.nlpipe.ner.flat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
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
 * 2 words), its four distance matrices element by element, the fused position encoding (four
 * distances and the reference code's two) against the linear layer applied pair by pair, the
 * attention term against FLAT's formula, and the reference code's form of the layer against a hand
 * computation.
 */
class LatticeTest {
    // characters 北 京 人 at 0, 1, 2; words 北京 [0, 2) and 京人 [1, 3)
    private static final Lattice LATTICE = Lattice.of(new int[] {5, 6, 7}, null, new int[] {0, 1}, new int[] {2, 3}, new int[] {1, 2},
            null, null);

    private static final int TINY_HEADS = 2;
    private static final int TINY_HEAD_DIM = 3;

    /** A FLAT layer of 2 heads × 3 features, feed-forward 2×, without dropout. */
    static FlatSpec tinySpec(FlatVariant variant) {
        return new FlatSpec(TagScheme.BIOES, 4, 0, 4, TINY_HEADS, TINY_HEAD_DIM, 2, 1, 0, 0, 0, 0, 0, 0, 1, true, null, 16, variant);
    }

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
    void theFusedEncodingIsTheLinearLayerAndReluOnEachPairsSinusoids() {
        int hidden = 6;
        // a batch of two lattices: 北 京 人 北京 京人 北京人 (spans of one, two and three characters), and
        // 京 人 京人 padded with spans at 0
        long[][] heads = {{0, 1, 2, 0, 1, 0}, {0, 1, 0, 0, 0, 0}};
        long[][] tails = {{0, 1, 2, 1, 2, 2}, {0, 1, 1, 0, 0, 0}};
        int[] sizes = {6, 3};
        int spans = heads[0].length;
        // the paper's four distances, and the reference code's head-head and tail-tail
        for (int[] fused : new int[][] {RelativePositions.FOUR, RelativePositions.TWO}) {
            int n = fused.length;
            try (Params p = new Params(Device.cpu(), false)) {
                RelativePositions positions = RelativePositions.create(p, hidden, fused, new Random(3));
                assertEquals(new Shape(hidden, (long) n * hidden), p.get(RelativePositions.WEIGHT).getShape());
                p.get(RelativePositions.BIAS).set(new float[] {0.1f, -0.2f, 0.3f, 0f, -0.05f, 0.2f});
                float[] w = p.get(RelativePositions.WEIGHT).toFloatArray();
                float[] b = p.get(RelativePositions.BIAS).toFloatArray();
                NDManager m = p.manager();
                NDArray r = positions.encode(m.create(heads), m.create(tails), 3);
                assertEquals(new Shape(2, spans, spans, hidden), r.getShape());
                float[] got = r.toFloatArray();
                for (int x = 0; x < 2; x++) {
                    long[] h = heads[x];
                    long[] t = tails[x];
                    for (int i = 0; i < sizes[x]; i++) {
                        for (int j = 0; j < sizes[x]; j++) {
                            long[] all = {h[i] - h[j], h[i] - t[j], t[i] - h[j], t[i] - t[j]};
                            float[] input = new float[n * hidden];
                            for (int k = 0; k < n; k++) {
                                float[] row = SinusoidalPositions.values(new int[] {(int) all[fused[k]]}, hidden,
                                        SinusoidalPositions.Layout.CONCATENATED);
                                System.arraycopy(row, 0, input, k * hidden, hidden);
                            }
                            for (int o = 0; o < hidden; o++) {
                                double s = b[o];
                                for (int c = 0; c < n * hidden; c++) {
                                    s += w[o * n * hidden + c] * input[c];
                                }
                                assertEquals(Math.max(0, s), got[(((x * spans) + i) * spans + j) * hidden + o], 1e-5,
                                        n + " distances: R[" + x + "][" + i + "][" + j + "][" + o + "]");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void theReferenceLayerAttendsUnscaledOverTheInputAsKeysWithoutResidualConnections() {
        FlatSpec spec = tinySpec(FlatVariant.REFERENCE);
        int heads = TINY_HEADS;
        int d = TINY_HEAD_DIM;
        int hidden = heads * d;
        int t = 4;
        int ff = 2 * hidden;
        Random rng = new Random(5);
        try (Params p = new Params(Device.cpu(), false)) {
            FlatLayer layer = FlatLayer.create(p, "layer.0", spec, rng);
            for (String absent : new String[] {"self.key.weight", "self.key.bias", "output.dense.weight", "output.dense.bias"}) {
                assertFalse(p.has("layer.0.attention." + absent), absent + " is not a weight of the reference variant");
            }
            NDManager m = p.manager();
            float[] x = gauss(rng, t * hidden);
            float[] r = gauss(rng, t * t * hidden);
            NDArray rArray = m.create(r, new Shape(1, t, t, hidden));
            float[] got = layer.forward(m.create(x, new Shape(1, t, hidden)), null, rArray, false).toFloatArray();

            float[] q = affine(x, t, hidden, hidden, p.get("layer.0.attention.self.query.weight").toFloatArray(),
                    p.get("layer.0.attention.self.query.bias").toFloatArray());
            float[] v = affine(x, t, hidden, hidden, p.get("layer.0.attention.self.value.weight").toFloatArray(),
                    p.get("layer.0.attention.self.value.bias").toFloatArray());
            // FLAT's position terms, checked against the formula by the test below, on (B, H, T, d) queries and keys
            float[] term = layer.term(rArray).apply(m.create(split(q, heads, t, d), new Shape(1, heads, t, d)),
                    m.create(split(x, heads, t, d), new Shape(1, heads, t, d))).toFloatArray();
            float[] attended = new float[t * hidden];
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < t; i++) {
                    double[] score = new double[t];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < t; j++) {
                        double s = term[(h * t + i) * t + j];
                        for (int e = 0; e < d; e++) {
                            s += q[i * hidden + h * d + e] * x[j * hidden + h * d + e];    // the key is x itself, not W_k x
                        }
                        score[j] = s;                                                      // not divided by √d
                        max = Math.max(max, s);
                    }
                    double sum = 0;
                    for (int j = 0; j < t; j++) {
                        score[j] = Math.exp(score[j] - max);
                        sum += score[j];
                    }
                    for (int e = 0; e < d; e++) {
                        double c = 0;
                        for (int j = 0; j < t; j++) {
                            c += score[j] / sum * v[j * hidden + h * d + e];
                        }
                        attended[i * hidden + h * d + e] = (float) c;                        // no output projection
                    }
                }
            }
            float[] a = normalize(attended, t, hidden);                                      // no residual: LN(attention)
            float[] inner = affine(a, t, hidden, ff, p.get("layer.0.ff.in.weight").toFloatArray(), p.get("layer.0.ff.in.bias").toFloatArray());
            for (int i = 0; i < inner.length; i++) {
                inner[i] = Math.max(0, inner[i]);
            }
            float[] expected = normalize(affine(inner, t, ff, hidden, p.get("layer.0.ff.out.weight").toFloatArray(),
                    p.get("layer.0.ff.out.bias").toFloatArray()), t, hidden);                 // LN(feed-forward), no residual
            assertEquals(expected.length, got.length);
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected[i], got[i], 1e-4, "output " + i);
            }
        }
    }

    /** {@code x (rows, in)} times {@code w (out, in)} transposed, plus {@code b}. */
    private static float[] affine(float[] x, int rows, int in, int out, float[] w, float[] b) {
        float[] y = new float[rows * out];
        for (int i = 0; i < rows; i++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int c = 0; c < in; c++) {
                    s += x[i * in + c] * w[o * in + c];
                }
                y[i * out + o] = (float) s;
            }
        }
        return y;
    }

    /** {@code (T, H·d)} to {@code (H, T, d)}. */
    private static float[] split(float[] x, int heads, int t, int d) {
        float[] y = new float[x.length];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < t; i++) {
                System.arraycopy(x, i * heads * d + h * d, y, (h * t + i) * d, d);
            }
        }
        return y;
    }

    /** LayerNorm of each row with its initial weights (gain 1, bias 0) and epsilon 1e-5. */
    private static float[] normalize(float[] x, int rows, int dim) {
        float[] y = new float[x.length];
        for (int i = 0; i < rows; i++) {
            double mean = 0;
            for (int c = 0; c < dim; c++) {
                mean += x[i * dim + c];
            }
            mean /= dim;
            double var = 0;
            for (int c = 0; c < dim; c++) {
                var += (x[i * dim + c] - mean) * (x[i * dim + c] - mean);
            }
            var /= dim;
            for (int c = 0; c < dim; c++) {
                y[i * dim + c] = (float) ((x[i * dim + c] - mean) / Math.sqrt(var + 1e-5));
            }
        }
        return y;
    }

    @Test
    void theAttentionTermIsFlatsPositionTermsWithTheUAndVBiases() {
        FlatSpec spec = tinySpec(FlatVariant.STANDARD);
        int heads = TINY_HEADS;
        int d = TINY_HEAD_DIM;
        int hidden = heads * d;
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
