package dev.nlpipe.nn.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs an imported encoder and ONNX Runtime on the original graph over the same sentences. */
final class OnnxParity {
    private static final int BATCH = 25;

    private OnnxParity() {
    }

    /**
     * The largest absolute difference of the last hidden states at real (unpadded) positions, and of
     * the first token's state from {@link BertEncoder#firstToken}.
     *
     * @param model the imported {@code encoder.bert} directory (its tokenizer makes the ids)
     * @param onnx the original model
     */
    static double maxDifference(Path model, Path onnx, List<String> sentences) throws Exception {
        PretrainedEncoder enc = PretrainedEncoder.load(model);
        BertTokenizer tokenizer = enc.tokenizer().withMaxLength(128);
        int hidden = enc.config().hidden();
        double worst = 0;
        NeuralEngine.noGrad();
        try (OrtEnvironment env = OrtEnvironment.getEnvironment();
             OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             Params params = new Params(Device.cpu(), false)) {
            enc.weights().forEach((name, t) -> params.put(name, new Shape(t.shape()), t.values()));
            BertEncoder encoder = BertEncoder.bind(params, "", enc.config().withDropout(0, 0));
            for (int from = 0; from < sentences.size(); from += BATCH) {
                List<BertEncoding> batch = tokenizer.encodeBatch(sentences.subList(from, Math.min(sentences.size(), from + BATCH)));
                int steps = batch.stream().mapToInt(BertEncoding::length).max().orElse(0);
                long[][] ids = new long[batch.size()][steps];
                long[][] mask = new long[batch.size()][steps];
                int[] lengths = new int[batch.size()];
                for (int b = 0; b < batch.size(); b++) {
                    lengths[b] = batch.get(b).length();
                    for (int t = 0; t < lengths[b]; t++) {
                        ids[b][t] = batch.get(b).ids()[t];
                        mask[b][t] = 1;
                    }
                }
                float[][][] expected;
                try (OnnxTensor i = OnnxTensor.createTensor(env, ids);
                     OnnxTensor m = OnnxTensor.createTensor(env, mask);
                     OnnxTensor types = OnnxTensor.createTensor(env, new long[batch.size()][steps]);
                     OrtSession.Result r = session.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", types))) {
                    expected = (float[][][]) r.get(0).getValue();
                }
                try (NDManager scope = params.manager().newSubManager()) {
                    float[] got = encoder.forward(scope.create(ids), null, lengths, false).toFloatArray();
                    // and the [CLS] states that classifiers and sentence vectors take, last layer run for [CLS] alone
                    float[] first = encoder.firstToken(scope.create(ids), null, lengths, false).toFloatArray();
                    for (int b = 0; b < batch.size(); b++) {
                        for (int t = 0; t < lengths[b]; t++) {
                            for (int h = 0; h < hidden; h++) {
                                worst = Math.max(worst, Math.abs(got[(b * steps + t) * hidden + h] - expected[b][t][h]));
                            }
                        }
                        for (int h = 0; h < hidden; h++) {
                            worst = Math.max(worst, Math.abs(first[b * hidden + h] - expected[b][0][h]));
                        }
                    }
                }
            }
        }
        return worst;
    }
}
