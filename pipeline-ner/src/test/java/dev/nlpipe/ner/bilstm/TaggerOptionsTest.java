package dev.nlpipe.ner.bilstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.MissingLayerException;
import dev.nlpipe.nn.TensorFile;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** English token models, pretrained vectors, word-position features and configuration errors. */
class TaggerOptionsTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
    }

    private static double testF1(Path model) throws IOException {
        return ((Number) ((Map<?, ?>) json(model.resolve("metrics.json")).get("test")).get("f1")).doubleValue();
    }

    @Test
    void englishTokensWithCharacterFeatures() throws IOException {
        Path train = SyntheticCorpus.english(dir.resolve("train.conll"), 80, 1);
        Path test = SyntheticCorpus.english(dir.resolve("test.conll"), 30, 3);
        Path model = dir.resolve("ner-en");
        Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", test: " + test + ", format: conll }\n"
                + "model: { unit: token, wordDim: 16, charDim: 8, charFilters: 8, caseDim: 4, hidden: 16, dropout: 0.1, unkReplace: 0.5 }\n"
                + "train: { epochs: 8, batchSize: 8, lr: 0.01, device: cpu, threads: 1, devFraction: 0.2 }\n", model);
        assertTrue(testF1(model) > 0.7, "test F1 " + testF1(model));
        try (Pipeline p = Pipeline.builder().add("tokenize.regex").add("ner", Map.of(), model).build()) {
            Document d = p.process(new Document("d", "John Smith works for Acme Corp in Paris.")).get(0);
            assertTrue(d.entities().stream().anyMatch(e -> e.type().equals("PER") && e.start() == 0 && e.end() == 10 && e.score() > 0
                    && e.score() <= 1), d.entities().toString());
            // beside a sentence with a long word, the characters of each word are padded further: the result must not move
            List<Document> together = p.processBatch(List.of(new Document("d", "John Smith works for Acme Corp in Paris."),
                    new Document("e", "Internationalization considerations matter.")));
            assertEquals(d.entities(), together.get(0).entities(), "the same entities and scores whatever else is in the batch");
        }
        try (Pipeline p = Pipeline.builder().add("ner", Map.of(), model).build()) {
            MissingLayerException e = assertThrows(MissingLayerException.class, () -> p.process(new Document("d", "John works .")));
            assertTrue(e.getMessage().contains("tokens"), e.getMessage());
        }
        ConfigException wiring = assertThrows(ConfigException.class, () -> Pipeline.builder().inputLayers().add("ner", Map.of(), model).build());
        assertTrue(wiring.getMessage().contains("needs the 'tokens' layer") && wiring.getMessage().contains("tokenize.regex"),
                wiring.getMessage());
        // preprocess runs what the model recorded, and a model trained on CoNLL's tokens recorded no tokenizer
        ConfigException nothingRecorded = assertThrows(ConfigException.class, () -> Pipeline.builder().inputLayers()
                .add("ner", Map.of("preprocess", true), model).build());
        assertTrue(nothingRecorded.getMessage().contains("needs the 'tokens' layer"), nothingRecorded.getMessage());
    }

    /** A one-epoch ner.bilstm-crf model in {@code name}, trained on {@code train} behind one stage. */
    private Path oneEpochBehind(String name, Path train, String format, String stage, String modelOptions) throws IOException {
        Path model = dir.resolve(name);
        Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", format: " + format + " }\n"
                + "stages: [ " + stage + " ]\n"
                + "model: { " + modelOptions + " }\n"
                + "train: { epochs: 1, batchSize: 8, device: cpu, threads: 1, devFraction: 0.2 }\n", model);
        return model;
    }

    @Test
    void aTokenModelThatRecordedOnlyANormalizerStillNeedsATokenizerBeforeAnyDocumentIsRead() throws IOException {
        Path train = SyntheticCorpus.english(dir.resolve("norm-train.conll"), 30, 1);
        Path model = oneEpochBehind("ner-en-norm", train, "conll", "{ type: normalize.text }",
                "unit: token, wordDim: 8, charDim: 4, charFilters: 4, hidden: 8");
        // its recorded stages run with preprocess, but none makes tokens: the wiring check says so, not the first document
        ConfigException e = assertThrows(ConfigException.class, () -> Pipeline.builder().inputLayers()
                .add("ner", Map.of("preprocess", true), model).build());
        assertTrue(e.getMessage().contains("needs the 'tokens' layer"), e.getMessage());
    }

    @Test
    void evalSaysHowManyGoldSentencesTheTrainingFilterLeftOut() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("filter.bmes"), 30, 1);
        Path model = oneEpochBehind("ner-filter", train, "bmes", "{ type: filter.length, with: { maxChars: 12 } }",
                "charDim: 8, bigramDim: 0, hidden: 8");
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        dev.nlpipe.ner.NerEvaluator.Result r = dev.nlpipe.ner.NerEvaluator.evaluate(model, train, "bmes",
                new dev.nlpipe.core.model.LoadOptions("cpu", 8, 1), new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
        long sentences = Files.readString(train).split("\n\\s*\n").length;
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains((sentences - r.documents()) + " of " + sentences + " documents were left out by the filter"), said);
    }

    @Test
    void aModelTrainedBehindANormalizerIsServedBehindTheSameOnesOnly() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("norm.bmes"), 30, 1);
        Path model = oneEpochBehind("ner-norm", train, "bmes", "{ type: normalize.chinese }", "charDim: 8, bigramDim: 0, hidden: 8");
        ConfigException without = assertThrows(ConfigException.class, () -> Pipeline.builder().add("ner", Map.of(), model).build());
        assertTrue(without.getMessage().contains("normalize.chinese") && without.getMessage().contains("preprocess: true"),
                without.getMessage());
        try (Pipeline extra = Pipeline.builder().add("normalize.text").add("normalize.chinese").add("ner", Map.of(), model).build()) {
            assertEquals(1, extra.process(new Document("a", "清華大學")).size(), "a normalizer it was not trained behind is allowed");
        }
        try (Pipeline same = Pipeline.builder().add("normalize.chinese").add("ner", Map.of(), model).build();
             Pipeline own = Pipeline.builder().add("ner", Map.of("preprocess", true), model).build()) {
            assertEquals(same.process(new Document("a", "清華大學")).get(0).entities(), own.process(new Document("a", "清華大學")).get(0)
                    .entities());
        }
    }

    private static void writeBinary(Path file, Map<String, float[]> vectors) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write((vectors.size() + " " + vectors.values().iterator().next().length + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                out.write((e.getKey() + " ").getBytes(StandardCharsets.UTF_8));
                ByteBuffer b = ByteBuffer.allocate(e.getValue().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(e.getValue());
                out.write(b.array());
                out.write('\n');
            }
        }
    }

    @Test
    void frozenPretrainedVectorsStayAsLoaded() throws IOException {
        Map<String, float[]> v = VectorFiles.characterVectors(16);
        Path bin = dir.resolve("chars.bin");
        writeBinary(bin, v);
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 40, 1);
        Path model = dir.resolve("ner-pre");
        String log = Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", format: bmes }\n"
                + "model: { charDim: 16, hidden: 8, embeddings: " + bin + ", freezeEmbeddings: true }\n"
                + "train: { epochs: 2, device: cpu, threads: 1 }\n", model);
        assertTrue(log.contains("pretrained vectors:") && log.contains("frozen"), log);
        Map<String, TensorFile.Tensor> w = TensorFile.read(model.resolve("weights.bin"));
        @SuppressWarnings("unchecked")
        List<String> units = (List<String>) json(model.resolve("vocab.json")).get("units");
        int id = units.indexOf("伟") + 2;
        float[] table = w.get("emb.unit").values();
        float[] row = new float[16];
        System.arraycopy(table, id * 16, row, 0, 16);
        assertArrayEquals(v.get("伟"), row, 0f);
        assertEquals(-1, units.indexOf("鑫"), "by default only units of the training data get a row");

        // embeddingsVocabulary: all gives a unit that only the vectors file knows its own row
        Map<String, float[]> withExtra = new LinkedHashMap<>(v);
        withExtra.put("鑫", v.get("伟").clone());
        withExtra.get("鑫")[0] = 42f;
        Path extraBin = dir.resolve("chars-extra.bin");
        writeBinary(extraBin, withExtra);
        Path all = dir.resolve("ner-pre-all");
        String allLog = Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", format: bmes }\n"
                + "model: { charDim: 16, hidden: 8, embeddings: " + extraBin + ", freezeEmbeddings: true, embeddingsVocabulary: all }\n"
                + "train: { epochs: 1, device: cpu, threads: 1 }\n", all);
        assertTrue(allLog.contains("embeddingsVocabulary all: 1 char and 0 bigram vectors that only the vectors files hold are kept, fixed"), allLog);
        @SuppressWarnings("unchecked")
        List<String> allUnits = (List<String>) json(all.resolve("vocab.json")).get("units");
        assertEquals(units, allUnits.subList(0, units.size()), "training units keep their ids; vector-only units follow");
        int extraId = allUnits.indexOf("鑫") + 2;
        assertTrue(extraId >= units.size() + 2, "鑫 is appended: " + allUnits);
        float[] allTable = wholeTable(all.resolve("weights.bin"), "emb.unit");
        System.arraycopy(allTable, extraId * 16, row, 0, 16);
        assertArrayEquals(withExtra.get("鑫"), row, 0f);
        IllegalArgumentException wrongDim = assertThrows(IllegalArgumentException.class, () -> Training.run(dir,
                "task: ner.bilstm-crf\ndata: { train: " + train + ", format: bmes }\nmodel: { charDim: 8, embeddings: " + bin + " }\n"
                        + "train: { epochs: 1, device: cpu }\n", dir.resolve("x")));
        assertTrue(wrongDim.getMessage().contains("set model.charDim: 16"), wrongDim.getMessage());
    }

    @Test
    void pretrainedBigramVectorsFillTheBigramTable() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 40, 1);
        Map<String, float[]> v = new LinkedHashMap<>();
        Random r = new Random(9);
        for (String sentence : Files.readString(train).split("\n\n")) {
            String chars = sentence.lines().map(l -> l.substring(0, 1)).reduce("", String::concat);
            for (int i = 0; i + 1 < chars.length(); i++) {
                v.computeIfAbsent(chars.substring(i, i + 2), k -> new float[] {r.nextFloat(), r.nextFloat(), r.nextFloat(), r.nextFloat()});
            }
        }
        v.put("鑫鑫", new float[] {42f, 0f, 0f, 1f});
        Path vec = dir.resolve("bigrams.txt");
        VectorFiles.writeText(vec, v);
        Path model = dir.resolve("ner-bigrams");
        String log = Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", format: bmes }\n"
                + "model: { charDim: 8, bigramDim: 4, hidden: 8, bigramEmbeddings: " + vec
                + ", freezeEmbeddings: true, embeddingsVocabulary: all }\n"
                + "train: { epochs: 1, device: cpu, threads: 1 }\n", model);
        assertTrue(log.contains("bigrams found in " + vec) && log.contains("frozen"), log);
        // the same file given as the character vectors: not one row matches, which is a mistake, not a start from random rows
        Exception swapped = assertThrows(Exception.class, () -> Training.run(dir,
                "task: ner.bilstm-crf\ndata: { train: " + train + ", format: bmes }\nmodel: { charDim: 4, bigramDim: 0, hidden: 8,"
                        + " embeddings: " + vec + " }\ntrain: { epochs: 1, device: cpu, threads: 1 }\n", dir.resolve("swapped")));
        assertTrue(swapped.getMessage().contains("is one of the training data's") && swapped.getMessage().contains("swapped"),
                swapped.getMessage());
        @SuppressWarnings("unchecked")
        List<String> bigrams = (List<String>) json(model.resolve("vocab.json")).get("bigrams");
        float[] table = wholeTable(model.resolve("weights.bin"), "emb.bigram");
        assertEquals(1, TensorFile.read(model.resolve("weights.bin")).get("emb.bigram.fixed").values().length / 4,
                "the vector-only bigram's row is kept apart, fixed");
        float[] row = new float[4];
        for (String b : List.of("张伟", "鑫鑫")) {
            int id = bigrams.indexOf(b) + 2;
            assertTrue(id >= 2, b + " has a row: " + bigrams);
            System.arraycopy(table, id * 4, row, 0, 4);
            assertArrayEquals(v.get(b), row, 0f, b);
        }
        assertEquals(bigrams.size() - 1, bigrams.indexOf("鑫鑫"), "the vector-only bigram follows the training ones");
        try (Pipeline p = Pipeline.builder().add("ner", Map.of(), model).build()) {
            assertTrue(p.process(new Document("d", "张伟在北京。")).get(0).entities() != null);
        }

        ConfigException noBigrams = assertThrows(ConfigException.class, () -> Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", format: bmes }\nmodel: { bigramEmbeddings: " + vec + " }\ntrain: { epochs: 1 }\n",
                dir.resolve("x")));
        assertTrue(noBigrams.getMessage().contains("bigramEmbeddings") && noBigrams.getMessage().contains("bigramDim"),
                noBigrams.getMessage());
        IllegalArgumentException wrongDim = assertThrows(IllegalArgumentException.class, () -> Training.run(dir,
                "task: ner.bilstm-crf\ndata: { train: " + train + ", format: bmes }\nmodel: { bigramDim: 8, bigramEmbeddings: " + vec
                        + " }\ntrain: { epochs: 1, device: cpu }\n", dir.resolve("y")));
        assertTrue(wrongDim.getMessage().contains("set model.bigramDim: 4"), wrongDim.getMessage());
    }

    @Test
    void bigramDropoutAndSparseEmbeddingsTrainAChineseTagger() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 60, 1);
        Path test = SyntheticCorpus.chinese(dir.resolve("test.bmes"), 20, 2);
        Path model = dir.resolve("ner-bigram-dropout");
        String log = Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", test: " + test + ", format: bmes }\n"
                + "model: { charDim: 16, bigramDim: 8, hidden: 16, dropout: 0.1, bigramDropout: 0.3 }\n"
                + "train: { epochs: 8, batchSize: 8, lr: 0.01, device: cpu, threads: 1, sparseEmbeddings: true }\n", model);
        assertTrue(log.contains("only the rows each batch reads of [emb.unit, emb.bigram]"), log);
        assertEquals(0.3, ((Number) ((Map<?, ?>) json(model.resolve("model.json")).get("network")).get("bigramDropout")).doubleValue(),
                1e-9);
        assertTrue(testF1(model) > 0.7, "test F1 " + testF1(model));

        ConfigException noBigrams = assertThrows(ConfigException.class, () -> Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", format: bmes }\nmodel: { bigramDropout: 0.1 }\ntrain: { epochs: 1 }\n",
                dir.resolve("x")));
        assertTrue(noBigrams.getMessage().contains("bigramDropout") && noBigrams.getMessage().contains("bigramDim"),
                noBigrams.getMessage());
    }

    /** A model with word-position features, trained behind a tokenizer (recorded as its preprocessing). */
    private Path segmentedModel() throws IOException {
        Path model = dir.resolve("ner-seg");
        if (!Files.exists(model)) {
            Path train = SyntheticCorpus.chinese(dir.resolve("train-seg.bmes"), 40, 1);
            String stages = "stages:\n  - type: tokenize.regex\n    with: { pattern: '\\p{IsHan}{1,2}|\\S' }\n";
            Training.run(dir, "task: ner.bilstm-crf\n"
                    + "data: { train: " + train + ", format: bmes }\n" + stages
                    + "model: { charDim: 8, hidden: 8, segDim: 4 }\n"
                    + "train: { epochs: 2, device: cpu, threads: 1 }\n", model);
        }
        return model;
    }

    @Test
    void wordPositionFeaturesComeFromTheTokensLayer() throws IOException {
        Path model = segmentedModel();
        try (Pipeline p = Pipeline.builder().add("ner", Map.of(), model).build()) {
            Document raw = new Document("d", "张伟在北京。");
            assertThrows(MissingLayerException.class, () -> p.process(raw));
        }
        try (Pipeline p = Pipeline.builder().add("tokenize.regex", Map.of("pattern", "\\p{IsHan}{1,2}|\\S")).add("ner", Map.of(), model)
                .build()) {
            Document d = p.process(new Document("d", "张伟在北京。")).get(0);
            assertTrue(d.entities() != null);
        }
    }

    @Test
    void aDevSetThatMustScoreZeroIsRefusedBeforeTraining() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train-zero.bmes"), 10, 1);
        // a dev set whose entities are all of a type training never had: nothing can be found correctly, so its F1 would be 0
        // whatever the weights (the warning a zero dev score gives after training is TrainingLoopTest's)
        Path dev = Files.writeString(dir.resolve("dev-zero.bmes"), Files.readString(train).replaceAll("([BMES])-[A-Z]+", "$1-ZZZ"));
        ConfigException e = assertThrows(ConfigException.class, () -> Training.run(dir, "task: ner.bilstm-crf\ndata: { train: " + train
                + ", dev: " + dev + ", format: bmes }\nmodel: { charDim: 4, hidden: 4 }\ntrain: { epochs: 1, device: cpu, threads: 1 }\n",
                dir.resolve("zero")));
        assertTrue(e.getMessage().contains("the dev data's entity types [ZZZ] never occur"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("zero")));
    }

    @Test
    void anotherTokenizerThanTheModelsIsRefusedNamingTheRightOne() throws IOException {
        Path model = segmentedModel();
        ConfigException e = assertThrows(ConfigException.class,
                () -> Pipeline.builder().add("segment").add("ner", Map.of(), model).build().close());
        assertTrue(e.problem().contains("tokenize.regex"), e.problem());
    }

    @Test
    void missingTokensPointAtTheModelsOwnStages() throws IOException {
        Path model = segmentedModel();
        ConfigException e = assertThrows(ConfigException.class,
                () -> Pipeline.builder().inputLayers().add("ner", Map.of(), model).build().close());
        assertTrue(e.problem().contains("preprocess: true") && e.problem().contains("tokenize.regex"), e.problem());
    }

    @Test
    void preprocessRunsTheStagesTheModelWasTrainedBehind() throws IOException {
        Path model = segmentedModel();
        List<Entity> expected;
        try (Pipeline p = Pipeline.builder().add("tokenize.regex", Map.of("pattern", "\\p{IsHan}{1,2}|\\S")).add("ner", Map.of(), model)
                .build()) {
            expected = p.process(new Document("d", "张伟在北京的华为公司工作。")).get(0).entities();
        }
        try (Pipeline p = Pipeline.builder().inputLayers().add("ner", Map.of("preprocess", true), model).build()) {
            Document d = p.process(new Document("d", "张伟在北京的华为公司工作。")).get(0);
            assertEquals(expected, d.entities());
            assertTrue(d.tokens() != null && !d.tokens().isEmpty(), "the model's tokenizer ran");
        }
    }

    @Test
    void configurationMistakesAreLocatedAndExplained() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 10, 1);
        String yaml = "task: ner.bilstm-crf\ndata: { train: " + train + ", format: bmes }\nmodel: { hidden: 8 }\ntrain: { epochs: 1 }\n";
        ConfigException missing = assertThrows(ConfigException.class,
                () -> Training.run(dir, yaml, dir.resolve("m1"), "data.train=" + dir.resolve("nope.bmes")));
        assertTrue(missing.getMessage().contains("not found") && missing.getMessage().contains("--set data.train"), missing.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> Training.run(dir, yaml.replace("hidden: 8", "hiden: 8"), dir.resolve("m2")));
        assertTrue(unknown.getMessage().contains("hidden"), unknown.getMessage());
        ConfigException device = assertThrows(ConfigException.class, () -> Training.run(dir, yaml, dir.resolve("m3"), "train.device=tpu"));
        assertTrue(device.getMessage().contains("cpu, gpu, gpu:N (or cuda, cuda:N) or auto"), device.getMessage());
        ConfigException tokenOnly = assertThrows(ConfigException.class,
                () -> Training.run(dir, yaml.replace("hidden: 8", "unit: token, bigramDim: 4"), dir.resolve("m4")));
        assertTrue(tokenOnly.getMessage().contains("char only"), tokenOnly.getMessage());
        ConfigException charOnly = assertThrows(ConfigException.class,
                () -> Training.run(dir, yaml.replace("hidden: 8", "hidden: 8, caseDim: 20"), dir.resolve("m6")));
        assertTrue(charOnly.getMessage().contains("option 'caseDim'") && charOnly.getMessage().contains("unit: token only"),
                charOnly.getMessage());
        Training.run(dir, yaml, dir.resolve("m5"), "train.epochs=1", "train.device=cpu");
        assertEquals(1, json(dir.resolve("m5").resolve("metrics.json")).get("epochs"));
    }

    /** A table's trained rows followed by its fixed ones ({@code NAME.fixed}), as the tagger's ids number them. */
    private static float[] wholeTable(Path weights, String name) throws IOException {
        Map<String, TensorFile.Tensor> w = TensorFile.read(weights);
        float[] trained = w.get(name).values();
        float[] fixed = w.containsKey(name + ".fixed") ? w.get(name + ".fixed").values() : new float[0];
        float[] all = Arrays.copyOf(trained, trained.length + fixed.length);
        System.arraycopy(fixed, 0, all, trained.length, fixed.length);
        return all;
    }
}
