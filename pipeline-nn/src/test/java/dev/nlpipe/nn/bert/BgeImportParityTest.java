package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bge-small-zh-v1.5 encoder imported from its Maven model jar gives the same last hidden
 * states as ONNX Runtime running the original ONNX graph, on 200 sentences (ids looked up
 * character by character in its vocabulary, so the comparison does not depend on a tokenizer).
 */
class BgeImportParityTest {
    private static final String ONNX = "bge-small-zh-v1.5.onnx";
    @TempDir
    static Path dir;
    static Path jar;
    static Path model;
    static EncoderImport.Result imported;

    @BeforeAll
    static void importTheJar() throws Exception {
        jar = Path.of(((JarURLConnection) BgeImportParityTest.class.getResource("/" + ONNX).openConnection()).getJarFileURL().toURI());
        model = dir.resolve("bge-small-zh");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        imported = EncoderImport.run(EncoderSource.resolve(jar.toString(), null, dir, scratch), model,
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void theSizesAreReadFromTheGraph() {
        BertConfig c = imported.config();
        assertEquals(List.of(21128, 512, 4, 8, 2048, 512, 2), List.of(c.vocabSize(), c.hidden(), c.layers(), c.heads(), c.intermediate(),
                c.maxPositions(), c.typeVocabSize()));
        assertEquals(1e-12, c.layerNormEps(), 1e-18);
        assertEquals(23_691_264L, imported.parameters(), "BAAI's 23.7 M parameters, no pooler");
    }

    @Test
    void theDirectoryRecordsTheSourceChecksums() throws Exception {
        Map<?, ?> source = (Map<?, ?>) ModelDir.read(model).get("source");
        assertEquals(2, ((List<?>) source.get("files")).size(), "the .onnx and the tokenizer");
        assertEquals(64, ((String) ((Map<?, ?>) ((List<?>) source.get("files")).get(0)).get("sha256")).length());
        assertEquals(21128, Files.readAllLines(model.resolve(PretrainedEncoder.VOCAB), StandardCharsets.UTF_8).size());
    }

    @Test
    void lastHiddenStatesMatchOnnxRuntime() throws Exception {
        PretrainedEncoder enc = PretrainedEncoder.load(model);
        List<String> vocab = Files.readAllLines(model.resolve(PretrainedEncoder.VOCAB), StandardCharsets.UTF_8);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            ids.putIfAbsent(vocab.get(i), i);
        }
        List<String> sentences = ChineseSentences.make(200, 11);
        double worst = 0;
        NeuralEngine.noGrad();
        try (OrtEnvironment env = OrtEnvironment.getEnvironment();
             OrtSession session = env.createSession(unpack().toString(), new OrtSession.SessionOptions());
             Params params = new Params(Device.cpu(), false)) {
            enc.weights().forEach((name, t) -> params.put(name, new Shape(t.shape()), t.values()));
            BertEncoder encoder = BertEncoder.bind(params, "", enc.config().withDropout(0, 0));
            for (int from = 0; from < sentences.size(); from += 25) {
                List<String> batch = sentences.subList(from, Math.min(sentences.size(), from + 25));
                long[][] input = ids(batch, ids);
                int[] lengths = lengths(batch);
                float[][][] expected = runOnnx(env, session, input, lengths);
                try (NDManager scope = params.manager().newSubManager()) {
                    params.attachTo(scope);
                    NDArray out = encoder.forward(scope.create(input), null, lengths, false);
                    float[] got = out.toFloatArray();
                    int steps = input[0].length;
                    for (int b = 0; b < batch.size(); b++) {
                        for (int t = 0; t < lengths[b]; t++) {
                            for (int h = 0; h < 512; h++) {
                                worst = Math.max(worst, Math.abs(got[(b * steps + t) * 512 + h] - expected[b][t][h]));
                            }
                        }
                    }
                }
            }
        }
        System.out.println("bge-small-zh import: max |Δ| against ONNX Runtime over 200 sentences " + worst);
        assertTrue(worst <= 1e-4, "max |Δ| " + worst);
    }

    private static Path unpack() throws Exception {
        Path onnx = dir.resolve("original.onnx");
        if (!Files.exists(onnx)) {
            try (var in = BgeImportParityTest.class.getResourceAsStream("/" + ONNX)) {
                Files.copy(in, onnx);
            }
        }
        return onnx;
    }

    /** [CLS], each character's id (or [UNK]), [SEP], padded with 0. */
    private static long[][] ids(List<String> batch, Map<String, Integer> vocab) {
        int steps = 0;
        for (String s : batch) {
            steps = Math.max(steps, s.codePointCount(0, s.length()) + 2);
        }
        long[][] out = new long[batch.size()][steps];
        for (int b = 0; b < batch.size(); b++) {
            int[] cps = batch.get(b).codePoints().toArray();
            out[b][0] = vocab.get("[CLS]");
            for (int i = 0; i < cps.length; i++) {
                out[b][i + 1] = vocab.getOrDefault(Character.toString(cps[i]), vocab.get("[UNK]"));
            }
            out[b][cps.length + 1] = vocab.get("[SEP]");
        }
        return out;
    }

    private static int[] lengths(List<String> batch) {
        return batch.stream().mapToInt(s -> s.codePointCount(0, s.length()) + 2).toArray();
    }

    private static float[][][] runOnnx(OrtEnvironment env, OrtSession session, long[][] ids, int[] lengths) throws Exception {
        long[][] mask = new long[ids.length][ids[0].length];
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[b][t] = 1;
            }
        }
        try (OnnxTensor i = OnnxTensor.createTensor(env, ids);
             OnnxTensor m = OnnxTensor.createTensor(env, mask);
             OnnxTensor types = OnnxTensor.createTensor(env, new long[ids.length][ids[0].length]);
             OrtSession.Result r = session.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", types))) {
            return (float[][][]) r.get(0).getValue();
        }
    }
}
