package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.model.ModelDir;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bge-small-zh-v1.5 encoder imported from its Maven model jar gives the same last hidden
 * states as ONNX Runtime running the original ONNX graph, on 200 sentences tokenized by the
 * imported tokenizer.
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
    void transformersIsToldTheTokenizerKeepsCase() throws Exception {
        // without tokenizer_config.json, BertTokenizerFast lowercased the text: TCL电视 read as tcl, not [UNK] as in nlpipe
        Map<?, ?> config = dev.nlpipe.core.doc.DocumentJson.mapper().readValue(model.resolve("tokenizer_config.json").toFile(), Map.class);
        assertEquals(false, config.get("do_lower_case"));
        assertEquals(true, config.get("tokenize_chinese_chars"));
        assertEquals(512, config.get("model_max_length"), "the encoder's positions");
        assertEquals(PretrainedEncoder.tokenizerOf(model).normalization(), BertNormalization.ofTokenizerConfig(model));
    }

    @Test
    void lastHiddenStatesMatchOnnxRuntime() throws Exception {
        double worst = OnnxParity.maxDifference(model, unpack(), ChineseSentences.make(200, 11));
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
}
