package dev.nlpipe.classify.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.classify.ClassifierEvaluation;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.testing.TrainingRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlpipe train} with task classify.linear end to end, then the model in a pipeline and in evaluation. */
class LinearClassifierTrainingTest {
    private static final String[][] CLASS_WORDS = {
        {"great", "excellent", "love", "wonderful", "best", "superb"},
        {"awful", "terrible", "hate", "worst", "boring", "dull"},
        {"goal", "match", "team", "score", "league", "coach"}};
    private static final String[] NEUTRAL = {"the", "movie", "film", "it", "was", "a", "plot", "actors", "and", "story", "we", "saw"};

    @TempDir
    Path dir;

    /** {@code n} JSON lines of {@code classes} classes: neutral words plus two words of the class; 5% of labels flipped. */
    private Path corpus(String name, int n, int classes, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                text.append(NEUTRAL[r.nextInt(NEUTRAL.length)]).append(' ');
                if (k == 2 || k == 4) {
                    text.append(CLASS_WORDS[c][r.nextInt(CLASS_WORDS[c].length)]).append(' ');
                }
            }
            int label = r.nextDouble() < 0.05 ? (c + 1) % classes : c;
            sb.append(DocumentJson.mapper().writeValueAsString(Map.of("id", name + i, "text", text.toString().strip(),
                    "label", new String[] {"pos", "neg", "sport"}[label]))).append('\n');
        }
        return Files.writeString(dir.resolve(name + ".jsonl"), sb.toString(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), Map.class);
    }

    @Test
    void binaryGridOnDevThenStageAndEvaluation() throws IOException {
        Path train = corpus("train", 400, 2, 1);
        Path dev = corpus("dev", 100, 2, 2);
        Path test = corpus("test", 100, 2, 3);
        StringBuilder log = new StringBuilder();
        Path model = TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, dev: %s, test: %s, format: jsonl }
                stages: [ { type: tokenize.regex } ]
                model: { ngramRange: [1, 2], minDf: 2, sublinearTf: true, C: [0.1, 1, 10] }
                """.formatted(train, dev, test), "binary", log);
        assertTrue(log.toString().contains("grid search on data.dev"), log.toString());
        for (String f : List.of("model.json", "metrics.json", "weights.bin", "features/model.json", "features/vocabulary.tsv")) {
            assertTrue(Files.exists(model.resolve(f)), f);
        }
        Map<String, Object> metrics = json(model.resolve("metrics.json"));
        Map<String, Object> testMetrics = (Map<String, Object>) metrics.get("test");
        double accuracy = (Double) testMetrics.get("accuracy");
        assertTrue(accuracy > 0.85, "test accuracy " + accuracy);
        assertTrue((Double) testMetrics.get("roc_auc") > 0.9);
        assertEquals("pos", testMetrics.get("positive_label"), "the second label in sorted order");
        Map<String, Object> meta = json(model.resolve("model.json"));
        assertEquals(List.of("neg", "pos"), meta.get("labels"));
        assertEquals(3, ((List<?>) ((Map<String, Object>) meta.get("selection")).get("candidates")).size());

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, Object> eval = ClassifierEvaluation.evaluate(model, test, null, null, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(accuracy, (Double) eval.get("accuracy"), 1e-12, "evaluation agrees with training's test score");
        assertEquals((Double) testMetrics.get("macro_f1"), (Double) eval.get("macro_f1"), 1e-12);

        try (Pipeline p = Pipeline.builder().add("classify", Map.of("preprocess", true, "goldField", "gold"), model).build()) {
            Document d = p.process(new Document("x", "the film was excellent and superb").addLabel("pos")).get(0);
            assertEquals("pos", d.topLabel());
            assertEquals("pos", d.meta().get("gold"));
            assertEquals(1.0, d.labels().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12, "probabilities");
        }
        ConfigException noTokens = assertThrows(ConfigException.class, () -> Pipeline.builder().inputLayers()
                .add("classify", Map.of(), model).build());
        assertTrue(noTokens.getMessage().contains("'tokens'"), noTokens.getMessage());
        // a directory of another kind is named as such, not as a stage missing before it
        Path vectorizer = TrainingRuns.train(dir, """
                task: vectorize.count
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+' }
                """.formatted(writeTiny()), "not-a-classifier");
        RuntimeException wrongKind = assertThrows(RuntimeException.class, () -> Pipeline.builder().inputLayers()
                .add("classify", Map.of(), vectorizer).build());
        assertTrue(wrongKind.getMessage().contains("not a TextClassifier") && !wrongKind.getMessage().contains("'tokens'"),
                wrongKind.getMessage());
    }

    private Path writeTiny() throws IOException {
        return Files.writeString(dir.resolve("tiny.jsonl"), "{\"text\": \"a good film\", \"label\": \"pos\"}\n");
    }

    @Test
    void crossValidationWithThresholdAndClassWeights() throws IOException {
        Path train = corpus("cv", 300, 2, 4);
        StringBuilder log = new StringBuilder();
        Path model = TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+', C: [0.3, 3], classWeight: balanced, positiveLabel: neg }
                train: { cvFolds: 3, thresholdSearch: true, selectBy: macro_f1 }
                """.formatted(train), "cv", log);
        assertTrue(log.toString().contains("3-fold cross-validated macro_f1"), log.toString());
        Map<String, Object> meta = json(model.resolve("model.json"));
        assertEquals(List.of("pos", "neg"), meta.get("labels"), "positive label second");
        Map<String, Object> classifier = (Map<String, Object>) meta.get("classifier");
        assertTrue(classifier.containsKey("threshold"), classifier.toString());
        assertEquals("balanced", classifier.get("classWeight"));
        List<?> candidates = (List<?>) ((Map<String, Object>) meta.get("selection")).get("candidates");
        assertEquals(3, ((List<?>) ((Map<String, Object>) candidates.get(0)).get("folds")).size());
    }

    @Test
    void multiClassSvmOnASplitAndMultinomialWithAnNgramGrid() throws IOException {
        Path all = corpus("three", 450, 3, 5);
        Path svm = TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+', loss: hinge, C: 0.5 }
                train: { split: [0.7, 0.15, 0.15], seed: 3 }
                """.formatted(all), "svm");
        Map<String, Object> m = json(svm.resolve("metrics.json"));
        assertTrue((Double) ((Map<String, Object>) m.get("test")).get("accuracy") > 0.85, m.toString());
        assertEquals("ovr", ((Map<String, Object>) json(svm.resolve("model.json")).get("classifier")).get("multiClass"));
        assertEquals(3, ((List<?>) ((Map<String, Object>) m.get("test")).get("confusion")).size());

        Path multinomial = TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+', ngramRanges: [[1, 1], [1, 2]], C: [1, 10] }
                train: { split: [0.7, 0.3] }
                """.formatted(all), "multinomial");
        Map<String, Object> meta = json(multinomial.resolve("model.json"));
        assertEquals("multinomial", ((Map<String, Object>) meta.get("classifier")).get("multiClass"));
        assertEquals(4, ((List<?>) ((Map<String, Object>) meta.get("selection")).get("candidates")).size());
        LinearClassifier loaded = LinearClassifier.load(multinomial);
        double[] scores = loaded.scores(new Document("x", "the coach saw the league match"));
        assertEquals(3, scores.length);
        assertEquals("sport", loaded.labels().get(argmax(scores)));
    }

    private static int argmax(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTwoWaySplitOrDevFractionCarvesDevBesideATestFileAndAThreeWayOneRefusesIt() throws IOException {
        Path train = corpus("sd", 300, 2, 8);
        Path test = corpus("sdtest", 100, 2, 9);
        StringBuilder log = new StringBuilder();
        Path model = TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, test: %s, format: jsonl }
                model: { tokenPattern: '\\w+', C: [0.1, 1, 10] }
                train: { split: [0.8, 0.2] }
                """.formatted(train, test), "twoway", log);
        assertTrue(log.toString().contains("grid search on data.dev"), log.toString());
        Map<String, Object> metrics = json(model.resolve("metrics.json"));
        assertEquals(100, ((Map<String, Object>) metrics.get("test")).get("support"), "the test file, not a carved share");
        Path same = TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, test: %s, format: jsonl }
                model: { tokenPattern: '\\w+', C: [0.1, 1, 10] }
                train: { devFraction: 0.2 }
                """.formatted(train, test), "devfraction");
        assertEquals(metrics.get("test"), json(same.resolve("metrics.json")).get("test"), "devFraction 0.2 is split [0.8, 0.2]");
        ConfigException both = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, test: %s, format: jsonl }
                model: { tokenPattern: '\\w+' }
                train: { split: [0.6, 0.2, 0.2] }
                """.formatted(train, test), "threeway"));
        assertTrue(both.getMessage().contains("carves dev and test out of data.train; remove data.dev and data.test, or give [train, dev]"),
                both.getMessage());
    }

    @Test
    void settingsThatChangeNothingAreRefused() throws IOException {
        Path train = corpus("nothing", 30, 3, 5);
        ConfigException select = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+', C: 1 }
                train: { devFraction: 0.2, selectBy: macro_f1 }
                """.formatted(train), "select-one"));
        assertTrue(select.getMessage().contains("selectBy") && select.getMessage().contains("nothing to choose"), select.getMessage());
        ConfigException svm = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+', loss: squared_hinge, multiClass: multinomial }
                """.formatted(train), "svm-multinomial"));
        assertTrue(svm.getMessage().contains("multiClass") && svm.getMessage().contains("one-vs-rest"), svm.getMessage());
    }

    @Test
    void aDevFractionThatLeavesDevEmptyIsRefused() throws IOException {
        // 3 classes of 5: round(0.9 * 5) = 5 of each stay in train, and every candidate of the grid would score 0 on no dev data
        Path small = corpus("small", 15, 3, 4);
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+', C: [0.1, 1, 10] }
                train: { devFraction: 0.05 }
                """.formatted(small), "emptydev"));
        assertTrue(e.getMessage().contains("devFraction") && e.getMessage().contains("leaves the dev part empty"), e.getMessage());
    }

    @Test
    void anEmptyDevSplitAndCrossValidationThatCannotRunAreRefused() throws IOException {
        Path train = corpus("cvtrain", 30, 2, 5);
        Path empty = Files.writeString(dir.resolve("empty-dev.jsonl"), "");
        String yaml = """
                task: classify.linear
                data: { train: %s, %s format: jsonl }
                model: { tokenPattern: '\\w+', C: %s }
                train: { %s }
                """;
        ConfigException noDev = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, yaml.formatted(train, "dev: " + empty
                + ",", "[0.1, 1]", ""), "nodev"));
        assertTrue(noDev.getMessage().contains("data.dev: no documents in"), noDev.getMessage());
        for (String[] c : new String[][] {{"[0.1, 1]", "cvFolds: 5, devFraction: 0.2", "is not used"},
                {"[1]", "cvFolds: 5", "has nothing to choose"}, {"[0.1, 1]", "cvFolds: 40", "would leave some empty"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, yaml.formatted(train, "", c[0], c[1]), "cv"));
            assertTrue(e.getMessage().contains("cvFolds") && e.getMessage().contains(c[2]), e.getMessage());
        }
        Path three = corpus("three", 30, 3, 6);
        ConfigException positive = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+', positiveLabel: pos }
                """.formatted(three), "positive"));
        assertTrue(positive.getMessage().contains("positiveLabel") && positive.getMessage().contains("two labels"), positive.getMessage());
    }

    @Test
    void mistakesAreReportedWithTheirLocation() throws IOException {
        Path train = corpus("t", 60, 2, 6);
        Path oneLabel = Files.writeString(dir.resolve("one.jsonl"), "{\"text\": \"a b\", \"label\": \"x\"}\n{\"text\": \"c\", \"label\": \"x\"}\n");
        ConfigException single = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+' }
                """.formatted(oneLabel), "single"));
        assertTrue(single.getMessage().contains("at least two"), single.getMessage());
        Path unseen = Files.writeString(dir.resolve("unseen.jsonl"), "{\"text\": \"great\", \"label\": \"other\"}\n");
        ConfigException unknown = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, test: %s, format: jsonl }
                model: { tokenPattern: '\\w+' }
                """.formatted(train, unseen), "unseen"));
        assertTrue(unknown.getMessage().contains("does not occur in data.train"), unknown.getMessage());
        ConfigException grid = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+', C: [1, 2] }
                """.formatted(train), "grid"));
        assertTrue(grid.getMessage().contains("held-out"), grid.getMessage());
        assertTrue(grid.getMessage().matches("(?s).*:3:\\d+: option 'C' of .*"), "at the grid's own line: " + grid.getMessage());
        assertFalse(Files.exists(dir.resolve("grid")));
        Path threeLabels = corpus("three-threshold", 60, 3, 2);
        ConfigException threshold = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+' }
                train: { thresholdSearch: true }
                """.formatted(threeLabels), "threshold"));
        assertTrue(threshold.getMessage().contains("option 'thresholdSearch'") && threshold.getMessage().contains("applies to two labels"),
                threshold.getMessage());
        ConfigException badSplit = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+' }
                train: { split: [0.5, 0.2] }
                """.formatted(train), "split"));
        assertTrue(badSplit.getMessage().contains("summing to 1"), badSplit.getMessage());
        // a vectorizer pruned empty, in a grid searched by cross-validation as with one C: located at the option
        for (String c : List.of("C: [1, 10]", "C: 1")) {
            ConfigException pruned = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                    task: classify.linear
                    data: { train: %s, format: jsonl }
                    model: { tokenPattern: '\\w+', minDf: 0.99, %s }
                    train: { cvFolds: 3, thresholdSearch: true }
                    """.formatted(train, c), "pruned"));
            assertTrue(pruned.getMessage().matches("(?s).*:3:\\d+: option 'minDf' of .*no terms remain.*"), pruned.getMessage());
        }
        ConfigException maxDf = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { tokenPattern: '\\w+', maxDf: 0.0001 }
                """.formatted(train), "maxdf"));
        assertTrue(maxDf.getMessage().contains("option 'maxDf'") && maxDf.getMessage().contains("fewer documents than minDf"),
                maxDf.getMessage());
    }

    @Test
    void vectorizerOptionsTheFeaturesDoNotReadAreRefusedAtTheirLine() throws IOException {
        Path train = corpus("ignored", 60, 2, 6);
        Map<String, String> refused = Map.of(
                "features: hashing, minDf: 2", "option 'minDf'",
                "features: count, sublinearTf: true", "option 'sublinearTf'",
                "features: tfidf, nFeatures: 64", "option 'nFeatures'",
                "features: vector, vector: bert, ngramRange: [1, 2]", "option 'ngramRange'");
        for (var e : refused.entrySet()) {
            ConfigException c = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                    task: classify.linear
                    data: { train: %s, format: jsonl }
                    model: { tokenPattern: '\\w+', %s }
                    """.formatted(train, e.getKey()).replace("tokenPattern: '\\w+', features: vector", "features: vector"), "ignored"),
                    e.getKey());
            assertTrue(c.getMessage().contains(e.getValue()) && c.getMessage().contains("not to features:"), c.getMessage());
        }
        ConfigException besideFitted = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { featuresModel: %s, lowercase: false }
                """.formatted(train, Files.createDirectories(dir.resolve("features-stand-in"))), "fitted"));
        assertTrue(besideFitted.getMessage().contains("option 'lowercase'") && besideFitted.getMessage().contains("featuresModel"),
                besideFitted.getMessage());
        assertTrue(Files.isDirectory(TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                model: { features: hashing, tokenPattern: '\\w+', nFeatures: 256, norm: l1, binary: true }
                """.formatted(train), "hashing")), "what hashing reads is taken");
    }

    @Test
    void evaluationGivesDocumentsWithoutALanguageTheOneTrainingGaveThem() throws IOException {
        // positive documents carry no language (data.language makes them zh), negative ones say en
        StringBuilder train = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            train.append(i < 10 ? "{\"text\": \"t" + i + "\", \"label\": \"pos\"}\n"
                    : "{\"text\": \"t" + i + "\", \"label\": \"neg\", \"lang\": \"en\"}\n");
        }
        Path data = Files.writeString(dir.resolve("lang-train.jsonl"), train);
        Path test = Files.writeString(dir.resolve("lang-test.jsonl"), "{\"text\": \"u\", \"label\": \"pos\"}\n".repeat(5));
        Path model = TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl, language: zh }
                stages: [ { type: test.lang-token } ]
                model: { features: count }
                """.formatted(data), "lang");
        Map<String, Object> r = ClassifierEvaluation.evaluate(model, test, null, null, new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8));
        assertEquals(1.0, (Double) r.get("accuracy"), 1e-12, "read as zh, as training read its documents without a language");
        try (Pipeline p = Pipeline.builder().add("classify", Map.of("preprocess", true), model).build()) {
            assertEquals("pos", p.process(new Document("d", "u")).get(0).topLabel(), "served as it was evaluated (nlpipe classify)");
        }
    }

    @Test
    void aStageFileIsKeptAsTheStagesReadItWhenTrainingStarted() throws IOException {
        Path dictionary = Files.writeString(dir.resolve("mine.txt"), "云栈魔方 nz 1000\n");
        Path config = Files.writeString(dir.resolve("snapshot.yaml"), """
                task: classify.linear
                data: { train: %s, format: jsonl }
                stages: [ { type: segment.hanlp, with: { userDictionaries: [%s] } } ]
                """.formatted(corpus("snapshot", 20, 2, 3), dictionary));
        Path out = dir.resolve("snapshot");
        try (TrainingJob job = TrainingJob.prepare(TrainConfig.load(config, List.of()), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            job.run(j -> {
                Files.writeString(dictionary, "edited during training\n");
                ModelDir.writeMeta(j.dir(), j.newMeta("test.snapshot", 1));
            });
        }
        assertEquals("云栈魔方 nz 1000\n", Files.readString(out.resolve("stages/0-files/userDictionaries/0-mine.txt")));
    }

    @Test
    void documentsWithSeveralLabelsAreSaidToBeReadAsTheirTopLabel() throws IOException {
        Path train = corpus("multi", 80, 2, 4);
        String lines = Files.readString(train) + "{\"text\": \"good and bad\", \"label\": [\"pos\", \"neg\"]}\n";
        Path withMulti = Files.writeString(dir.resolve("multi-label.jsonl"), lines);
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream p = new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)) {
            ClassifierEvaluation.evaluate(TrainingRuns.train(dir, """
                    task: classify.linear
                    data: { train: %s, format: jsonl }
                    model: { tokenPattern: '\\w+' }
                    """.formatted(withMulti), "multi-model"), withMulti, null, null, p);
        }
        assertTrue(log.toString().contains("warning: 1 documents of " + withMulti + " carry more than one label"), log.toString());
    }
}
