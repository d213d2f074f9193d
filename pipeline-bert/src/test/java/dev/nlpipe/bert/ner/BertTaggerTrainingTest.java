package dev.nlpipe.bert.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.nn.bert.TinyEncoder;
import dev.nlpipe.bert.FineTunedFiles;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.ner.NerEvaluator;
import dev.nlpipe.nn.Checkpoints;
import dev.nlpipe.nn.SafeTensorsFile;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.EncoderImport;
import dev.nlpipe.nn.bert.EncoderSource;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny random encoder fine-tuned once on a made-up Chinese corpus, then used as a model directory, a tagger and a stage. */
class BertTaggerTrainingTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path test;
    static String log;

    /** Trains {@code ner.bert} with the given YAML and returns the log. */
    static String train(Path yamlDir, String yaml, Path out) throws IOException {
        Path cfg = yamlDir.resolve("train-" + out.getFileName() + ".yaml");
        Files.writeString(cfg, yaml);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of()), out, p)) {
            job.run();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A training file over the made-up Chinese corpus with extra model options. */
    static String chineseYaml(String modelOptions) {
        return "task: ner.bert\n"
                + "data: { train: " + dir.resolve("train.bmes") + ", dev: " + dir.resolve("dev.bmes") + ", test: " + test
                + ", format: bmes }\n"
                + "model: { encoder: " + dir.resolve("encoder") + ", unit: char, maxLength: 24" + modelOptions + " }\n"
                + "train: { epochs: 6, batchSize: 8, lr: 0.005, headLr: 0.01, device: cpu, threads: 1, seed: 5, patience: 0 }\n";
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        TinyEncoder.write(dir.resolve("encoder"), NerTexts.chineseVocabulary(), 1);
        NerTexts.chinese(dir.resolve("train.bmes"), 120, 1);
        NerTexts.chinese(dir.resolve("dev.bmes"), 30, 2);
        test = NerTexts.chinese(dir.resolve("test.bmes"), 40, 3);
        model = dir.resolve("ner-zh");
        log = train(dir, chineseYaml(""), model);
    }

    @Test
    void theLogSaysHowTheGoldEntitiesFittedTheUnits() {
        // as the other taggers' logs do: dev F1 is scored against the spans that fitted, eval ner against every one
        assertTrue(log.matches("(?s).*ner\\.bert: .*; gold entities [1-9][0-9]* exact, 0 shrunk to char boundaries, 0 dropped .*"), log);
    }

    @Test
    void aSentenceOverTheWindowLimitIsScoredOnDevAsItIsTagged() throws IOException {
        // 120 sentences joined into one of some 1,500 characters: tagging reads it in windows of 1,000 units, and dev F1
        // read it whole, so the kept epoch's dev F1 was not what eval ner gave on the same file
        String joined = Files.readString(NerTexts.chinese(dir.resolve("long-source.bmes"), 120, 4)).replace("\n\n", "\n");
        Path longFile = Files.writeString(dir.resolve("long.bmes"), joined);
        Path out = dir.resolve("ner-long-dev");
        train(dir, chineseYaml("").replace(dir.resolve("dev.bmes").toString(), longFile.toString()).replace(test.toString(),
                longFile.toString()).replace("epochs: 6", "epochs: 2"), out);
        Map<?, ?> metrics = json(out.resolve("metrics.json"));
        double devF1 = ((Number) ((Map<?, ?>) metrics.get("dev")).get("f1")).doubleValue();
        double testF1 = ((Number) ((Map<?, ?>) metrics.get("test")).get("f1")).doubleValue();
        assertTrue(joined.length() > 2 * 1_000 * 3, "over the limit in characters: " + joined.length());
        assertEquals(testF1, devF1, 1e-9, metrics.toString());
    }

    @Test
    void aTrainingSentenceOverTheWindowLimitIsWarnedAboutAsItIsReadWhole() throws IOException {
        String joined = Files.readString(NerTexts.chinese(dir.resolve("long-train-source.bmes"), 120, 5)).replace("\n\n", "\n");
        Path longTrain = Files.writeString(dir.resolve("long-train.bmes"), Files.readString(dir.resolve("train.bmes")) + "\n" + joined);
        String log = train(dir, chineseYaml("").replace(dir.resolve("train.bmes").toString(), longTrain.toString())
                .replace("epochs: 6", "epochs: 1"), dir.resolve("ner-long-train"));
        assertTrue(log.contains("warning: train: 1 sequence longer than 1,000 units") && log.contains("sentence.split"), log);
        assertFalse(BertTaggerTrainingTest.log.contains("longer than 1,000 units"), "the usual corpus is not warned about");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
    }

    private static double testF1() throws IOException {
        return ((Number) ((Map<?, ?>) json(model.resolve("metrics.json")).get("test")).get("f1")).doubleValue();
    }

    private static Set<String> found(List<Entity> entities) {
        Set<String> out = new HashSet<>();
        for (Entity e : entities) {
            out.add(e.type() + ":" + e.start() + "-" + e.end() + ":" + e.text());
        }
        return out;
    }

    @Test
    void theLossFallsAndTheTestEntitiesAreFound() throws IOException {
        List<String> lines = Files.readAllLines(model.resolve("metrics.jsonl"));
        double first = ((Number) DocumentJson.mapper().readValue(lines.get(0), Map.class).get("loss")).doubleValue();
        double last = ((Number) DocumentJson.mapper().readValue(lines.get(lines.size() - 1), Map.class).get("loss")).doubleValue();
        assertTrue(last < first / 4, first + " -> " + last);
        assertTrue(testF1() > 0.9, "test F1 " + testF1() + "\n" + log);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDirectoryHoldsTheHuggingFaceFilesTheTagsAndItsProvenance() throws IOException {
        for (String f : List.of("model.json", "config.json", "model.safetensors", "vocab.txt", "tokenizer.json", "metrics.json",
                "metrics.jsonl", "training-curves.html")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        assertFalse(Files.exists(Checkpoints.beside(model).dir()), "the checkpoint is removed after a finished run");
        Map<String, Object> meta = json(model.resolve("model.json"));
        assertEquals("ner.bert", meta.get("kind"));
        assertEquals(List.of("LOC", "ORG", "PER"), meta.get("labels"));
        assertEquals(13, ((List<?>) meta.get("tags")).size(), "O and B, I, E, S of three types");
        Map<String, Object> network = (Map<String, Object>) meta.get("network");
        assertEquals("char", network.get("unit"));
        assertEquals("bioes", network.get("scheme"));
        assertEquals(24, network.get("maxLength"));
        assertEquals(Map.of("encoder", 0.005, "head", 0.01, "layerDecay", 1.0), meta.get("learningRates"));
        assertEquals(Map.of("kind", "test"), ((Map<?, ?>) meta.get("encoder")).get("source"));
        assertEquals(5, meta.get("seed"));
    }

    @Test
    void huggingFacesTokenizerCutsTextsWhereTheEncodersPositionsEnd() throws IOException {
        // maxLength 24 is the windows' length, not a cut: a longer sentence is read whole, window by window
        assertEquals(TinyEncoder.config(1).maxPositions(), json(model.resolve("tokenizer_config.json")).get("model_max_length"));
    }

    @Test
    void aFineTunedModelNamedAsTheEncoderIsRefusedWithTheCommandThatTakesItsEncoderOut() throws IOException {
        ModelException e = assertThrows(ModelException.class, () -> PretrainedEncoder.open(model, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("nlpipe model import " + model + " --output"), e.getMessage());
        Path taken = dir.resolve("encoder-of-ner-zh");
        EncoderImport.run(EncoderSource.resolve(model.toString(), null, null, dir), taken, new PrintStream(OutputStream.nullOutputStream()));
        Map<String, TensorFile.Tensor> fineTuned = SafeTensorsFile.read(model.resolve("model.safetensors"));
        PretrainedEncoder encoder = PretrainedEncoder.open(taken, LoadOptions.DEFAULT);
        assertArrayEquals(fineTuned.get("bert.embeddings.word_embeddings.weight").values(),
                encoder.weights().get("embeddings.word_embeddings.weight").values(), "the fine-tuned weights, not the tiny encoder's");
        assertFalse(encoder.weights().keySet().stream().anyMatch(k -> k.startsWith("crf") || k.startsWith("classifier")),
                "the tagger's own layers stay behind: " + encoder.weights().keySet());
    }

    @Test
    void evalNerGivesTheScoreTrainingReported() throws IOException {
        NerEvaluator.Result r = NerEvaluator.evaluate(model, test, "bmes", new LoadOptions("cpu", 8, 1),
                new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(testF1(), r.scores().f1(), 1e-12);
    }

    @Test
    void aCharacterModelNeedsNoLayerAndLoadsAsATagger() {
        assertEquals(Set.of(), ModelKinds.get().requires(model, Tagger.class));
        try (Tagger t = ModelKinds.get().load(model, Tagger.class, new LoadOptions("cpu", 8, 1))) {
            assertEquals(Set.of("LOC", "ORG", "PER"), t.types());
            assertEquals(Set.of(), t.requires());
        }
    }

    @Test
    void theNerStageTagsRawTextWithOffsetsIntoTheOriginal() {
        String text = "😀 张伟  在 北京 的 华为公司 工作 。";
        try (Pipeline p = Pipeline.builder().inputLayers().add("ner", Map.of(), model).build()) {
            List<Entity> entities = p.process(new Document("a", text)).get(0).entities();
            for (Entity e : entities) {
                assertEquals(text.substring(e.start(), e.end()), e.text());
                assertTrue(e.score() > 0 && e.score() <= 1, "the CRF's marginal probability of the span: " + e);
            }
            assertEquals(Set.of("PER:3-5:张伟", "LOC:9-11:北京", "ORG:14-18:华为公司"), found(entities));
        }
    }

    @Test
    void aTextLongerThanMaxLengthIsTaggedAsItsSentencesAreAlone() {
        List<String> parts = List.of("张伟在北京的华为公司工作。", "王芳毕业于北京大学。", "李强在上海的腾讯集团工作。", "清华大学位于北京。");
        String whole = String.join("", parts);
        try (Tagger t = ModelKinds.get().load(model, Tagger.class, new LoadOptions("cpu", 8, 1))) {
            Set<String> expected = new HashSet<>();
            int offset = 0;
            for (String part : parts) {
                for (Entity e : t.tag(List.of(new Document("p", part))).get(0)) {
                    expected.add(e.type() + ":" + (e.start() + offset) + "-" + (e.end() + offset) + ":" + e.text());
                }
                offset += part.length();
            }
            assertTrue(whole.length() > 24 && expected.size() >= 10, whole.length() + " characters, " + expected);
            assertEquals(expected, found(t.tag(List.of(new Document("w", whole))).get(0)));
        }
    }

    @Test
    void aTextOfThousandsOfCharactersWithoutSentencesGivesEachEntityOfItsSentencesOnce() {
        List<String> parts = List.of("张伟在北京的华为公司工作。", "王芳毕业于北京大学。", "李强在上海的腾讯集团工作。", "清华大学位于北京。");
        try (Tagger t = ModelKinds.get().load(model, Tagger.class, new LoadOptions("cpu", 8, 1))) {
            Set<String> expected = new HashSet<>();
            StringBuilder whole = new StringBuilder();
            for (int copy = 0; copy < 60; copy++) {
                for (String part : parts) {
                    for (Entity e : t.tag(List.of(new Document("p", part))).get(0)) {
                        expected.add(e.type() + ":" + (e.start() + whole.length()) + "-" + (e.end() + whole.length()) + ":" + e.text());
                    }
                    whole.append(part);
                }
            }
            assertTrue(whole.length() > 2 * dev.nlpipe.ner.data.SequenceWindows.RECURRENT_LIMIT, whole.length() + " characters");
            // windows end after a sentence's closing mark, so each sentence is read as it is alone, each entity once
            List<Entity> all = t.tag(List.of(new Document("w", whole.toString()))).get(0);
            assertEquals(expected, found(all));
            assertEquals(expected.size(), all.size(), "no entity twice");
        }
    }

    @Test
    void oneLoadedModelServesSeveralThreadsWithTheSameEntities() throws Exception {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            docs.add(new Document("d" + i, NerTexts.ZH_PER[i % 8] + "在" + NerTexts.ZH_LOC[i % 6] + "的" + NerTexts.ZH_ORG[i % 5] + "工作。"
                    + (i % 3 == 0 ? "今天下雨了。" : "")));
        }
        try (Tagger t = ModelKinds.get().load(model, Tagger.class, new LoadOptions("cpu", 4, 1))) {
            List<List<Entity>> alone = t.tag(docs);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<List<Entity>>>> runs = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    runs.add(pool.submit(() -> t.tag(docs)));
                }
                for (Future<List<List<Entity>>> run : runs) {
                    assertEquals(alone, run.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void withoutACrfEachUnitTakesItsBestTagAndTheTaggerStillLearns() throws IOException {
        Path plain = dir.resolve("ner-zh-plain");
        String trainLog = train(dir, chineseYaml(", crf: false"), plain);
        Map<String, Object> meta = json(plain.resolve("model.json"));
        assertEquals(false, ((Map<?, ?>) meta.get("network")).get("crf"));
        double f1 = ((Number) ((Map<?, ?>) json(plain.resolve("metrics.json")).get("test")).get("f1")).doubleValue();
        assertTrue(f1 > 0.8, "test F1 " + f1 + "\n" + trainLog);
        try (Tagger t = ModelKinds.get().load(plain, Tagger.class, new LoadOptions("cpu", 8, 1))) {
            List<Entity> found = t.tag(List.of(new Document("d", "张伟在北京的华为公司工作。"))).get(0);
            assertFalse(found.isEmpty());
            assertTrue(found.stream().noneMatch(Entity::hasScore), "no CRF, no span probability: " + found);
        }
    }

    @Test
    void withABiLstmTheTaggerLearnsSavesItAndTagsTheSameAfterLoading() throws IOException {
        Path stacked = dir.resolve("ner-zh-lstm");
        String trainLog = train(dir, chineseYaml(", lstm: 12"), stacked);
        assertTrue(trainLog.contains("BiLSTM 12 x 2, CRF"), trainLog);
        Map<String, Object> meta = json(stacked.resolve("model.json"));
        assertEquals(12, ((Map<?, ?>) meta.get("network")).get("lstm"));
        Map<String, TensorFile.Tensor> weights = SafeTensorsFile.read(stacked.resolve("model.safetensors"));
        assertArrayEquals(new long[] {4 * 12, 32}, weights.get("lstm.l0.fw.wih").shape(), "the BiLSTM reads the encoder's states");
        assertArrayEquals(new long[] {13, 24}, weights.get(BertTaggerNetwork.WEIGHT).shape(), "the output layer reads both directions");
        assertTrue(BertTaggerNetwork.isHead("lstm.l0.bw.whh"), "the new BiLSTM learns at headLr, as the output layer does");
        double f1 = ((Number) ((Map<?, ?>) json(stacked.resolve("metrics.json")).get("test")).get("f1")).doubleValue();
        assertTrue(f1 > 0.9, "test F1 " + f1 + "\n" + trainLog);
        NerEvaluator.Result r = NerEvaluator.evaluate(stacked, test, "bmes", new LoadOptions("cpu", 8, 1),
                new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(f1, r.scores().f1(), 1e-12, "the loaded model tags as the trained one did");
    }

    @Test
    void aNegativeLstmSizeIsRefusedByName() {
        Exception e = assertThrows(Exception.class, () -> train(dir, chineseYaml(", lstm: -4"), dir.resolve("ner-zh-bad-lstm")));
        assertTrue(e.getMessage().contains("lstm"), e.getMessage());
    }

    /** The largest change of any value of the weights whose names start with {@code prefix}, from the encoder to the tagger. */
    private static double moved(Map<String, TensorFile.Tensor> before, Map<String, TensorFile.Tensor> after, String prefix) {
        double most = 0;
        for (Map.Entry<String, TensorFile.Tensor> e : before.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                float[] a = e.getValue().values();
                float[] b = after.get(FineTunedFiles.ENCODER_PREFIX + e.getKey()).values();
                for (int i = 0; i < a.length; i++) {
                    most = Math.max(most, Math.abs(a[i] - b[i]));
                }
            }
        }
        return most;
    }

    @Test
    void withLayerDecayTheLowerLayersAndTheEmbeddingsMoveLess() throws IOException {
        Path decayed = dir.resolve("ner-zh-decay");
        String yaml = chineseYaml("").replace("epochs: 6", "epochs: 1, layerDecay: 0.1");
        String trainLog = train(dir, yaml, decayed);
        assertTrue(trainLog.contains("× 0.1 per layer below"), trainLog);
        assertEquals(0.1, ((Map<?, ?>) json(decayed.resolve("model.json")).get("learningRates")).get("layerDecay"));
        Map<String, TensorFile.Tensor> before = SafeTensorsFile.read(dir.resolve("encoder/model.safetensors"));
        Map<String, TensorFile.Tensor> after = SafeTensorsFile.read(decayed.resolve("model.safetensors"));
        double top = moved(before, after, "encoder.layer.1.");
        double below = moved(before, after, "encoder.layer.0.");
        double embeddings = moved(before, after, "embeddings.");
        // Adam's steps are about the rate in size, so each tenth of the rate shows as about a tenth of the change
        assertTrue(top > 0, "the last layer learns");
        assertTrue(below < 0.3 * top, "layer 0 moved " + below + ", layer 1 " + top);
        assertTrue(embeddings < 0.3 * below, "the embeddings moved " + embeddings + ", layer 0 " + below);
    }

    @Test
    void aLayerDecayOutsideZeroToOneIsRefusedByName() {
        String yaml = chineseYaml("").replace("epochs: 6", "epochs: 1, layerDecay: 1.5");
        Exception e = assertThrows(Exception.class, () -> train(dir, yaml, dir.resolve("ner-zh-bad-decay")));
        assertTrue(e.getMessage().contains("layerDecay") && e.getMessage().contains("at most 1"), e.getMessage());
    }

    @Test
    void sparseEmbeddingsIsRefusedByNameRatherThanIgnored() {
        String yaml = chineseYaml("").replace("epochs: 6", "epochs: 1, sparseEmbeddings: true");
        Exception e = assertThrows(Exception.class, () -> train(dir, yaml, dir.resolve("ner-zh-sparse")));
        assertTrue(e.getMessage().contains("sparseEmbeddings") && e.getMessage().contains("word-piece table densely"), e.getMessage());
    }
}
