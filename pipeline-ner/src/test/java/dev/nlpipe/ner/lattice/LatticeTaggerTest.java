package dev.nlpipe.ner.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.ner.TrainedModelFiles;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.ner.EntityScores;
import dev.nlpipe.ner.NerEvaluator;
import dev.nlpipe.ner.bilstm.SyntheticCorpus;
import dev.nlpipe.ner.bilstm.Training;
import dev.nlpipe.ner.data.UnitSequence;
import dev.nlpipe.nn.Checkpoints;
import dev.nlpipe.nn.SameSeedRuns;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tiny Lattice LSTM trained once on a synthetic corpus with a word list, then checked as a model directory, predictor and stage. */
class LatticeTaggerTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path test;
    static String log;

    static String yaml(Path train, Path dev, Path test, Path words, int epochs) {
        return yaml(train, dev, test, words, epochs, "");
    }

    static String yaml(Path train, Path dev, Path test, Path words, int epochs, String extraModel) {
        return "task: ner.lattice-lstm\n"
                + "data: { train: " + train + ", dev: " + dev + ", test: " + test + ", format: bmes }\n"
                + "model: { charDim: 16, bigramDim: 8, wordDim: 8, hidden: 16, dropout: 0.1, lexicon: [" + words + "]" + extraModel + " }\n"
                + "train: { epochs: " + epochs + ", batchSize: 8, optimizer: adam, lr: 0.01, schedule: constant, warmupSteps: 0, device: cpu,"
                + " threads: 1, seed: 7, patience: 0 }\n";
    }

    @BeforeAll
    static void train() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 80, 1);
        Path dev = SyntheticCorpus.chinese(dir.resolve("dev.bmes"), 20, 2);
        test = SyntheticCorpus.chinese(dir.resolve("test.bmes"), 30, 3);
        Path words = Files.write(dir.resolve("words.txt"), SyntheticCorpus.chineseWords());
        model = dir.resolve("lattice");
        log = Training.run(dir, yaml(train, dev, test, words, 8), model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
    }

    @Test
    void writesAModelDirectoryWithItsLexicon() throws IOException {
        for (String f : List.of("model.json", "vocab.json", "weights.bin", "lexicon.txt", "metrics.json", "metrics.jsonl")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        assertFalse(Files.exists(Checkpoints.beside(model).dir()));
        Map<String, Object> meta = json(model.resolve("model.json"));
        assertEquals("ner.lattice-lstm", meta.get("kind"));
        assertEquals(List.of("LOC", "ORG", "PER"), meta.get("labels"));
        @SuppressWarnings("unchecked")
        Map<String, Object> lexicon = (Map<String, Object>) meta.get("lexicon");
        assertEquals(64, ((String) lexicon.get("sha256")).length());
        assertEquals(Files.readAllLines(model.resolve("lexicon.txt")).size(), lexicon.get("words"));
        assertTrue(log.contains("word matches over"), log);
    }

    @Test
    void theLossFallsAndTheEntitiesAreLearned() throws IOException {
        TrainedModelFiles.assertLossFellOver(model, 8);
        @SuppressWarnings("unchecked")
        Map<String, Object> scores = (Map<String, Object>) json(model.resolve("metrics.json")).get("test");
        assertTrue(((Number) scores.get("f1")).doubleValue() > 0.9, "test scores " + scores);
    }

    @Test
    void theReloadedModelScoresExactlyAsTheTrainedOneThroughTheRegistry() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> trained = (Map<String, Object>) json(model.resolve("metrics.json")).get("test");
        NerEvaluator.Result reloaded = NerEvaluator.evaluate(model, test, "bmes", LoadOptions.DEFAULT,
                new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(((Number) trained.get("f1")).doubleValue(), reloaded.scores().f1(), 1e-12);
        assertEquals(((Number) trained.get("precision")).doubleValue(), reloaded.scores().precision(), 1e-12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void wordsTrainingNeverMatchedKeepTheirSpansThroughTheUnknownWordVector() throws IOException {
        List<String> words = new ArrayList<>(SyntheticCorpus.chineseWords());
        words.addAll(List.of("深圳湾", "西湖区"));
        Path list = Files.write(dir.resolve("words-with-unseen.txt"), words);
        Path unknown = dir.resolve("lattice-unknown");
        String out = Training.run(dir, yaml(dir.resolve("train.bmes"), dir.resolve("dev.bmes"), test, list, 8, ", lexiconUnknown: 0.5"),
                unknown);
        assertTrue(out.contains("the other 2 share the unknown-word vector"), out);
        Map<String, Object> lexicon = (Map<String, Object>) json(unknown.resolve("model.json")).get("lexicon");
        assertEquals(words.size() - 2, lexicon.get("trained"));
        LatticeModel loaded = LatticeModel.load(unknown);
        LatticeExample e = LatticeExample.of(loaded.featurizer(), loaded.lexicon(),
                UnitSequence.of(new Document("x", "他在深圳湾"), false, false, "ner").get(0), null);
        int[] bay = Arrays.stream(e.words()).filter(w -> w[0] == 2 && w[1] == 5).findFirst().orElseThrow();
        assertEquals(loaded.lexicon().unknownRow(), bay[2], "深圳湾 is in the lattice, read as the unknown word");
        Map<String, Object> trained = (Map<String, Object>) json(unknown.resolve("metrics.json")).get("test");
        NerEvaluator.Result reloaded = NerEvaluator.evaluate(unknown, test, "bmes", LoadOptions.DEFAULT,
                new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(((Number) trained.get("f1")).doubleValue(), reloaded.scores().f1(), 1e-12);
    }

    @Test
    void theNerStageAndAPredictorFindTheSameEntitiesWithOffsetsIntoTheText() throws IOException {
        String text = "  张伟在 北京的华为公司工作。\n李强毕业于清华大学。";
        List<Entity> direct;
        try (LatticePredictor p = LatticeModel.load(model).predictorOn(Device.cpu())) {
            direct = p.entities(List.of(new Document("d", text)), 4).get(0);
        }
        try (Pipeline pipeline = Pipeline.builder().add("ner", Map.of(), model).build()) {
            Document d = pipeline.process(new Document("d", text)).get(0);
            assertEquals(direct, d.entities());
        }
        List<Entity> unscored = EntityScores.unscored(text, direct);
        assertTrue(unscored.contains(Entity.of(text, "PER", 2, 4)), direct.toString());
        assertTrue(unscored.contains(Entity.of(text, "ORG", 9, 13)), direct.toString());
        for (Entity e : direct) {
            assertEquals(e.text(), text.substring(e.start(), e.end()));
        }
    }

    @Test
    void everyEntityCarriesItsMarginalProbabilityIntoTheJsonOutput() throws IOException {
        try (Pipeline p = Pipeline.builder().add("ner", Map.of("device", "cpu"), model).build()) {
            EntityScores.assertScoredInJson(p.process(new Document("d", "张伟在北京的华为公司工作。李强毕业于清华大学。")).get(0));
        }
    }

    @Test
    void aFixedSeedGivesTheSameWeights() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("small.bmes"), 12, 5);
        Path words = Files.write(dir.resolve("words2.txt"), SyntheticCorpus.chineseWords());
        Path a = dir.resolve("a");
        Training.run(dir, yaml(train, train, train, words, 1), a);
        SameSeedRuns.assertReproduced(a, dir.resolve("b"), out -> Training.run(dir, yaml(train, train, train, words, 1), out),
                SameSeedRuns.sameFile("weights.bin"));
    }
}
