package dev.nlpipe.bert.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.nn.bert.TinyEncoder;
import dev.nlpipe.classify.ClassifierEvaluation;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.TextClassifier;
import dev.nlpipe.core.model.TrainingJob;
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

/** A tiny random encoder fine-tuned once on a made-up sentiment corpus, then used as a model directory. */
class BertClassifierTrainingTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path test;
    static String log;

    static String train(Path out, String extra, String... sets) throws IOException {
        Path encoder = dir.resolve("encoder");
        if (!Files.exists(encoder)) {
            TinyEncoder.write(encoder, SentimentTexts.vocabulary(), 1);
        }
        Path train = SentimentTexts.tsv(dir.resolve("train.tsv"), 160, 1);
        Path dev = SentimentTexts.tsv(dir.resolve("dev.tsv"), 40, 2);
        test = SentimentTexts.tsv(dir.resolve("test.tsv"), 60, 3);
        Path cfg = dir.resolve("train-" + out.getFileName() + ".yaml");
        Files.writeString(cfg, "task: classify.bert\n"
                + "data: { train: " + train + ", dev: " + dev + ", test: " + test + ", format: tsv, textColumn: text, labelColumn: label }\n"
                + "model: { encoder: " + encoder + ", maxLength: 16, pooling: mean" + extra + " }\n"
                + "train: { epochs: 8, batchSize: 16, lr: 0.003, device: cpu, threads: 1, seed: 5, patience: 0, warmupRatio: 0.1 }\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of(sets)), out, p)) {
            job.run();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        model = dir.resolve("clf");
        log = train(model, "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
    }

    @Test
    void aPoolerThePoolingDoesNotReadStaysAsImported() throws IOException {
        // mean pooling leaves the pooler without gradients: AdamW's weight decay must not shrink it all the same
        Path encoder = TinyEncoder.writeWithPooler(dir.resolve("encoder-pooler"), SentimentTexts.vocabulary(), 2);
        Path out = dir.resolve("clf-pooler");
        train(out, "", "model.encoder=" + encoder, "train.epochs=2", "train.weightDecay=0.1");
        var imported = dev.nlpipe.nn.SafeTensorsFile.read(encoder.resolve("model.safetensors"));
        var trained = dev.nlpipe.nn.SafeTensorsFile.read(out.resolve("model.safetensors"));
        assertArrayEquals(imported.get("pooler.dense.weight").values(), trained.get("bert.pooler.dense.weight").values());
        assertFalse(java.util.Arrays.equals(imported.get("encoder.layer.0.attention.self.query.weight").values(),
                trained.get("bert.encoder.layer.0.attention.self.query.weight").values()), "the layers did train");
    }

    @Test
    void theLossFallsAndTheTestTextsAreClassified() throws IOException {
        List<String> lines = Files.readAllLines(model.resolve("metrics.jsonl"));
        double first = ((Number) DocumentJson.mapper().readValue(lines.get(0), Map.class).get("loss")).doubleValue();
        double last = ((Number) DocumentJson.mapper().readValue(lines.get(lines.size() - 1), Map.class).get("loss")).doubleValue();
        assertTrue(last < first / 2, first + " -> " + last);
        double accuracy = ((Number) ((Map<?, ?>) json(model.resolve("metrics.json")).get("test")).get("accuracy")).doubleValue();
        assertTrue(accuracy > 0.9, "test accuracy " + accuracy + "\n" + log);
    }

    @Test
    void aMaxLengthPastTheEncodersPositionsIsRefusedBeforeTraining() {
        ConfigException e = assertThrows(ConfigException.class, () -> train(dir.resolve("too-long"), "", "model.maxLength=100000"));
        assertTrue(e.getMessage().contains("maxLength") && e.getMessage().contains("positions; set maxLength: "), e.getMessage());
    }

    @Test
    void aTestSplitWithoutLabelsIsRefusedBeforeTraining() throws IOException {
        // the texts of a public test set whose labels are withheld
        Path unlabelled = Files.writeString(dir.resolve("unlabelled.tsv"), "text\tlabel\n房间 很好\t\nthe staff was awful\t\n");
        ConfigException e = assertThrows(ConfigException.class, () -> train(dir.resolve("no-test-labels"), "", "data.test=" + unlabelled));
        assertTrue(e.getMessage().contains("data.test: " + unlabelled + " holds 2 documents and no labels"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("no-test-labels")));
    }

    @Test
    void aTestSplitOfOtherLabelsIsRefusedBeforeTraining() throws IOException {
        // labelled 0/1 where the training data says neg/pos: found after all the epochs before
        Path other = Files.writeString(dir.resolve("numbered.tsv"), "text\tlabel\n房间 很好\t1\nthe staff was awful\t0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> train(dir.resolve("other-test-labels"), "", "data.test=" + other));
        assertTrue(e.getMessage().contains("data.test: " + other + " holds 2 documents and no label of the training data (neg, pos)"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("other-test-labels")));
    }

    @Test
    void theTestSplitIsReadWithTheDataGlobAsTheOtherSplitsAre() throws IOException {
        Path tests = Files.createDirectories(dir.resolve("test-dir"));
        Files.copy(SentimentTexts.tsv(dir.resolve("glob-test.tsv"), 20, 3), tests.resolve("test.tsv"));
        // not a tsv file of the corpus: read as one, it was 2 bad records in the test scores
        Files.writeString(tests.resolve("NOTES.md"), "how the test texts were collected\n\n- by hand\tand\tchecked\n");
        Path out = dir.resolve("clf-glob");
        train(out, "", "data.test=" + tests, "data.glob=*.tsv", "train.epochs=1");
        Map<?, ?> test = (Map<?, ?>) json(out.resolve("metrics.json")).get("test");
        assertEquals(0, ((Number) test.get("unreadable")).intValue(), test.toString());
        assertEquals(20, ((Number) test.get("support")).intValue(), test.toString());
    }

    @Test
    void theDirectoryHoldsTheHuggingFaceFilesAndItsProvenance() throws IOException {
        for (String f : List.of("model.json", "config.json", "model.safetensors", "vocab.txt", "tokenizer.json", "metrics.json")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        Map<String, Object> meta = json(model.resolve("model.json"));
        assertEquals("classify.bert", meta.get("kind"));
        assertEquals(List.of("neg", "pos"), meta.get("labels"));
        assertEquals(Map.of("kind", "test"), ((Map<?, ?>) meta.get("encoder")).get("source"));
        assertEquals(Map.of("encoder", 0.003, "layerDecay", 1.0), meta.get("learningRates"));
        Map<String, Object> hf = json(model.resolve("config.json"));
        assertEquals(Map.of("0", "neg", "1", "pos"), hf.get("id2label"));
        assertEquals(Map.of("neg", 0, "pos", 1), hf.get("label2id"));
        // mean pooling is not what BertForSequenceClassification computes
        assertEquals(List.of("BertModel"), hf.get("architectures"));
        assertEquals(2, hf.get("num_hidden_layers"), "the encoder's own entries stay");
    }

    @Test
    void huggingFacesTokenizerCutsTextsWhereTheClassifierStopsReading() throws IOException {
        // the encoder's tokenizer has no cut: transformers read up to its own default, past the 16 pieces trained on
        assertEquals(16, json(model.resolve("tokenizer_config.json")).get("model_max_length"));
    }

    @Test
    void poolerPoolingIsSavedAsHuggingFacesSequenceClassifier() throws IOException {
        Path encoder = TinyEncoder.writeWithPooler(dir.resolve("encoder-pooler-2"), SentimentTexts.vocabulary(), 2);
        Path out = dir.resolve("clf-pooler-pooling");
        train(out, "", "model.encoder=" + encoder, "model.pooling=pooler", "train.epochs=1");
        Map<String, Object> hf = json(out.resolve("config.json"));
        assertEquals(List.of("BertForSequenceClassification"), hf.get("architectures"));
        assertEquals(Map.of("0", "neg", "1", "pos"), hf.get("id2label"));
        var weights = dev.nlpipe.nn.SafeTensorsFile.read(out.resolve("model.safetensors"));
        for (String name : List.of("bert.pooler.dense.weight", "classifier.weight", "classifier.bias")) {
            assertTrue(weights.containsKey(name), name + " under Hugging Face's name");
        }
    }

    @Test
    void evalClassifyGivesTheScoreTrainingReported() throws IOException {
        double trained = ((Number) ((Map<?, ?>) json(model.resolve("metrics.json")).get("test")).get("accuracy")).doubleValue();
        Map<String, Object> r = ClassifierEvaluation.evaluate(model, test, null, null, new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(trained, (Double) r.get("accuracy"), 1e-12);
        assertTrue(r.containsKey("roc_auc"));
    }

    @Test
    void aBatchSizeAboveTheDocumentsScoredPerPassGivesTheSameScores() throws IOException {
        // 60 test texts: one pass of 100 must score them all, as passes of 64 and 3 do
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Map<String, Object> usual = ClassifierEvaluation.evaluate(model, test, null, null, new LoadOptions("cpu", 64, 1), quiet);
        for (int batch : new int[] {100, 3}) {
            Map<String, Object> r = ClassifierEvaluation.evaluate(model, test, null, null, new LoadOptions("cpu", batch, 1), quiet);
            assertEquals(60, ((Number) r.get("support")).intValue(), "batch " + batch + ": " + r);
            assertEquals((Double) usual.get("accuracy"), (Double) r.get("accuracy"), 1e-12, "batch " + batch);
            assertEquals((Double) usual.get("roc_auc"), (Double) r.get("roc_auc"), 1e-9, "batch " + batch);
        }
    }

    @Test
    void theClassifyStageLabelsRawText() {
        try (Pipeline p = Pipeline.builder().inputLayers().add("classify", Map.of(), model).build()) {
            assertEquals("pos", p.process(new Document("a", "房间 服务 很好")).get(0).topLabel());
            assertEquals("neg", p.process(new Document("b", "the staff was awful")).get(0).topLabel());
        }
    }

    @Test
    void aDeviceTheMachineLacksIsNamedWithTheStage() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Pipeline.builder().inputLayers().add("classify", Map.of("device", "gpu:7"), model).build().close());
        assertTrue(e.getMessage().contains("classify") && e.getMessage().contains("gpu:7"), e.getMessage());
    }

    @Test
    void aNormalizerBeforeTheStageChangesWhatTheClassifierReads() {
        // full-width "ｔｅｒｒｉｂｌｅ" is unknown to the word pieces; normalize.chinese folds it to the word the model knows
        try (Pipeline plain = Pipeline.builder().inputLayers().add("classify", Map.of(), model).build();
                Pipeline folded = Pipeline.builder().inputLayers().add("normalize.chinese").add("classify", Map.of(), model).build()) {
            Document want = plain.process(new Document("h", "the room was terrible")).get(0);
            Document got = folded.process(new Document("f", "the room was ｔｅｒｒｉｂｌｅ")).get(0);
            assertEquals("neg", got.topLabel());
            assertEquals(want.labels().get("neg"), got.labels().get("neg"), 1e-6);
        }
    }

    @Test
    void oneLoadedModelServesSeveralThreadsWithTheSameScores() throws Exception {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(new Document("d" + i, (i % 2 == 0 ? "价格 位置 " : "room and ") + (i % 3 == 0 ? "失望" : "excellent")));
        }
        try (TextClassifier c = ModelKinds.get().load(model, TextClassifier.class, new LoadOptions("cpu", 8, 1))) {
            List<TextClassifier.Scored> alone = c.score(docs);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<TextClassifier.Scored>>> runs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    runs.add(pool.submit(() -> c.score(docs)));
                }
                for (Future<List<TextClassifier.Scored>> run : runs) {
                    List<TextClassifier.Scored> got = run.get();
                    for (int i = 0; i < docs.size(); i++) {
                        assertEquals(alone.get(i).margin(), got.get(i).margin(), 1e-5, docs.get(i).text());
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aTextScoresTheSameAloneAndInAPaddedBatch() {
        try (TextClassifier c = ModelKinds.get().load(model, TextClassifier.class, new LoadOptions("cpu", 8, 1))) {
            Document shortText = new Document("s", "很好");
            Document longText = new Document("l", "the room was great and the staff was excellent and 早餐 很好");
            double alone = c.score(List.of(shortText)).get(0).margin();
            double batched = c.score(List.of(longText, shortText)).get(1).margin();
            assertEquals(alone, batched, 1e-4);
        }
    }

    @Test
    void aModelJsonThatDisagreesWithTheWeightsIsRefusedAtLoad() throws IOException {
        String meta = Files.readString(model.resolve("model.json"));
        for (String[] edit : new String[][] {{"\"pos\" ]", "\"pos\", \"neutral\" ]", "lists 3 labels"},
                {"\"maxLength\" : 16", "\"maxLength\" : 100000", "network.maxLength 100000"}}) {
            assertTrue(meta.contains(edit[0]), edit[0] + " in " + meta);
            Path edited = Files.createDirectories(dir.resolve("edited-" + edit[2].length()));
            try (var files = Files.list(model)) {
                for (Path f : files.toList()) {
                    Files.copy(f, edited.resolve(f.getFileName().toString()));
                }
            }
            Files.writeString(edited.resolve("model.json"), meta.replace(edit[0], edit[1]));
            // it loaded, and scored two of three labels, or failed at the first text longer than the encoder's positions
            var e = assertThrows(dev.nlpipe.core.model.ModelException.class,
                    () -> ModelKinds.get().load(edited, TextClassifier.class, new LoadOptions("cpu", 8, 1)).close());
            assertTrue(e.getMessage().contains(edit[2]), e.getMessage());
        }
    }

    @Test
    void balancedClassWeightsComeFromTheTrainingLabelsAndAreRecorded() throws IOException {
        Path out = dir.resolve("clf-balanced");
        String trainLog = train(out, ", classWeight: balanced", "train.epochs=1");
        assertTrue(trainLog.contains("balanced class weights"), trainLog);
        List<String> labels = Files.readAllLines(dir.resolve("train.tsv")).stream().skip(1).map(l -> l.split("\t")[0]).toList();
        long pos = labels.stream().filter("pos"::equals).count();
        long neg = labels.size() - pos;
        Map<?, ?> weights = (Map<?, ?>) ((Map<?, ?>) json(out.resolve("model.json")).get("regularization")).get("classWeights");
        assertEquals(labels.size() / (2.0 * neg), ((Number) weights.get("neg")).doubleValue(), 1e-6);
        assertEquals(labels.size() / (2.0 * pos), ((Number) weights.get("pos")).doubleValue(), 1e-6);
        assertTrue(pos != neg, "the made-up corpus is not exactly balanced, so the weights differ from 1: " + pos + " / " + neg);
        assertFalse(((Map<?, ?>) json(model.resolve("model.json")).get("regularization")).containsKey("classWeights"),
                "without the option nothing is weighed");
    }

    @Test
    void rDropAndAdversarialTrainingRunAndLearn() throws IOException {
        Path out = dir.resolve("clf-regularized");
        String trainLog = train(out, ", rdrop: {alpha: 1.0}, adversarial: {method: fgm, epsilon: 0.05}");
        assertTrue(trainLog.contains("R-Drop alpha 1.0") && trainLog.contains("fgm"), trainLog);
        double accuracy = ((Number) ((Map<?, ?>) json(out.resolve("metrics.json")).get("test")).get("accuracy")).doubleValue();
        assertTrue(accuracy > 0.8, "test accuracy " + accuracy + "\n" + trainLog);
    }

    @Test
    void layerDecayIsLoggedRecordedAndTheClassifierStillLearns() throws IOException {
        Path out = dir.resolve("clf-layer-decay");
        String trainLog = train(out, "", "train.layerDecay=0.5");
        assertTrue(trainLog.contains("learning rate × 0.5 per layer below the last"), trainLog);
        assertEquals(0.5, ((Map<?, ?>) json(out.resolve("model.json")).get("learningRates")).get("layerDecay"));
        double accuracy = ((Number) ((Map<?, ?>) json(out.resolve("metrics.json")).get("test")).get("accuracy")).doubleValue();
        assertTrue(accuracy > 0.8, "test accuracy " + accuracy + "\n" + trainLog);
    }

    @Test
    void poolerPoolingOfAnEncoderWithoutAPoolerIsRefusedAtTheOption() {
        ConfigException e = assertThrows(ConfigException.class, () -> train(dir.resolve("no-pooler"), "", "model.pooling=pooler"));
        assertTrue(e.getMessage().contains("option 'pooling'") && e.getMessage().contains("has no pooler"), e.getMessage());
    }
}
