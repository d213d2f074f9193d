package dev.nlpipe.ner.bilstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.ner.TrainedModelFiles;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.eval.Scores;
import dev.nlpipe.core.io.format.ColumnReader;
import dev.nlpipe.nn.Checkpoints;
import dev.nlpipe.ner.EntityEvaluation;
import dev.nlpipe.ner.EntityScores;
import dev.nlpipe.nn.SameSeedRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tiny Chinese character model trained once, then checked as a model directory, a predictor and a stage. */
class ChineseTaggerTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path test;
    static String log;

    @BeforeAll
    static void train() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 80, 1);
        Path dev = SyntheticCorpus.chinese(dir.resolve("dev.bmes"), 20, 2);
        test = SyntheticCorpus.chinese(dir.resolve("test.bmes"), 30, 3);
        model = dir.resolve("ner-zh");
        log = Training.run(dir, Training.chineseYaml(train, dev, test), model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
    }

    @Test
    void writesACompleteModelDirectoryWithProvenance() throws IOException {
        for (String f : List.of("model.json", "vocab.json", "weights.bin", "metrics.json", "metrics.jsonl", "training-curves.html")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        assertFalse(Files.exists(Checkpoints.beside(model).dir()), "the checkpoint is removed after a finished run");
        Map<String, Object> meta = json(model.resolve("model.json"));
        assertEquals("ner.bilstm-crf", meta.get("kind"));
        assertEquals(1, meta.get("formatVersion"));
        assertEquals(List.of("LOC", "ORG", "PER"), meta.get("labels"));
        assertEquals(7, meta.get("seed"));
        Map<String, Object> versions = (Map<String, Object>) meta.get("versions");
        assertEquals("0.35.1", versions.get("djl"));
        assertEquals("2.7.1", versions.get("pytorch"));
        assertEquals("char", ((Map<String, Object>) meta.get("network")).get("unit"));
        Map<String, Object> data = (Map<String, Object>) meta.get("data");
        assertEquals(64, ((String) ((List<Map<String, Object>>) data.get("train")).get(0).get("sha256")).length());
        assertTrue(log.contains("device: cpu (as configured)"), log);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInterruptedRunResumesUnderTheOtherKeepAndTheModelRecordsTheKeptEpoch() throws IOException {
        Path out = dir.resolve("ner-zh-keep");
        Path cfg = trainTwoEpochsThenFailToPublish("keep.yaml", out);
        String resumed = trainWith(cfg, out, List.of("train.epochs=3", "train.keep=last"));
        assertTrue(resumed.contains("resuming after epoch 2"), "keep is not part of the checkpoint's configuration: " + resumed);
        Map<String, Object> training = (Map<String, Object>) json(out.resolve("model.json")).get("training");
        assertEquals(3, training.get("keptEpoch"));
        assertTrue(training.containsKey("bestEpoch"));
        assertEquals(3, json(out.resolve("metrics.json")).get("keptEpoch"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunThatMaxTimeEndsIsCompleteAndTheSameCommandContinuesIt() throws IOException {
        Path out = dir.resolve("ner-zh-timed");
        Path cfg = chineseConfig("timed.yaml");
        // no epoch fits in a millisecond: the run stops after the first, which always runs
        String first = trainWith(cfg, out, List.of("train.epochs=3", "train.maxTime=1ms"));
        assertTrue(first.contains("train.maxTime 1ms: stopping after epoch 1 of 3"), first);
        Map<String, Object> metrics = json(out.resolve("metrics.json"));
        assertEquals(true, metrics.get("outOfTime"));
        assertEquals(1, metrics.get("epochs"));
        assertTrue(metrics.containsKey("test"), "the stopped run is scored and published like any other");
        assertTrue(Files.isDirectory(Checkpoints.beside(out).dir()), "its checkpoint stays to be continued");

        String second = trainWith(cfg, out, List.of("train.epochs=3"));
        assertTrue(second.contains("resuming after epoch 1"), "maxTime is not part of the checkpoint's configuration: " + second);
        Map<String, Object> training = (Map<String, Object>) json(out.resolve("model.json")).get("training");
        assertEquals(3, training.get("epochs"));
        assertEquals(false, training.get("outOfTime"));
        assertFalse(Files.exists(Checkpoints.beside(out).dir()), "a run that finishes removes its checkpoint");
    }

    /** Writes the Chinese training file over the class's train, dev and test data to {@code name}. */
    private static Path chineseConfig(String name) throws IOException {
        return Files.writeString(dir.resolve(name), Training.chineseYaml(dir.resolve("train.bmes"), dir.resolve("dev.bmes"),
                dir.resolve("test.bmes")));
    }

    /** Trains {@code cfg} with {@code sets} into {@code out}; returns the log. */
    private static String trainWith(Path cfg, Path out, List<String> sets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, sets), out, log)) {
            job.run();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunThatFailsBeforeItsModelIsPublishedKeepsItsCheckpoint() throws IOException {
        Path failed = dir.resolve("ner-zh-failed");
        trainTwoEpochsThenFailToPublish("failed.yaml", failed);
        assertFalse(Files.exists(failed), "nothing is published");
        assertTrue(Files.isDirectory(Checkpoints.beside(failed).dir()), "the checkpoint stays until the model is published");
    }

    /**
     * Trains the Chinese config (written to {@code configName}) for two epochs into {@code out}, then
     * fails as a full disk would before the model is published, leaving the checkpoint; returns the config.
     */
    private static Path trainTwoEpochsThenFailToPublish(String configName, Path out) throws IOException {
        Path cfg = chineseConfig(configName);
        try (PrintStream log = new PrintStream(OutputStream.nullOutputStream());
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of("train.epochs=2")), out, log)) {
            IOException e = assertThrows(IOException.class, () -> job.run(j -> {
                new BiLstmCrfTrainer().train(j);
                throw new IOException("disk full");
            }));
            assertEquals("disk full", e.getMessage());
        }
        return cfg;
    }

    @Test
    void aCleanUpThatFailsAfterTheModelIsPublishedOnlyWarns() throws IOException {
        Path out = dir.resolve("ner-zh-cleanup");
        Path cfg = chineseConfig("cleanup.yaml");
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of("train.epochs=1")), out, log)) {
            job.run(j -> {
                new BiLstmCrfTrainer().train(j);
                j.afterPublish(() -> {
                    throw new IOException("permission denied");
                });
            });
            assertTrue(job.published());
        }
        assertTrue(Files.isRegularFile(out.resolve("model.json")), "the model stays published");
        String text = logged.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("warning: the model is complete in " + out) && text.contains("permission denied"), text);
    }

    @Test
    void theTrainingHoldsTheShutdownGateUntilItsModelIsWrittenNotOnlyWhileItTrains() throws IOException {
        // an interrupt after the last epoch must wait for the weights being saved and the test split being scored
        Path out = dir.resolve("ner-zh-gate");
        Path cfg = chineseConfig("gate.yaml");
        boolean[] heldAfterTheLoop = {false};
        try (PrintStream log = new PrintStream(OutputStream.nullOutputStream());
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of("train.epochs=1")), out, log)) {
            job.run(j -> {
                new BiLstmCrfTrainer().train(j);
                heldAfterTheLoop[0] = dev.nlpipe.nn.ShutdownGate.global().busy();
            });
        }
        assertTrue(heldAfterTheLoop[0], "the trainer's thread is still inside the gate after its loop");
        assertFalse(dev.nlpipe.nn.ShutdownGate.global().busy(), "and leaves it when the job is done");
    }

    @Test
    void theLossFallsAndEveryEpochIsLogged() throws IOException {
        TrainedModelFiles.assertLossFellOver(model, 8);
        Map<String, Object> metrics = json(model.resolve("metrics.json"));
        double f1 = ((Number) ((Map<?, ?>) metrics.get("test")).get("f1")).doubleValue();
        assertTrue(f1 > 0.8, "test F1 " + f1);
        assertTrue(((Map<?, ?>) metrics.get("test")).containsKey("perType"));
    }

    @Test
    void theLoadedModelPredictsWhatTheTrainedOneDid() throws IOException {
        Map<String, Object> metrics = json(model.resolve("metrics.json"));
        double trained = ((Number) ((Map<?, ?>) metrics.get("test")).get("f1")).doubleValue();
        BiLstmCrfModel loaded = BiLstmCrfModel.load(model);
        List<Document> gold = read(test);
        Scores s;
        try (BiLstmCrfPredictor p = loaded.predictorOn(Device.cpu())) {
            s = EntityEvaluation.evaluate(gold.iterator(), docs -> p.entities(docs, 7), n -> { });
        }
        assertEquals(trained, s.f1(), 1e-12);
    }

    private static List<Document> read(Path file) throws IOException {
        ColumnReader.Bmes reader = new ColumnReader.Bmes();
        List<Document> out = new ArrayList<>();
        try (var r = reader.open(new dev.nlpipe.core.io.InputSource(file, file.toString(), file.getFileName().toString()),
                dev.nlpipe.core.config.Options.of("bmes", Map.of(), reader.options()), dev.nlpipe.core.io.ReadSettings.defaults())) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void theStageTagsRawTextWithOffsetsIntoTheOriginal() {
        try (Pipeline p = Pipeline.builder().add("ner", Map.of("device", "cpu"), model).build()) {
            Document d = p.process(new Document("d", "😀 张伟在 北京的华为公司工作。")).get(0);
            for (Entity e : d.entities()) {
                assertEquals(d.text().substring(e.start(), e.end()), e.text());
            }
            List<Entity> unscored = EntityScores.unscored(d.text(), d.entities());
            assertTrue(unscored.contains(Entity.of(d.text(), "PER", 3, 5)), d.entities().toString());
            assertTrue(unscored.contains(Entity.of(d.text(), "LOC", 7, 9)), d.entities().toString());
            Document empty = p.process(new Document("e", "  ")).get(0);
            assertEquals(List.of(), empty.entities());
        }
    }

    @Test
    void everyEntityCarriesItsMarginalProbabilityIntoTheJsonOutput() throws IOException {
        try (Pipeline p = Pipeline.builder().add("ner", Map.of("device", "cpu"), model).build()) {
            EntityScores.assertScoredInJson(p.process(new Document("d", "张伟在北京的华为公司工作。王芳毕业于北京大学。")).get(0));
        }
    }

    @Test
    void sentencesAreTaggedSeparately() {
        try (Pipeline p = Pipeline.builder().add("ner", Map.of("device", "cpu"), model).build()) {
            String a = "张伟毕业于北京大学。";
            String b = "华为公司位于深圳。";
            Document joined = new Document("j", a + b).setSentences(List.of(new Span(0, a.length()), new Span(a.length(), a.length() + b.length())));
            List<Entity> together = p.process(joined).get(0).entities();
            List<Entity> expected = new ArrayList<>(p.process(new Document("a", a)).get(0).entities());
            for (Entity e : p.process(new Document("b", b)).get(0).entities()) {
                expected.add(new Entity(e.type(), e.start() + a.length(), e.end() + a.length(), e.text(), e.score()));
            }
            assertEquals(expected, together);
        }
    }

    @Test
    void oneStageServesSeveralThreads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readString(test).split("\n\n")) {
            StringBuilder sb = new StringBuilder();
            for (String l : line.split("\n")) {
                if (!l.isBlank()) {
                    sb.append(l.charAt(0));
                }
            }
            texts.add(sb.toString());
        }
        try (Pipeline p = Pipeline.builder().add("ner", Map.of("device", "cpu", "batchSize", 3), model).build()) {
            List<List<Entity>> sequential = new ArrayList<>();
            for (String t : texts) {
                sequential.add(p.process(new Document("s", t)).get(0).entities());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<List<Entity>>>> futures = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    futures.add(pool.submit(() -> {
                        List<Document> docs = new ArrayList<>();
                        for (String t : texts) {
                            docs.add(new Document("p", t));
                        }
                        List<List<Entity>> out = new ArrayList<>();
                        for (int i = 0; i < docs.size(); i += 5) {
                            for (Document d : p.processBatch(docs.subList(i, Math.min(docs.size(), i + 5)))) {
                                out.add(d.entities());
                            }
                        }
                        return out;
                    }));
                }
                for (Future<List<List<Entity>>> f : futures) {
                    assertEquals(sequential, f.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void theSameSeedTrainsTheSameWeights() throws IOException {
        SameSeedRuns.assertReproduced(model, dir.resolve("ner-zh-again"),
                out -> Training.run(dir, Training.chineseYaml(dir.resolve("train.bmes"), dir.resolve("dev.bmes"), test), out),
                SameSeedRuns.sameFile("weights.bin"));
    }
}
