package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.nn.optim.Optimizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AdamW with Hugging Face's parameter groups and linear warm-up schedule against torch.optim.AdamW. */
class AdamWTest {
    private static final List<String> NAMES = List.of("enc.dense.weight", "enc.dense.bias", "enc.LayerNorm.weight",
            "enc.LayerNorm.bias");

    @Test
    void followsTorchAdamWWithParameterGroupsAndTheWarmupLinearSchedule() {
        NeuralEngine.noGrad();
        float[] config = TransformerFixture.get("adamw.config").values();
        double baseLr = config[0];
        double decay = config[1];
        int warmup = Math.round(config[2]);
        int total = Math.round(config[3]);
        float[] lrs = TransformerFixture.get("adamw.lr").values();
        try (Params p = new Params(Device.cpu(), true)) {
            for (String n : NAMES) {
                TensorFile.Tensor t = TransformerFixture.get("adamw.init." + n);
                p.put(n, new Shape(t.shape()), t.values());
            }
            Optimizer adamw = Optimizer.create("adamw", p, 0, decay);
            LrSchedule schedule = new LrSchedule(baseLr, LrSchedule.Kind.WARMUP_LINEAR, warmup, total / 2, 2, 1, 0);
            for (int step = 0; step < total; step++) {
                double lr = schedule.at(step);
                assertEquals(lrs[step], lr, 1e-7, "learning rate at step " + step);
                try (NDManager m = p.manager().newSubManager()) {
                    p.attachTo(m);
                    try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                        NDArray loss = null;
                        for (String n : NAMES) {
                            NDArray target = TransformerFixture.array(m, "adamw.target." + n);
                            NDArray term = TransformerFixture.array(m, "adamw.coef." + n).mul(p.get(n).sub(target).square()).sum();
                            loss = loss == null ? term : loss.add(term);
                        }
                        gc.backward(loss);
                    }
                    adamw.step(p, (float) lr, 1f);
                }
                if (step == 2) {
                    for (String n : NAMES) {
                        TransformerFixture.assertClose("adamw.step3." + n, p.get(n));
                    }
                }
            }
            for (String n : NAMES) {
                TransformerFixture.assertClose("adamw.final." + n, p.get(n));
            }
        }
    }

    @Test
    void sparesBiasesAndLayerNormWeightsAsHuggingFaceDoes() {
        assertTrue(Optimizer.hfNoDecay("encoder.layer.0.attention.self.query.bias"));
        assertTrue(Optimizer.hfNoDecay("encoder.layer.0.output.LayerNorm.weight"));
        assertTrue(Optimizer.hfNoDecay("encoder.layer.0.output.LayerNorm.bias"));
        assertTrue(Optimizer.hfNoDecay("bias"));
        assertFalse(Optimizer.hfNoDecay("encoder.layer.0.attention.self.query.weight"));
        assertFalse(Optimizer.hfNoDecay("embeddings.position_embeddings.weight"));
        // nlpipe's own biases (PyTorch's LSTM names its bias_ih_l0, which HF's substring match spares)
        assertTrue(Optimizer.hfNoDecay("lstm.l0.fw.bih"));
        assertTrue(Optimizer.hfNoDecay("lstm.l0.bw.bhh"));
        assertTrue(Optimizer.hfNoDecay("out.b"));
        assertTrue(Optimizer.hfNoDecay("lattice.fw.gate.b"));
        assertFalse(Optimizer.hfNoDecay("out.w"));
        assertFalse(Optimizer.hfNoDecay("lstm.l0.fw.wih"));
        assertFalse(Optimizer.hfNoDecay("emb.bigram"));
    }

    @Test
    void aCustomGroupPredicateDecidesWhichWeightsDecay() {
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), true)) {
            p.put("norm1.gain", new Shape(2), new float[] {1, 1});
            p.put("proj", new Shape(2), new float[] {1, 1});
            Optimizer opt = Optimizer.adamW(p, 0.5, n -> n.startsWith("norm"));
            try (NDManager m = p.manager().newSubManager()) {
                p.attachTo(m);
                try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                    // zero gradients: only the decay moves a weight
                    gc.backward(Ops.times(p.get("norm1.gain"), 0).sum().add(Ops.times(p.get("proj"), 0).sum()));
                }
                opt.step(p, 0.1f, 1f);
            }
            assertEquals(1f, p.get("norm1.gain").toFloatArray()[0], 0f);
            assertEquals(1 - 0.1 * 0.5, p.get("proj").toFloatArray()[0], 1e-7);
        }
    }

    @Test
    void trainsInTheTrainingLoopWithoutKeepingArraysAlive(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 300)) {
            double before = m.trainLoss();
            TrainSettings s = TrainingLoopTest.settings(Map.of("optimizer", "adamw", "weightDecay", 0.01, "schedule",
                    "warmup-linear", "warmupSteps", 5, "clipNorm", 1.0, "epochs", 4, "resume", false));
            TrainingResult r = new TrainingLoop(s, "score", new Checkpoints(dir), "toy", new PrintStream(new ByteArrayOutputStream()))
                    .run(m, m.train, ToyRegression::length);
            assertTrue(m.trainLoss() < before / 4, "loss " + before + " -> " + m.trainLoss());
            for (int live : r.liveArrays()) {
                assertEquals(2 + 2 * 2, live, "two weights and two AdamW slots each, after every epoch: " + r.liveArrays());
            }
        }
    }
}
