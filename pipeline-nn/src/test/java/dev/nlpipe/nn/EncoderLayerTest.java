package dev.nlpipe.nn;

import static dev.nlpipe.nn.TransformerFixture.array;
import static dev.nlpipe.nn.TransformerFixture.assertClose;
import static dev.nlpipe.nn.TransformerFixture.assertWeightGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncoderLayerTest {

    @Test
    void matchesHuggingFacesBertLayerInValuesAndGradients() {
        NeuralEngine.noGrad();
        try (Params p = TransformerFixture.weights("layer"); NDManager m = p.manager().newSubManager()) {
            p.attachTo(m);
            EncoderLayer layer = EncoderLayer.bind(p, "layer", new EncoderConfig(16, 2, 32, 0f, 0f, LayerNorm.BERT_EPS));
            NDArray x = array(m, "layer.x");
            x.setRequiresGradient(true);
            NDArray mask = AttentionMask.fromLengths(m, TransformerFixture.ints("layer.lengths"), 6);
            try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                NDArray out = layer.forward(x, mask, null, false);
                assertClose("layer.out", out);
                gc.backward(TransformerFixture.loss(out, "layer"));
            }
            assertClose("layer.grad.x", x.getGradient());
            assertWeightGradients("layer", p);
        }
    }

    @Test
    void createsBertsWeightNamesInBertsOrder() {
        try (Params p = new Params(Device.cpu(), false)) {
            new EncoderLayer(p, "encoder.layer.0", EncoderConfig.bert(8, 2), new Random(1));
            String l = "encoder.layer.0.";
            List<String> expected = List.of("attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense", "attention.output.LayerNorm", "intermediate.dense", "output.dense",
                    "output.LayerNorm").stream().flatMap(n -> java.util.stream.Stream.of(l + n + ".weight", l + n + ".bias")).toList();
            assertEquals(expected, p.names());
            assertEquals(new Shape(32, 8), p.get(l + "intermediate.dense.weight").getShape());
            assertEquals(new Shape(8, 32), p.get(l + "output.dense.weight").getShape());
        }
    }

    @Test
    void seededConstructionIsDeterministic() {
        try (Params a = new Params(Device.cpu(), false); Params b = new Params(Device.cpu(), false);
             Params c = new Params(Device.cpu(), false)) {
            new EncoderLayer(a, "l", EncoderConfig.bert(8, 2), new Random(42));
            new EncoderLayer(b, "l", EncoderConfig.bert(8, 2), new Random(42));
            new EncoderLayer(c, "l", EncoderConfig.bert(8, 2), new Random(43));
            String w = "l.attention.self.query.weight";
            assertArrayEquals(a.get(w).toFloatArray(), b.get(w).toFloatArray());
            for (String n : a.names()) {
                assertArrayEquals(a.get(n).toFloatArray(), b.get(n).toFloatArray(), n);
            }
            assertFalse(Arrays.equals(a.get(w).toFloatArray(), c.get(w).toFloatArray()), "another seed, other weights");
            float[] q = a.get(w).toFloatArray();
            double sq = 0;
            for (float v : q) {
                sq += v * v;
            }
            assertEquals(0.02, Math.sqrt(sq / q.length), 0.006, "BERT's normal(0, 0.02)");
        }
    }

    @Test
    void aSequenceGetsTheSameOutputsAloneAndPaddedInABatch() {
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), false)) {
            EncoderLayer layer = new EncoderLayer(p, "l", EncoderConfig.bert(16, 4), new Random(5));
            p.load(scaled(p, 0.3, new Random(6)));
            try (NDManager m = p.manager().newSubManager()) {
                p.attachTo(m);
                int[] lengths = {5, 2, 4};
                NDArray batch = m.create(gaussian(new Random(7), 3 * 5 * 16), new Shape(3, 5, 16));
                NDArray together = layer.forward(batch, AttentionMask.fromLengths(m, lengths, 5), null, false);
                for (int s = 0; s < lengths.length; s++) {
                    int len = lengths[s];
                    NDArray alone = layer.forward(batch.get(s + ":" + (s + 1) + ", 0:" + len + ", :"), null, null, false);
                    float[] want = alone.toFloatArray();
                    float[] got = together.get(s + ", 0:" + len + ", :").toFloatArray();
                    assertArrayEquals(want, got, 1e-5f, "sequence " + s);
                }
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesInFloat64() {
        NeuralEngine.noGrad();
        int b = 2;
        int t = 4;
        int h = 8;
        try (Params p = new Params(Device.cpu(), true)) {
            EncoderLayer layer = new EncoderLayer(p, "l", new EncoderConfig(h, 2, 16, 0f, 0f, LayerNorm.BERT_EPS), new Random(11));
            p.load(scaled(p, 0.4, new Random(12)));
            p.castTo(DataType.FLOAT64);
            double[] xs = doubles(gaussian(new Random(13), b * t * h));
            double[] proj = doubles(gaussian(new Random(14), b * t * h));
            int[] lengths = {4, 3};
            Arrays.fill(proj, (t + 2) * h, 2 * t * h, 0); // no loss on the second sequence's padding
            try (NDManager m = p.manager().newSubManager()) {
                p.attachTo(m);
                NDArray mask = AttentionMask.fromLengths(m, lengths, t, DataType.FLOAT64);
                NDArray projection = m.create(proj, new Shape(b, t, h));
                NDArray x = m.create(xs, new Shape(b, t, h));
                x.setRequiresGradient(true);
                String w = "l.intermediate.dense.weight";
                try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                    gc.backward(layer.forward(x, mask, null, false).mul(projection).sum());
                }
                double[] gx = x.getGradient().toDoubleArray();
                double[] gw = p.get(w).getGradient().toDoubleArray();
                double eps = 1e-5;
                double worst = 0;
                for (int i : new int[] {0, 9, 17, 30, 41, 50, 63}) {
                    double[] plus = xs.clone();
                    double[] minus = xs.clone();
                    plus[i] += eps;
                    minus[i] -= eps;
                    double fd = (loss(layer, m.create(plus, new Shape(b, t, h)), mask, projection)
                            - loss(layer, m.create(minus, new Shape(b, t, h)), mask, projection)) / (2 * eps);
                    worst = Math.max(worst, Math.abs(fd - gx[i]));
                    assertEquals(fd, gx[i], 1e-7, "d loss / d x[" + i + "]");
                }
                NDArray weight = p.get(w);
                double[] wv = weight.toDoubleArray();
                for (int i : new int[] {0, 5, 37, 64, 100, 127}) {
                    NDIndex at = new NDIndex(i / h, i % h);
                    weight.set(at, wv[i] + eps);
                    double up = loss(layer, x, mask, projection);
                    weight.set(at, wv[i] - eps);
                    double down = loss(layer, x, mask, projection);
                    weight.set(at, wv[i]);
                    double fd = (up - down) / (2 * eps);
                    worst = Math.max(worst, Math.abs(fd - gw[i]));
                    assertEquals(fd, gw[i], 1e-7, "d loss / d " + w + "[" + i + "]");
                }
                System.out.printf("finite differences (float64): max |Δ| %.3g%n", worst);
                assertTrue(Arrays.stream(gx).anyMatch(g -> Math.abs(g) > 1e-3), "a gradient worth checking");
            }
        }
    }

    private static double loss(EncoderLayer layer, NDArray x, NDArray mask, NDArray projection) {
        return layer.forward(x, mask, null, false).mul(projection).sum().getDouble();
    }

    /** Random weights of a useful size instead of BERT's tiny ones: normal(0, std), LayerNorm gains near 1. */
    private static Map<String, TensorFile.Tensor> scaled(Params p, double std, Random rng) {
        Map<String, TensorFile.Tensor> out = new LinkedHashMap<>();
        p.snapshot().forEach((name, t) -> {
            float[] v = gaussian(rng, t.values().length);
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] * std + (name.endsWith("LayerNorm.weight") ? 1 : 0));
            }
            out.put(name, new TensorFile.Tensor(t.shape(), v));
        });
        return out;
    }

    private static float[] gaussian(Random rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    private static double[] doubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
