package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The English all-MiniLM-L6-v2 encoder (uncased, with a position-ids buffer in its graph) imported
 * from its Maven model jar gives ONNX Runtime's last hidden states.
 */
class MiniLmImportParityTest {
    private static final String ONNX = "all-minilm-l6-v2.onnx";
    @TempDir
    static Path dir;
    static Path model;
    static EncoderImport.Result imported;

    @BeforeAll
    static void importTheJar() throws Exception {
        Path jar = Path.of(((JarURLConnection) MiniLmImportParityTest.class.getResource("/" + ONNX).openConnection()).getJarFileURL()
                .toURI());
        model = dir.resolve("minilm");
        imported = EncoderImport.run(EncoderSource.resolve(jar.toString(), null, dir, Files.createDirectories(dir.resolve("scratch"))),
                model, new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void theSizesAreReadFromTheGraph() {
        BertConfig c = imported.config();
        assertEquals(List.of(30522, 384, 6, 12, 1536), List.of(c.vocabSize(), c.hidden(), c.layers(), c.heads(), c.intermediate()));
    }

    @Test
    void lastHiddenStatesMatchOnnxRuntime() throws Exception {
        Path onnx = dir.resolve("original.onnx");
        try (var in = MiniLmImportParityTest.class.getResourceAsStream("/" + ONNX)) {
            Files.copy(in, onnx);
        }
        double worst = OnnxParity.maxDifference(model, onnx, sentences(100));
        System.out.println("all-MiniLM-L6-v2 import: max |Δ| against ONNX Runtime over 100 sentences " + worst);
        assertTrue(worst <= 1e-4, "max |Δ| " + worst);
    }

    private static List<String> sentences(int n) {
        String[] subjects = {"The committee", "Dr. Smith", "Our new neighbours", "A small start-up in Berlin", "They"};
        String[] verbs = {"approved", "criticised", "can't explain", "quickly rebuilt", "loved"};
        String[] objects = {"the 2024 budget", "an unexpected result", "the museum's café", " nine e-mails", "its naïve plan"};
        Random r = new Random(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(subjects[r.nextInt(5)] + " " + verbs[r.nextInt(5)] + " " + objects[r.nextInt(5)] + (r.nextBoolean() ? "." : "!"));
        }
        return out;
    }
}
