package dev.nlpipe.cli.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.nn.GradClip;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Seeds;
import dev.nlpipe.nn.bert.BertEncoder;
import dev.nlpipe.nn.bert.BertEncoding;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import dev.nlpipe.nn.optim.Optimizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark behind {@code bench/bert-speed.sh}: a BERT classifier (the encoder of an
 * {@code encoder.bert} directory, the [CLS] vector, a linear layer to two logits, run as
 * {@code classify.bert} runs it: the last layer for [CLS] alone) fine-tuned for a
 * number of steps (forward, backward, AdamW, clipping) and run for inference, on texts tokenized to
 * at most {@code MAX_LENGTH} pieces, sorted by length and cut into consecutive batches. Writes the
 * batches' ids and the output layer to {@code IDS_FILE}, so that the PyTorch reference
 * ({@code bench/bert_speed_torch.py}) runs exactly the same; prints {@code key value} lines:
 * sequences/s of training and inference, and the logits of the first texts before training.
 *
 * <p>Usage: {@code java -cp nlpipe.jar dev.nlpipe.cli.bench.BertSpeedBench ENCODER_DIR TEXTS THREADS MAX_LENGTH BATCH
 * TRAIN_STEPS IDS_FILE}
 */
public final class BertSpeedBench {
    private static final int CHECKED = 8;

    private BertSpeedBench() {
    }

    public static void main(String[] args) throws IOException {
        Path encoderDir = Path.of(args[0]);
        List<String> texts = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        int threads = Integer.parseInt(args[2]);
        int maxLength = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        int trainSteps = Integer.parseInt(args[5]);
        Path idsFile = Path.of(args[6]);
        NeuralEngine.get();
        NeuralEngine.setThreads(threads);
        Seeds.seedEngine(1, 0);
        PretrainedEncoder enc = PretrainedEncoder.load(encoderDir);
        BertTokenizer tokenizer = enc.tokenizer().withMaxLength(maxLength);
        List<BertEncoding> encodings = new ArrayList<>(tokenizer.encodeBatch(texts));
        encodings.sort(Comparator.comparingInt(BertEncoding::length));
        List<List<BertEncoding>> batches = new ArrayList<>();
        for (int i = 0; i < encodings.size(); i += batch) {
            batches.add(encodings.subList(i, Math.min(encodings.size(), i + batch)));
        }
        int hidden = enc.config().hidden();
        try (Params params = new Params(Device.cpu(), true)) {
            enc.weights().forEach((name, t) -> params.put(name, new Shape(t.shape()), t.values()));
            params.create("classifier.weight", new Shape(2, hidden), Init.normal(0.02), new Random(7));
            params.create("classifier.bias", new Shape(2), Init.zeros(), new Random(7));
            BertEncoder encoder = BertEncoder.bind(params, "", enc.config());
            write(idsFile, batches, params);
            NeuralEngine.noGrad();
            printLogits(encoder, params, batches.get(0).subList(0, Math.min(CHECKED, batches.get(0).size())));
            inference(encoder, params, batches.subList(0, 1));
            long t0 = System.nanoTime();
            int n = inference(encoder, params, batches);
            double inferSecs = (System.nanoTime() - t0) / 1e9;
            Optimizer adamw = Optimizer.adamW(params, 0.01, Optimizer::hfNoDecay);
            train(encoder, params, adamw, batches, 1);
            t0 = System.nanoTime();
            int trained = train(encoder, params, adamw, batches, trainSteps);
            double trainSecs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "threads %d%ntexts %d%nbatches %d%n", NeuralEngine.threads(), n, batches.size());
            System.out.printf(Locale.ROOT, "inference_sequences_per_second %.1f%ntrain_sequences_per_second %.1f%n", n / inferSecs,
                    trained / trainSecs);
        }
    }

    private static NDArray logits(BertEncoder encoder, Params params, List<BertEncoding> batch, NDManager scope, boolean training) {
        int steps = batch.get(batch.size() - 1).length();
        for (BertEncoding e : batch) {
            steps = Math.max(steps, e.length());
        }
        long[] ids = new long[batch.size() * steps];
        int[] lengths = new int[batch.size()];
        for (int b = 0; b < batch.size(); b++) {
            lengths[b] = batch.get(b).length();
            for (int t = 0; t < lengths[b]; t++) {
                ids[b * steps + t] = batch.get(b).ids()[t];
            }
        }
        // as classify.bert with [CLS] pooling runs it: the last layer for [CLS] alone
        NDArray first = encoder.firstToken(scope.create(ids, new Shape(batch.size(), steps)), null, lengths, training);
        NDArray cls = Ops.dropout(first, 0.1f, training);
        return Ops.linear(cls, params.get("classifier.weight"), params.get("classifier.bias"));
    }

    private static int inference(BertEncoder encoder, Params params, List<List<BertEncoding>> batches) {
        int n = 0;
        for (List<BertEncoding> b : batches) {
            try (NDManager scope = NeuralEngine.get().newBaseManager()) {
                logits(encoder, params, b, scope, false).toFloatArray();
            }
            n += b.size();
        }
        return n;
    }

    private static int train(BertEncoder encoder, Params params, Optimizer adamw, List<List<BertEncoding>> batches, int steps) {
        int n = 0;
        for (int s = 0; s < steps; s++) {
            List<BertEncoding> b = batches.get(s % batches.size());
            try (NDManager scope = params.manager().newSubManager()) {
                params.attachTo(scope);
                long[] gold = new long[b.size()];
                for (int i = 0; i < gold.length; i++) {
                    gold[i] = i % 2;
                }
                try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                    NDArray logp = logits(encoder, params, b, scope, true).logSoftmax(1);
                    gc.backward(logp.mul(scope.create(gold).oneHot(2)).sum(new int[] {1}).neg().mean());
                }
                adamw.step(params, 2e-5f, GradClip.scale(params, 1.0));
            }
            n += b.size();
        }
        return n;
    }

    private static void printLogits(BertEncoder encoder, Params params, List<BertEncoding> batch) {
        try (NDManager scope = NeuralEngine.get().newBaseManager()) {
            float[] l = logits(encoder, params, batch, scope, false).toFloatArray();
            for (int i = 0; i < batch.size(); i++) {
                System.out.printf(Locale.ROOT, "logits_%d %.9f %.9f%n", i, l[2 * i], l[2 * i + 1]);
            }
        }
    }

    /** The batches' ids, one text per line, a blank line after each batch; first the output layer's weights. */
    private static void write(Path file, List<List<BertEncoding>> batches, Params params) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            StringBuilder w = new StringBuilder();
            for (float v : params.get("classifier.weight").toFloatArray()) {
                w.append(' ').append(v);
            }
            out.println("classifier.weight" + w);
            for (List<BertEncoding> b : batches) {
                for (BertEncoding e : b) {
                    StringBuilder sb = new StringBuilder();
                    for (int id : e.ids()) {
                        sb.append(sb.length() == 0 ? "" : " ").append(id);
                    }
                    out.println(sb);
                }
                out.println();
            }
        }
    }
}
