package dev.nlpipe.ner.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One direction of the lattice LSTM against the paper's equations computed by hand in plain floats. */
class LatticeLstmTest {
    private static final int H = 2;
    private static final int IN = 2;
    private static final int WORD = 2;

    @Test
    void aWordCellFlowsIntoItsLastCharacterThroughNormalizedGates() {
        // 3 characters, one word over characters 0..1: character 1 mixes its candidate with the word cell.
        float[] x = {0.5f, -1.0f, 0.3f, 0.8f, -0.7f, 0.2f};
        float[] word = {0.9f, -0.4f};
        try (Params params = new Params(Device.cpu(), false); NDManager m = params.manager().newSubManager()) {
            LatticeLstm lstm = new LatticeLstm(params, "l", IN, WORD, H, false, new Random(3));
            LatticeSteps steps = LatticeSteps.of(List.<int[][]>of(new int[][] {{0, 2, 1}}), new int[] {3}, 3, false);
            NDArray out = lstm.forward(m.create(x, new Shape(1, 3, IN)), m.create(word, new Shape(1, WORD)), steps);
            assertArrayEquals(byHand(params.snapshot(), x, word), out.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void orthogonalInitStartsAsTheReferenceCodeAndTheCellStaysTheSame() {
        float[] x = {0.5f, -1.0f, 0.3f, 0.8f, -0.7f, 0.2f};
        float[] word = {0.9f, -0.4f};
        try (Params params = new Params(Device.cpu(), false); NDManager m = params.manager().newSubManager()) {
            LatticeLstm lstm = new LatticeLstm(params, "l", IN, WORD, H, true, new Random(3));
            Map<String, TensorFile.Tensor> w = params.snapshot();
            for (String bias : List.of("l.char.b", "l.word.b", "l.gate.b")) {
                for (float b : w.get(bias).values()) {
                    assertEquals(0f, b, bias);
                }
            }
            float[] whh = w.get("l.char.whh").values();
            for (int row = 0; row < 3 * H; row++) {
                for (int col = 0; col < H; col++) {
                    assertEquals(row % H == col ? 1f : 0f, whh[row * H + col], "char.whh " + row + "," + col);
                }
            }
            // (3H, in) with 3H > in: orthonormal columns
            float[] wih = w.get("l.char.wih").values();
            for (int a = 0; a < IN; a++) {
                for (int b = 0; b < IN; b++) {
                    double dot = 0;
                    for (int row = 0; row < 3 * H; row++) {
                        dot += (double) wih[row * IN + a] * wih[row * IN + b];
                    }
                    assertEquals(a == b ? 1 : 0, dot, 1e-5, "char.wih columns " + a + ", " + b);
                }
            }
            LatticeSteps steps = LatticeSteps.of(List.<int[][]>of(new int[][] {{0, 2, 1}}), new int[] {3}, 3, false);
            NDArray out = lstm.forward(m.create(x, new Shape(1, 3, IN)), m.create(word, new Shape(1, WORD)), steps);
            assertArrayEquals(byHand(w, x, word), out.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void withoutWordsTheCellIsACoupledLstm() {
        float[] x = {0.5f, -1.0f, 0.3f, 0.8f};
        try (Params params = new Params(Device.cpu(), false); NDManager m = params.manager().newSubManager()) {
            LatticeLstm lstm = new LatticeLstm(params, "l", IN, WORD, H, false, new Random(5));
            LatticeSteps steps = LatticeSteps.of(List.<int[][]>of(new int[0][]), new int[] {2}, 2, false);
            float[] out = lstm.forward(m.create(x, new Shape(1, 2, IN)), null, steps).toFloatArray();
            Map<String, TensorFile.Tensor> w = params.snapshot();
            float[] h = new float[H];
            float[] c = new float[H];
            for (int t = 0; t < 2; t++) {
                float[] xt = {x[t * IN], x[t * IN + 1]};
                float[] gates = affine(w, "l.char.wih", xt, "l.char.whh", h, "l.char.b");
                for (int k = 0; k < H; k++) {
                    float i = sigmoid(gates[k]);
                    c[k] = (1 - i) * c[k] + i * (float) Math.tanh(gates[2 * H + k]);
                    h[k] = sigmoid(gates[H + k]) * (float) Math.tanh(c[k]);
                    assertEquals(h[k], out[t * H + k], 1e-6f);
                }
            }
        }
    }

    @Test
    void theBackwardDirectionSeesWordsReversed() {
        // Sentence of 5; word [1, 4) covers characters 1..3: forward it starts at 1 and ends at 3,
        // backward (positions 4..0) it starts at 4-3 = 1 and ends at 4-1 = 3; word [0, 2) ends backward at 4.
        List<int[][]> words = List.<int[][]>of(new int[][] {{0, 2, 7}, {1, 4, 8}});
        LatticeSteps fw = LatticeSteps.of(words, new int[] {5}, 6, false);
        LatticeSteps bw = LatticeSteps.of(words, new int[] {5}, 6, true);
        assertArrayEquals(new int[] {0}, fw.starts[1]);
        assertArrayEquals(new int[] {1}, fw.starts[3]);
        assertArrayEquals(new int[] {1}, bw.occurrences[3]);
        assertArrayEquals(new int[] {1}, bw.starts[3]);
        assertArrayEquals(new int[] {0}, bw.occurrences[4]);
        assertArrayEquals(new int[] {3}, bw.starts[4]);
        assertEquals(0, bw.rows[5].length);
    }

    @Test
    void gradientsReachEveryWeightThroughTheWordCellsAsFiniteDifferencesSay() {
        // Two words end at the same character and one word starts where another ends, so the
        // gradient must flow back through the gathered start states and the per-character sums.
        float[] x = {0.5f, -1.0f, 0.3f, 0.8f, -0.7f, 0.2f, 0.1f, 0.9f};
        float[] words = {0.9f, -0.4f, -0.3f, 0.6f, 0.2f, 0.2f};
        float[] mix = {0.3f, -0.8f, 0.5f, 0.7f, -0.2f, 0.4f, 0.9f, -0.6f};
        List<int[][]> lattice = List.<int[][]>of(new int[][] {{0, 2, 1}, {0, 3, 2}, {1, 3, 3}});
        try (Params params = new Params(Device.cpu(), true)) {
            LatticeLstm lstm = new LatticeLstm(params, "l", IN, WORD, H, false, new Random(9));
            Map<String, TensorFile.Tensor> weights = params.snapshot();
            java.util.Map<String, float[]> autograd = new java.util.LinkedHashMap<>();
            try (NDManager m = params.manager().newSubManager();
                 ai.djl.training.GradientCollector gc = dev.nlpipe.nn.NeuralEngine.get().newGradientCollector()) {
                params.attachTo(m);
                gc.backward(objective(lstm, m, x, words, mix, lattice));
                for (String name : params.names()) {
                    autograd.put(name, params.get(name).getGradient().toFloatArray());
                }
            }
            float eps = 1e-2f;
            for (String name : weights.keySet()) {
                float[] values = weights.get(name).values();
                for (int k = 0; k < values.length; k++) {
                    float saved = values[k];
                    values[k] = saved + eps;
                    params.load(weights);
                    float up = objectiveValue(params, lstm, x, words, mix, lattice);
                    values[k] = saved - eps;
                    params.load(weights);
                    float down = objectiveValue(params, lstm, x, words, mix, lattice);
                    values[k] = saved;
                    assertEquals((up - down) / (2 * eps), autograd.get(name)[k], 2e-3f, name + "[" + k + "]");
                }
            }
        }
    }

    private static NDArray objective(LatticeLstm lstm, NDManager m, float[] x, float[] words, float[] mix, List<int[][]> lattice) {
        LatticeSteps steps = LatticeSteps.of(lattice, new int[] {4}, 4, false);
        NDArray out = lstm.forward(m.create(x, new Shape(1, 4, IN)), m.create(words, new Shape(3, WORD)), steps);
        return out.mul(m.create(mix, new Shape(1, 4, H))).sum();
    }

    private static float objectiveValue(Params params, LatticeLstm lstm, float[] x, float[] words, float[] mix, List<int[][]> lattice) {
        try (NDManager m = params.manager().newSubManager()) {
            params.attachTo(m);
            return objective(lstm, m, x, words, mix, lattice).getFloat();
        }
    }

    /** Eq. 11–17 of Zhang and Yang (2018), with the reference code's coupled forget gate where no word ends. */
    private static float[] byHand(Map<String, TensorFile.Tensor> w, float[] x, float[] word) {
        float[][] hs = new float[3][];
        float[][] cs = new float[3][];
        float[] h = new float[H];
        float[] c = new float[H];
        float[] out = new float[3 * H];
        for (int t = 0; t < 3; t++) {
            float[] xt = {x[t * IN], x[t * IN + 1]};
            float[] gates = affine(w, "l.char.wih", xt, "l.char.whh", h, "l.char.b");
            float[] next = new float[H];
            float[] wordCell = null;
            float[] wordGate = null;
            if (t == 1) {
                float[] wg = affine(w, "l.word.wih", word, "l.word.whh", hs[0], "l.word.b");
                wordCell = new float[H];
                for (int k = 0; k < H; k++) {
                    wordCell[k] = sigmoid(wg[H + k]) * cs[0][k] + sigmoid(wg[k]) * (float) Math.tanh(wg[2 * H + k]);
                }
                wordGate = affine(w, "l.gate.wx", xt, "l.gate.wc", wordCell, "l.gate.b");
            }
            for (int k = 0; k < H; k++) {
                float i = sigmoid(gates[k]);
                float g = (float) Math.tanh(gates[2 * H + k]);
                if (wordCell == null) {
                    next[k] = (1 - i) * c[k] + i * g;
                } else {
                    float a = sigmoid(wordGate[k]);
                    float ei = (float) Math.exp(i);
                    float ea = (float) Math.exp(a);
                    next[k] = ei / (ei + ea) * g + ea / (ei + ea) * wordCell[k];
                }
            }
            for (int k = 0; k < H; k++) {
                h[k] = sigmoid(gates[H + k]) * (float) Math.tanh(next[k]);
                out[t * H + k] = h[k];
            }
            c = next;
            hs[t] = h.clone();
            cs[t] = c.clone();
        }
        return out;
    }

    /** {@code W a + U b + bias} with {@code (out, in)} matrices from the snapshot. */
    private static float[] affine(Map<String, TensorFile.Tensor> w, String wa, float[] a, String wb, float[] b, String bias) {
        float[] bv = w.get(bias).values();
        float[] out = bv.clone();
        float[] av = w.get(wa).values();
        float[] bw = w.get(wb).values();
        for (int r = 0; r < out.length; r++) {
            for (int k = 0; k < a.length; k++) {
                out[r] += av[r * a.length + k] * a[k];
            }
            for (int k = 0; k < b.length; k++) {
                out[r] += bw[r * b.length + k] * b[k];
            }
        }
        return out;
    }

    private static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }
}
