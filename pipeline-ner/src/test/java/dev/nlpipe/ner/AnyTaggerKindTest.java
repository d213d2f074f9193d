package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.model.LoadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ner stage and {@code nlpipe eval ner} run a kind they were never told about ({@link DictionaryTaggerKind}). */
class AnyTaggerKindTest {
    @TempDir
    Path dir;

    private Path model() throws IOException {
        Path m = Files.createDirectories(dir.resolve("dict"));
        Files.writeString(m.resolve("model.json"),
                "{\"kind\": \"ner.test-dictionary\", \"formatVersion\": 1, \"words\": {\"北京\": \"LOC\", \"张伟\": \"PER\"}}");
        return m;
    }

    @Test
    void theNerStageRunsAnInstalledKind() throws IOException {
        try (Pipeline p = Pipeline.builder().add("ner", Map.of(), model()).build()) {
            Document d = p.process(new Document("d", "张伟去北京")).get(0);
            assertEquals(List.of(Entity.of(d.text(), "PER", 0, 2), Entity.of(d.text(), "LOC", 3, 5)), d.entities());
        }
    }

    @Test
    void theEvaluatorScoresAnInstalledKind() throws IOException {
        Path gold = dir.resolve("gold.bmes");
        Files.writeString(gold, "张 B-PER\n伟 E-PER\n去 O\n北 B-LOC\n京 E-LOC\n\n上 B-LOC\n海 E-LOC\n");
        NerEvaluator.Result r = NerEvaluator.evaluate(model(), gold, "bmes", LoadOptions.DEFAULT, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()));
        assertEquals(1.0, r.scores().precision(), 1e-12);
        assertEquals(2.0 / 3, r.scores().recall(), 1e-12);
        assertEquals(2, r.documents());
    }
}
