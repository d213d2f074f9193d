package dev.nlpipe.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classify stage and {@code nlpipe eval classify} run a kind they were never told about ({@link KeywordClassifierKind}). */
class AnyClassifierKindTest {
    @TempDir
    Path dir;

    private Path model() throws IOException {
        Path m = Files.createDirectories(dir.resolve("kw"));
        Files.writeString(m.resolve("model.json"), "{\"kind\": \"classify.test-keyword\", \"formatVersion\": 1, \"keyword\": \"good\","
                + " \"input\": {\"format\": \"tsv\", \"options\": {\"textColumn\": \"text\", \"labelColumn\": \"label\"}}}");
        return m;
    }

    @Test
    void theClassifyStageRunsAnInstalledKind() throws IOException {
        try (Pipeline p = Pipeline.builder().inputLayers().add("classify", Map.of("preprocess", true), model()).build()) {
            assertEquals("pos", p.process(new Document("d", "good, very good")).get(0).topLabel());
            assertEquals("neg", p.process(new Document("d", "bad")).get(0).topLabel());
        }
    }

    @Test
    void theEvaluatorRanksByTheKindsMargin() throws IOException {
        Path data = dir.resolve("test.tsv");
        Files.writeString(data, "text\tlabel\ngood good\tpos\ngood\tneg\nbad\tneg\ngood\tpos\n");
        Map<String, Object> r = ClassifierEvaluation.evaluate(model(), data, null, null, new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(0.75, (Double) r.get("accuracy"), 1e-12);
        // margins: pos {2, 1}, neg {1, 0}: of the 4 pairs, 3 ordered and 1 tied
        assertEquals(0.875, (Double) r.get("roc_auc"), 1e-12);
    }
}
