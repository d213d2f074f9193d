package dev.nlpipe.cli.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.nn.AttentionMask;
import dev.nlpipe.nn.EncoderConfig;
import dev.nlpipe.nn.EncoderLayer;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Seeds;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark behind {@code bench/transformer-layer.sh}: one BERT-style encoder layer (post-LN,
 * dropout 0.1 in training mode) forward and backward on a padded float32 batch on the CPU, timed
 * over {@code ITERATIONS} after {@code WARMUP} untimed ones. The shapes and the padding (sequence
 * {@code i} holds {@code 64 + 37·i mod 65} tokens) are those of {@code bench/transformer_layer_torch.py}.
 * Prints {@code key value} lines: milliseconds per iteration (mean and best) and iterations per second.
 *
 * <p>Usage: {@code java -cp nlpipe.jar dev.nlpipe.cli.bench.TransformerLayerBench THREADS [ITERATIONS]
 * [WARMUP] [HIDDEN HEADS STEPS BATCH]}
 */
public final class TransformerLayerBench {
    private TransformerLayerBench() {
    }

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int hidden = args.length > 3 ? Integer.parseInt(args[3]) : 256;
        int heads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int steps = args.length > 5 ? Integer.parseInt(args[5]) : 128;
        int batch = args.length > 6 ? Integer.parseInt(args[6]) : 32;
        Engine engine = NeuralEngine.get();
        NeuralEngine.noGrad();
        NeuralEngine.setThreads(threads);
        Seeds.seedEngine(1, 0);
        int[] lengths = new int[batch];
        for (int i = 0; i < batch; i++) {
            lengths[i] = Math.min(steps, 64 + (37 * i) % 65);
        }
        try (Params params = new Params(Device.cpu(), true)) {
            EncoderLayer layer = new EncoderLayer(params, "layer", EncoderConfig.bert(hidden, heads), new Random(1));
            float[] x = new float[batch * steps * hidden];
            Random r = new Random(2);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            double total = 0;
            // the input and mask are made in each iteration's scope, as a training step makes them
            double best = Double.MAX_VALUE;
            for (int it = 0; it < warmup + iterations; it++) {
                long t0 = System.nanoTime();
                try (NDManager scope = params.manager().newSubManager()) {
                    params.attachTo(scope);
                    NDArray input = scope.create(x, new Shape(batch, steps, hidden));
                    NDArray mask = AttentionMask.fromLengths(scope, lengths, steps);
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        NDArray out = layer.forward(input, mask, null, true);
                        gc.backward(out.mul(out).mean());
                    }
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                if (it >= warmup) {
                    total += secs;
                    best = Math.min(best, secs);
                }
            }
            System.out.printf(Locale.ROOT, "threads %d%nshape %d,%d,%d heads %d%niterations %d%n", NeuralEngine.threads(), batch, steps,
                    hidden, heads, iterations);
            System.out.printf(Locale.ROOT, "sgemm_gflops %.1f%n", sgemmGflops());
            System.out.printf(Locale.ROOT, "ms_per_iteration %.2f%nbest_ms %.2f%niterations_per_second %.3f%n",
                    1000 * total / iterations, 1000 * best, iterations / total);
        }
    }

    /** The speed of one (4096 x 256) · (256 x 1024) product, as the Python side measures its BLAS. */
    private static double sgemmGflops() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            NDArray a = m.randomNormal(new Shape(4096, 256));
            NDArray b = m.randomNormal(new Shape(256, 1024));
            a.matMul(b).close();
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                a.matMul(b).close();
            }
            return 10 * 2.0 * 4096 * 256 * 1024 / ((System.nanoTime() - t0) / 1e9) / 1e9;
        }
    }
}
