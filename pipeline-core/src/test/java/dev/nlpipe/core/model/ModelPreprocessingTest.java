package dev.nlpipe.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPreprocessingTest {
    @TempDir
    Path dir;

    private static ModelMeta meta(Map<String, Object> values) {
        return new ModelMeta(new LinkedHashMap<>(values));
    }

    @SafeVarargs
    private static ModelMeta stages(Map<String, Object>... stages) {
        return meta(Map.of(ModelPreprocessing.KEY, List.of(stages)));
    }

    private static List<String> tokens(Pipeline p, String text) {
        return p.process(new Document("d", text)).get(0).tokens().stream().map(t -> t.text()).toList();
    }

    @Test
    void theRecordedStagesAreRebuiltWithTheirOptions() {
        ModelMeta m = stages(Map.of("type", "tokenize.regex", "with", Map.of("lowercase", true)));
        try (Pipeline p = ModelPreprocessing.rebuild(dir, m, "pre")) {
            assertEquals(List.of("hello", "world"), tokens(p, "Hello World"));
        }
    }

    @Test
    void aFilterThatSelectedTheTrainingDataIsLeftOutWhenTheModelServesText() {
        ModelMeta m = stages(Map.of("type", "filter.length", "with", Map.of("minChars", 50)), Map.of("type", "tokenize.regex"));
        try (Pipeline p = ModelPreprocessing.rebuildForServing(dir, m, "pre")) {
            assertEquals(List.of("Short", "text"), tokens(p, "Short text"), "a text below minChars comes back, tokenized");
        }
        assertNull(ModelPreprocessing.rebuildForServing(dir, stages(Map.of("type", "filter.length")), "pre"), "nothing else to rebuild");
        try (Pipeline p = ModelPreprocessing.rebuild(dir, m, "pre")) {
            assertEquals(List.of(), p.process(new Document("d", "Short text")), "an evaluation scores what training scored");
        }
    }

    @Test
    void theLegacyKeyOfOldClassifiersWinsOverTheStagesList() {
        ModelMeta m = meta(Map.of(ModelPreprocessing.KEY, List.of(Map.of("type", "tokenize.regex")),
                ModelPreprocessing.LEGACY_KEY, List.of(Map.of("type", "tokenize.regex", "with", Map.of("lowercase", true)))));
        try (Pipeline p = ModelPreprocessing.rebuild(dir, m, "pre")) {
            assertEquals(List.of("hello"), tokens(p, "Hello"));
        }
    }

    @Test
    void aDocumentWithoutALanguageIsGivenTheOneTrainingGaveItsData() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ModelPreprocessing.KEY, List.of(Map.of("type", "test.lang-token")));
        values.put(TrainingInput.KEY, Map.of(TrainingInput.LANGUAGE, "zh"));
        try (Pipeline p = ModelPreprocessing.rebuildForServing(dir, meta(values), "pre")) {
            assertEquals(List.of("lang_zh"), tokens(p, "e-mail"), "served as training read it (segment: HanLP, not Lucene)");
            assertEquals("lang_en", p.process(new Document("d", "e-mail").setLang("en")).get(0).tokens().get(0).text(),
                    "a document's own language wins");
        }
        try (Pipeline p = ModelPreprocessing.rebuild(dir, stages(Map.of("type", "test.lang-token")), "pre")) {
            assertEquals(List.of("lang_none"), tokens(p, "e-mail"), "no language recorded: none given");
        }
    }

    @Test
    void aModelWithoutStagesHasNoPreprocessing() {
        ModelMeta m = meta(Map.of(ModelPreprocessing.KEY, List.of()));
        assertNull(ModelPreprocessing.rebuild(dir, m, "pre"));
        assertFalse(ModelPreprocessing.any(m));
    }

    @Test
    void aStageThatIsNotSafeInsideAModelIsRefusedBeforeItIsBuilt() {
        Path marker = dir.resolve("PWNED");
        ModelMeta m = stages(Map.of("type", "tokenize.regex"), Map.of("type", "test.runs-command", "with", Map.of("touch", marker.toString())));
        ModelException e = assertThrows(ModelException.class, () -> ModelPreprocessing.rebuild(dir, m, "pre"));
        assertTrue(e.getMessage().contains("model.json the preprocessing stage 2 'test.runs-command'"), e.getMessage());
        assertFalse(Files.exists(marker), "the stage must not have been built");
    }

    @Test
    void aPathOptionReadFromAModelIsRefused() {
        ModelMeta m = stages(Map.of("type", "stopwords.remove", "with", Map.of("files", List.of("/etc/passwd"))));
        ModelException e = assertThrows(ModelException.class, () -> ModelPreprocessing.rebuild(dir, m, "pre"));
        assertTrue(e.getMessage().contains("option 'files'"), e.getMessage());
    }

    @Test
    void aStageModelOutsideTheModelDirectoryIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path model = Files.createDirectories(dir.resolve("model"));
        for (String name : List.of("../elsewhere", elsewhere.toString())) {
            ModelMeta m = stages(Map.of("type", "test.model-reader", "model", name));
            ModelException e = assertThrows(ModelException.class, () -> ModelPreprocessing.rebuild(model, m, "pre"));
            assertTrue(e.getMessage().contains("stages[0].model"), e.getMessage());
        }
    }

    @Test
    void aStageModelInsideTheModelDirectoryIsResolvedAgainstIt() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.createDirectories(model.resolve("stages/0"));
        try (Pipeline p = ModelPreprocessing.rebuild(model, stages(Map.of("type", "test.model-reader", "model", "stages/0")), "pre")) {
            assertEquals(model.resolve("stages/0").toAbsolutePath().toString(), p.process(new Document("d", "x")).get(0).meta().get("model"));
        }
    }

    @Test
    void recordingCopiesAStageModelIntoTheModelDirectory() throws IOException {
        Path stageModel = TempFiles.write(dir.resolve("tfidf/vocabulary.tsv"), "v").getParent();
        Path model = Files.createDirectories(dir.resolve("model"));
        List<StageConfig> configured = PipelineConfig.load(TempFiles.write(dir.resolve("p.yaml"), """
                pipeline: p
                stages: [ { type: test.model-reader, model: %s } ]
                """.formatted(stageModel)), List.of()).stages();
        List<Map<String, Object>> recorded = ModelPreprocessing.record(configured, model);
        assertEquals("stages/0", recorded.get(0).get("model"));
        assertEquals("v", Files.readString(model.resolve("stages/0/vocabulary.tsv")));
    }

    @Test
    void aStagesFilesAreCopiedIntoTheModelAndRebuiltFromThereAlone() throws IOException {
        Path dictionary = TempFiles.write(dir.resolve("dict/mine.txt"), "云栈魔方 nz 1000\n");
        Path stops = TempFiles.write(dir.resolve("stop.txt"), "的\n");
        Path model = Files.createDirectories(dir.resolve("model"));
        List<StageConfig> configured = PipelineConfig.load(TempFiles.write(dir.resolve("p.yaml"), """
                pipeline: p
                stages:
                  - { type: segment.hanlp, with: { userDictionaries: [%s] } }
                  - { type: stopwords.remove, with: { files: [%s], languages: [] } }
                """.formatted(dictionary, stops)), List.of()).stages();
        ModelPreprocessing.record(configured, model);
        List<Map<String, Object>> recorded = ModelPreprocessing.record(configured, model); // again, as a later model.json is
        Files.delete(dictionary); // the model no longer needs the original
        assertEquals(List.of("userDictionaries"), recorded.get(0).get("files"));
        assertEquals(Map.of("userDictionaries", List.of("stages/0-files/userDictionaries/0-mine.txt")), recorded.get(0).get("with"));
        assertEquals("的\n", Files.readString(model.resolve("stages/1-files/files/0-stop.txt")));
        ModelMeta meta = meta(Map.of(ModelPreprocessing.KEY, recorded));
        try (Pipeline p = ModelPreprocessing.rebuild(model, meta, "pre")) {
            assertTrue(tokens(p, "云栈魔方的应用").contains("云栈魔方"), tokens(p, "云栈魔方的应用").toString());
        }
        assertEquals(ModelPreprocessing.asConfigured(configured).get(0).get("with"), Map.of("userDictionaries",
                List.of(dictionary.toString())), "what a resumed run compares is the configuration as written");
        // a model that lists a file option pointing out of itself is refused, as a stage model would be
        Map<String, Object> escaping = new LinkedHashMap<>(recorded.get(0));
        escaping.put("with", Map.of("userDictionaries", List.of("../dict/mine.txt")));
        ModelException e = assertThrows(ModelException.class, () -> ModelPreprocessing.rebuild(model,
                meta(Map.of(ModelPreprocessing.KEY, List.of(escaping))), "pre"));
        assertTrue(e.getMessage().contains("stages[0].with.userDictionaries"), e.getMessage());
    }

    @Test
    void aStageNeverRebuiltFromAModelHasNoFilesCopiedIntoIt() throws IOException {
        Path corpus = TempFiles.write(dir.resolve("mentions.conll"), "x\tO\n");
        Path model = Files.createDirectories(dir.resolve("model"));
        List<StageConfig> configured = PipelineConfig.load(TempFiles.write(dir.resolve("p.yaml"), """
                pipeline: p
                stages: [ { type: test.runs-command, with: { touch: %s, reads: %s } } ]
                """.formatted(dir.resolve("ran"), corpus)), List.of()).stages();
        List<Map<String, Object>> recorded = ModelPreprocessing.record(configured, model);
        assertNull(recorded.get(0).get("files"));
        assertEquals(List.of(), TempFiles.tree(model), "nothing copied");
    }
}
