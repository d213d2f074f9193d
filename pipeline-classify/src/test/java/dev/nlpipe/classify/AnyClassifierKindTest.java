package dev.nlpipe.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        return model("text");
    }

    /** The keyword model, trained (so its model.json says) on TSV whose text is in {@code textColumn}. */
    private Path model(String textColumn) throws IOException {
        Path m = Files.createDirectories(dir.resolve("kw-" + textColumn));
        Files.writeString(m.resolve("model.json"), "{\"kind\": \"classify.test-keyword\", \"formatVersion\": 1, \"keyword\": \"good\","
                + " \"input\": {\"format\": \"tsv\", \"options\": {\"textColumn\": \"" + textColumn + "\", \"labelColumn\": \"label\"}}}");
        return m;
    }

    @Test
    void anOptionOverridesOneTrainingOptionAndKeepsTheOthers() throws IOException {
        Path data = dir.resolve("reviews.tsv");
        Files.writeString(data, "review\tlabel\tgold\ngood\tneg\tpos\nbad\tpos\tneg\n");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        assertEquals(0.0, (Double) ClassifierEvaluation.evaluate(model("review"), data, "tsv", null, quiet).get("accuracy"), 1e-12);
        // labelColumn replaced, the training textColumn kept
        Map<String, Object> r = ClassifierEvaluation.evaluate(model("review"), data, "tsv", Map.of("labelColumn", "gold"), quiet);
        assertEquals(1.0, (Double) r.get("accuracy"), 1e-12);
    }

    @Test
    void goldLabelsTheModelDoesNotKnowAreCountedAndLeftOutOfTheRocAuc() throws IOException {
        Path data = dir.resolve("three.tsv");
        Files.writeString(data, "text\tlabel\ngood good\tpos\ngood\tneg\nbad\tneg\ngood\tpos\ngood\tmeh\nbad\tmeh\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, Object> r = ClassifierEvaluation.evaluate(model(), data, null, null, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(Map.of("meh", 2L), r.get("unknown_labels"));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("2 of 6 documents have a gold label the model does not know"),
                log.toString(StandardCharsets.UTF_8));
        assertEquals(0.5, (Double) r.get("accuracy"), 1e-12);
        assertEquals(0.875, (Double) r.get("roc_auc"), 1e-12, "the four documents of the model's labels, as without the others");

        Path numbers = dir.resolve("numbers.tsv");
        Files.writeString(numbers, "text\tlabel\ngood\t1\nbad\t0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifierEvaluation.evaluate(model(), numbers, null, null, new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().contains("none of its gold labels is one the model knows: 0 (1), 1 (1); the model's labels are neg, pos"),
                e.getMessage());
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
