package dev.nlpipe.ner.flat;

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

/** One tiny FLAT model trained once on a made-up Chinese corpus with a word-list lexicon, then checked as a directory, a kind and a stage. */
class FlatTaggerTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path test;
    static Path lexicon;
    static String log;

    /** A tiny, fast FLAT configuration over the given BMES files and word list. */
    static String yaml(Path train, Path dev, Path test, Path lexicon, String extraModel) {
        return "task: ner.flat\n"
                + "data: { train: " + train + ", dev: " + dev + ", test: " + test + ", format: bmes }\n"
                + "model: { charDim: 16, bigramDim: 8, wordDim: 8, heads: 2, headDim: 8, feedForward: 2, embedDropout: 0.1,"
                + " lexiconDropout: 0.1, ffDropout: 0.1, outputDropout: 0.1, maxLength: 12, lexicon: [" + lexicon + "]" + extraModel + " }\n"
                + "train: { epochs: 8, batchSize: 8, optimizer: adam, lr: 0.01, warmupRatio: 0, schedule: constant, device: cpu,"
                + " threads: 1, seed: 7, patience: 0 }\n";
    }

    @BeforeAll
    static void train() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 80, 1);
        Path dev = SyntheticCorpus.chinese(dir.resolve("dev.bmes"), 20, 2);
        test = SyntheticCorpus.chinese(dir.resolve("test.bmes"), 30, 3);
        lexicon = Files.write(dir.resolve("words.txt"), SyntheticCorpus.partialLexicon());
        model = dir.resolve("flat");
        log = Training.run(dir, yaml(train, dev, test, lexicon, ""), model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
    }

    private static double testF1() throws IOException {
        return testF1(model);
    }

    /** The test F1 the training of {@code dir} wrote into its {@code metrics.json}. */
    private static double testF1(Path dir) throws IOException {
        return ((Number) ((Map<?, ?>) json(dir.resolve("metrics.json")).get("test")).get("f1")).doubleValue();
    }

    /** What {@code eval ner} scores the saved model {@code dir} on the test file. */
    private static double evaluatedF1(Path dir) throws IOException {
        return NerEvaluator.evaluate(dir, test, "bmes", new LoadOptions("cpu", 7, 1), new PrintStream(OutputStream.nullOutputStream()))
                .scores().f1();
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesAModelDirectoryWithItsLexicon() throws IOException {
        for (String f : List.of("model.json", "vocab.json", "weights.bin", "lexicon.txt", "metrics.json", "metrics.jsonl")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        assertFalse(Files.exists(Checkpoints.beside(model).dir()), "the checkpoint is removed after a finished run");
        Map<String, Object> meta = json(model.resolve("model.json"));
        assertEquals("ner.flat", meta.get("kind"));
        assertEquals(List.of("LOC", "ORG", "PER"), meta.get("labels"));
        Map<String, Object> network = (Map<String, Object>) meta.get("network");
        assertEquals(2, network.get("heads"));
        assertEquals(false, network.get("encoder"));
        assertEquals("standard", network.get("variant"));
        Map<String, Object> lex = (Map<String, Object>) meta.get("lexicon");
        assertEquals(64, ((String) lex.get("sha256")).length());
        assertTrue(((Number) lex.get("words")).intValue() > 10, lex.toString());
    }

    @Test
    void logsTheClippedSentencesAndTheLattices() {
        assertTrue(log.matches("(?s).*maxLength 12: \\d+ of 80 training sentences clipped \\(\\d+ characters and \\d+ entities left"
                + " out\\).*"), log);
        assertTrue(log.contains("lattices: "), log);
    }

    @Test
    void aFixedSeedGivesTheSameWeights() throws IOException {
        SameSeedRuns.assertReproduced(model, dir.resolve("flat-again"),
                out -> Training.run(dir, yaml(dir.resolve("train.bmes"), dir.resolve("dev.bmes"), test, lexicon, ""), out),
                SameSeedRuns.sameFile("weights.bin"));
    }

    @Test
    void theLossFallsAndTheEntitiesAreLearned() throws IOException {
        TrainedModelFiles.assertLossFellOver(model, 8);
        assertTrue(testF1() > 0.8, "test F1 " + testF1());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReferenceCodesFormOfTheLayerLearnsAndReloads() throws IOException {
        Path ref = dir.resolve("flat-reference");
        // on 80 sentences most entity names are lexicon words matched once, which lexiconUnknown blurs half the
        // time: this form of the layer then needs more than 8 epochs, so the check of the layer leaves it out
        Training.run(dir, yaml(dir.resolve("train.bmes"), dir.resolve("dev.bmes"), test, lexicon, ", variant: reference, lexiconUnknown: 0"),
                ref);
        assertEquals("reference", ((Map<String, Object>) json(ref.resolve("model.json")).get("network")).get("variant"));
        TrainedModelFiles.assertLossFellOver(ref, 8);
        double f1 = testF1(ref);
        assertTrue(f1 > 0.8, "test F1 " + f1);
        assertEquals(f1, evaluatedF1(ref), 1e-12, "the reloaded model binds the variant's weights and scores as trained");
    }

    @Test
    @SuppressWarnings("unchecked")
    void wordsTrainingNeverMatchedKeepTheirSpansThroughTheUnknownWordVector() throws IOException {
        List<String> words = new ArrayList<>(SyntheticCorpus.partialLexicon());
        words.addAll(List.of("深圳湾", "西湖区", "南京路"));
        Path list = Files.write(dir.resolve("words-with-unseen.txt"), words);
        Path unknown = dir.resolve("flat-unknown");
        String out = Training.run(dir, yaml(dir.resolve("train.bmes"), dir.resolve("dev.bmes"), test, list, ", lexiconUnknown: 0.5"),
                unknown);
        assertTrue(out.contains("the other 3 share the unknown-word vector"), out);
        Map<String, Object> lex = (Map<String, Object>) json(unknown.resolve("model.json")).get("lexicon");
        assertEquals(words.size(), lex.get("words"));
        assertEquals(words.size() - 3, lex.get("trained"));
        assertEquals(0.5, lex.get("unknownWords"));
        assertTrue(testF1(unknown) > 0.8, "test F1 " + testF1(unknown));
        assertEquals(testF1(unknown), evaluatedF1(unknown), 1e-12, "the reloaded model matches the same words");

        FlatFeaturizer f = FlatModel.load(unknown).featurizer();
        Lattice l = f.encode(UnitSequence.of(new Document("x", "他在深圳湾工作"), false, false, "ner").get(0), null);
        int unknownRow = f.lexicon.unknownRow();
        assertTrue(Arrays.stream(l.words()).anyMatch(w -> w == unknownRow), Arrays.toString(l.words()));
        assertTrue(Arrays.stream(l.words()).anyMatch(w -> w > 0 && w < unknownRow), "工作 keeps its own vector");
    }

    @Test
    void theReloadedModelPredictsWhatTheTrainedOneDid() throws IOException {
        assertEquals(testF1(), evaluatedF1(model), 1e-12, "eval ner on the saved model equals the test score of the trained one");
        FlatModel loaded = FlatModel.load(model);
        List<Document> docs = List.of(new Document("a", "张伟在北京的华为公司工作。"), new Document("b", "吴磊毕业于清华大学。"));
        try (FlatPredictor p = loaded.predictorOn(Device.cpu()); FlatPredictor q = FlatModel.load(model).predictorOn(Device.cpu())) {
            List<List<Entity>> one = p.entities(docs, 1);
            List<List<Entity>> two = q.entities(docs, 2);
            for (int i = 0; i < docs.size(); i++) {
                String text = docs.get(i).text();
                assertEquals(EntityScores.unscored(text, one.get(i)), EntityScores.unscored(text, two.get(i)));
                for (int k = 0; k < one.get(i).size(); k++) {
                    // padding in a batch of two changes the float sums slightly, not the decision
                    assertEquals(one.get(i).get(k).score(), two.get(i).get(k).score(), 1e-6);
                }
            }
        }
    }

    @Test
    void aTextLongerThanMaxLengthIsTaggedInWindowsAsIfEachWereATextOfItsOwn() {
        // the model's maxLength is 12: the first window ends after the 。 that closes the first sentence
        String first = "张伟在北京华为公司工作。";
        String second = "吴磊毕业于清华大学。";
        try (FlatPredictor p = FlatModel.load(model).predictorOn(Device.cpu())) {
            List<List<Entity>> found = p.entities(List.of(new Document("long", first + second), new Document("a", first),
                    new Document("b", second)), 4);
            List<Entity> expected = new ArrayList<>(found.get(1));
            for (Entity e : found.get(2)) {
                expected.add(new Entity(e.type(), e.start() + first.length(), e.end() + first.length(), e.text(), e.score()));
            }
            assertFalse(expected.isEmpty(), "the windows hold entities");
            assertEquals(expected.size(), found.get(0).size(), found.toString());
            for (int k = 0; k < expected.size(); k++) {
                Entity want = expected.get(k);
                Entity got = found.get(0).get(k);
                assertEquals(List.of(want.type(), want.start(), want.end(), want.text()), List.of(got.type(), got.start(), got.end(),
                        got.text()));
                assertEquals(want.score(), got.score(), 1e-6);
            }
        }
    }

    @Test
    void theStageTagsRawTextWithOffsetsIntoTheOriginal() {
        try (Pipeline p = Pipeline.builder().add("ner", Map.of("device", "cpu"), model).build()) {
            // 12 characters, the model's maxLength: tagged as one window
            Document d = p.process(new Document("d", "😀 张伟在 北京的华为公司。")).get(0);
            for (Entity e : d.entities()) {
                assertEquals(d.text().substring(e.start(), e.end()), e.text());
            }
            List<Entity> spans = EntityScores.unscored(d.text(), d.entities());
            assertTrue(spans.contains(Entity.of(d.text(), "LOC", 7, 9)), d.entities().toString());
            assertTrue(spans.contains(Entity.of(d.text(), "ORG", 10, 14)), d.entities().toString());
            assertEquals(List.of(), p.process(new Document("e", "  ")).get(0).entities());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModelTrainedBehindASegmenterServesAfterAnotherTokenizerSinceItReadsCharacters() throws IOException {
        // as a training file adapted from ner-resume.yaml records segment.hanlp; FLAT never reads its tokens
        Path copy = Files.createDirectories(dir.resolve("flat-behind-segmenter"));
        try (var files = Files.list(model)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        Map<String, Object> meta = json(copy.resolve("model.json"));
        meta.put("stages", List.of(Map.of("type", "segment.hanlp")));
        DocumentJson.mapper().writeValue(copy.resolve("model.json").toFile(), meta);
        try (Pipeline p = Pipeline.builder().add("tokenize.regex").add("ner", Map.of("device", "cpu"), copy).build()) {
            Document d = p.process(new Document("d", "张伟在北京的华为公司。")).get(0);
            assertTrue(EntityScores.unscored(d.text(), d.entities()).contains(Entity.of(d.text(), "LOC", 3, 5)), d.entities().toString());
        }
    }

    @Test
    void everyEntityCarriesItsMarginalProbabilityIntoTheJsonOutput() throws IOException {
        try (Pipeline p = Pipeline.builder().add("ner", Map.of("device", "cpu"), model).build()) {
            EntityScores.assertScoredInJson(p.process(new Document("d", "张伟在北京的华为公司工作。")).get(0));
        }
    }

    @Test
    void aChangedLexiconFileIsRefused() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("changed"));
        try (var files = Files.list(model)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        Files.writeString(copy.resolve("lexicon.txt"), "北京\n", java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(dev.nlpipe.core.model.ModelException.class, () -> FlatModel.load(copy));
        assertTrue(e.getMessage().contains("lexicon.txt"), e.getMessage());
    }

    @Test
    void aTrainingSentenceIsClippedBeforeAnEntityAcrossTheLimitNotThroughIt() {
        // 北京大学 spans characters 3..7: a limit of 5 would train 北京 as O; the sentence is cut at 3 instead
        dev.nlpipe.core.doc.Document d = new dev.nlpipe.core.doc.Document("d", "我去了北京大学看看");
        d.setEntities(List.of(dev.nlpipe.core.doc.Entity.of(d.text(), "ORG", 3, 7)));
        dev.nlpipe.ner.data.TaggedData data = dev.nlpipe.ner.data.TaggedData.of(List.of(d), FlatSpec.units("test"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        FlatTrainer.Sentences s = FlatTrainer.Sentences.clipped(data, 5, new java.io.PrintStream(out, true));
        assertEquals(3, s.sequences().get(0).length());
        assertEquals(List.of(), s.gold().get(0));
        assertTrue(out.toString().contains("(6 characters and 1 entities left out)"), out.toString());
    }
}
