package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tagger whose recorded preprocessing holds a stage that is not safe inside a model (here a
 * nested {@code ner} stage) is refused by the {@code ner} stage and by the evaluator alike.
 */
class PreprocessingSafetyTest {
    @TempDir
    Path dir;
    Path model;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void hostileCopyOfTheFixture() throws Exception {
        Path from = Path.of(PreprocessingSafetyTest.class.getResource("/fixtures/bilstm-crf-v1").toURI());
        model = Files.createDirectories(dir.resolve("model"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, model.resolve(p.getFileName().toString()));
            }
        }
        Path json = model.resolve("model.json");
        Map<String, Object> m = DocumentJson.mapper().readValue(json.toFile(), LinkedHashMap.class);
        m.put("stages", List.of(Map.of("type", "ner", "model", ".")));
        DocumentJson.mapper().writeValue(json.toFile(), m);
    }

    @Test
    void theNerStageRefusesIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Pipeline.builder().add("ner", Map.of("device", "cpu", "preprocess", true), model).build());
        assertTrue(e.getMessage().contains("preprocessing stage 1 'ner'"), e.getMessage());
    }

    @Test
    void theEvaluatorRefusesIt() throws IOException {
        Path gold = Files.writeString(dir.resolve("gold.bmes"), "北 B-LOC\n京 E-LOC\n\n");
        ModelException e = assertThrows(ModelException.class, () -> NerEvaluator.evaluate(model, gold, "bmes",
                new LoadOptions("cpu", 4, 1), new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().contains("preprocessing stage 1 'ner'"), e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModelBehindAStageAddingEntitiesIsNotScoredAgainstGoldItWouldChange() throws IOException {
        Path json = model.resolve("model.json");
        Map<String, Object> m = DocumentJson.mapper().readValue(json.toFile(), LinkedHashMap.class);
        m.put("stages", List.of(Map.of("type", "segment.hanlp", "with", Map.of("entities", true))));
        DocumentJson.mapper().writeValue(json.toFile(), m);
        Path gold = Files.writeString(dir.resolve("gold.bmes"), "北 B-LOC\n京 E-LOC\n\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NerEvaluator.evaluate(model, gold, "bmes",
                new LoadOptions("cpu", 4, 1), new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().contains("segment.hanlp, which adds entities of its own"), e.getMessage());
    }

    @Test
    void trainingBehindAStageAddingEntitiesIsRefusedAtTheStage() throws IOException {
        Path train = Files.writeString(dir.resolve("train.bmes"), "北 B-LOC\n京 E-LOC\n\n");
        Path config = Files.writeString(dir.resolve("t.yaml"), """
                task: ner.bilstm-crf
                data: { train: %s, format: bmes }
                stages:
                  - type: segment.hanlp
                    with: { entities: true }
                """.formatted(train));
        ConfigException e = assertThrows(ConfigException.class, () -> dev.nlpipe.core.model.TrainingJob.prepare(
                dev.nlpipe.core.config.TrainConfig.load(config, List.of()), dir.resolve("out"), new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().contains("adds entities of its own") && e.location().line() == 4, e.getMessage());
    }
}
