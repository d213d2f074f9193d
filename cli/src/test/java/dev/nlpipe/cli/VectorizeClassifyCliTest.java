package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectorizers, vector writers, classification and their evaluation commands as a user runs them. */
class VectorizeClassifyCliTest {
    @TempDir
    Path dir;

    private Path labelled(String name, int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        String[] good = {"great", "superb", "lovely"};
        String[] bad = {"awful", "dreadful", "poor"};
        StringBuilder sb = new StringBuilder("label\ttext\n");
        for (int i = 0; i < n; i++) {
            boolean pos = i % 2 == 0;
            String w = pos ? good[r.nextInt(3)] : bad[r.nextInt(3)];
            sb.append(pos ? "1" : "0").append('\t').append("the hotel was ").append(w).append(" and the room ").append(i % 7).append('\n');
        }
        return TempFiles.write(dir.resolve(name + ".tsv"), sb.toString());
    }

    /** A TF-IDF training file over {@code corpus}, words of two or more characters, with more model options after a comma. */
    private Path tfidfConfig(Path corpus, String moreOptions) {
        return TempFiles.write(dir.resolve("tfidf.yaml"), """
                task: vectorize.tfidf
                data: { train: %s, format: tsv }
                model: { tokenPattern: '(?u)\\b\\w\\w+\\b'%s }
                """.formatted(corpus, moreOptions));
    }

    @Test
    void trainVectorizerThenWriteSvmlightAndMatrixMarket() throws IOException {
        Path corpus = labelled("corpus", 20, 1);
        Path config = tfidfConfig(corpus, ", minDf: 2");
        Path model = dir.resolve("tfidf");
        CliTest.Result train = nlpipe("train", config.toString(), "--output", model.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.err().contains("vectorize.tfidf: 20 documents"), train.err());
        for (String format : List.of("svmlight", "mtx")) {
            Path pipeline = TempFiles.write(dir.resolve(format + ".yaml"), """
                    pipeline: vec
                    input: { path: %s, format: tsv }
                    stages: [ { type: vectorize.tfidf, model: %s } ]
                    output: { path: %s, format: %s }
                    """.formatted(corpus, model, dir.resolve("out." + format), format));
            CliTest.Result run = nlpipe("run", pipeline.toString(), "--threads", "2");
            assertEquals(0, run.code(), run.err());
        }
        List<String> svm = TempFiles.lines(dir.resolve("out.svmlight"));
        assertEquals(20, svm.size());
        assertTrue(svm.get(0).matches("1( \\d+:[0-9.E-]+)+"), svm.get(0));
        List<String> mtx = TempFiles.lines(dir.resolve("out.mtx"));
        assertEquals("%%MatrixMarket matrix coordinate real general", mtx.get(0));
        assertTrue(mtx.get(2).startsWith("20 "), mtx.get(2));
    }

    @Test
    void anOutputThatIsNotAModelDirectoryIsRefusedBeforeTrainingAndKept() throws IOException {
        Path corpus = labelled("corpus", 20, 1);
        Path config = tfidfConfig(corpus, "");
        Path models = Files.createDirectories(dir.resolve("models"));
        TempFiles.write(models.resolve("keep.txt"), "another project's file\n");
        CliTest.Result r = nlpipe("train", config.toString(), "--output", models.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--output: " + models + " exists and is not a model directory"), r.err());
        assertTrue(r.err().contains(models.resolve("model").toString()), r.err());
        assertEquals(List.of("another project's file"), TempFiles.lines(models.resolve("keep.txt")));
        CliTest.Result onAFile = nlpipe("train", config.toString(), "--output", corpus.toString());
        assertEquals(2, onAFile.code(), onAFile.err());
        assertTrue(TempFiles.lines(corpus).size() == 21, "the data file is left as it was");
        // a model directory (and an empty one) is replaced as before
        Path model = dir.resolve("tfidf");
        for (Path output : List.of(model, model, Files.createDirectories(dir.resolve("empty")))) {
            CliTest.Result ok = nlpipe("train", config.toString(), "--output", output.toString());
            assertEquals(0, ok.code(), ok.err());
        }
    }

    @Test
    void aSecondTrainingIntoTheSameOutputExitsFourAndLeavesTheFirstModel() throws IOException {
        Path config = tfidfConfig(labelled("corpus", 20, 1), "");
        Path model = dir.resolve("tfidf");
        assertEquals(0, nlpipe("train", config.toString(), "--output", model.toString()).code());
        byte[] first = Files.readAllBytes(model.resolve("model.json"));
        try (dev.nlpipe.core.io.InstanceLock running = dev.nlpipe.core.io.InstanceLock.acquireModel(model)) {
            CliTest.Result second = nlpipe("train", config.toString(), "--output", model.toString(), "--set", "model.minDf=2");
            assertEquals(4, second.code(), second.err());
            assertTrue(second.err().contains("another training is writing " + model + " (pid "), second.err());
        }
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(model.resolve("model.json"))), "the first model is left as it was");
        assertEquals(0, nlpipe("train", config.toString(), "--output", model.toString()).code(), "free again once it ends");
    }

    @Test
    void everyMistakeOfATrainingFileIsReportedInOneRun() throws IOException {
        Path corpus = labelled("corpus", 20, 1);
        Path config = TempFiles.write(dir.resolve("three-mistakes.yaml"), """
                task: classify.linear
                data: { train: %s, dev: %s, format: tsv }
                model: { tokenPatern: '\\w+' }
                train: { seeed: 1 }
                """.formatted(corpus, dir.resolve("no-such-dev.tsv")));
        CliTest.Result r = nlpipe("train", config.toString(), "--output", dir.resolve("m-three").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("tokenPatern") && r.err().contains("seeed") && r.err().contains("no-such-dev.tsv"), r.err());
        assertTrue(r.err().contains("3 errors"), r.err());
    }

    @Test
    void trainClassifierAndEvaluateItWithJsonOutput() throws IOException {
        Path train = labelled("train", 80, 2);
        Path test = labelled("test", 30, 3);
        Path config = TempFiles.write(dir.resolve("cls.yaml"), """
                task: classify.linear
                data: { train: %s, test: %s, format: tsv }
                stages: [ { type: tokenize.regex } ]
                model: { C: 10 }
                """.formatted(train, test));
        Path model = dir.resolve("cls");
        CliTest.Result t = nlpipe("train", config.toString(), "--output", model.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("test: accuracy 1.0000"), t.err());
        Path json = dir.resolve("eval.json");
        CliTest.Result e = nlpipe("eval", "classify", "--model", model.toString(), "--data", test.toString(), "--json", json.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("accuracy 1.0000"), e.out());
        JsonNode m = DocumentJson.mapper().readTree(json.toFile());
        assertEquals(1.0, m.get("accuracy").asDouble());
        assertEquals(1.0, m.get("macro_f1").asDouble());
        assertEquals(30, m.get("support").asInt());
        Path jsonl = TempFiles.write(dir.resolve("test.jsonl"), "{\"text\": \"the hotel was superb\", \"label\": \"1\"}\n"
                + "{\"text\": \"the hotel was dreadful\", \"label\": \"0\"}\n");
        CliTest.Result j = nlpipe("eval", "classify", "--model", model.toString(), "--data", jsonl.toString());
        assertEquals(0, j.code(), j.err());
        assertTrue(j.out().contains("2 documents") && j.out().contains("accuracy 1.0000"), "format from the extension: " + j.out());
        assertFalse(j.out().contains("left out"), j.out());
        // a row without a label and one that cannot be read: said beside the scores, and an unreadable one exits 1
        Path partly = TempFiles.write(dir.resolve("partly.jsonl"), "{\"text\": \"the hotel was superb\", \"label\": \"1\"}\n"
                + "{\"text\": \"no label here\"}\n{\"text\": broken\n");
        CliTest.Result p = nlpipe("eval", "classify", "--model", model.toString(), "--data", partly.toString());
        assertEquals(1, p.code(), p.err());
        assertTrue(p.out().contains("left out: 1 without a label, 1 unreadable"), p.out());
        Path none = TempFiles.write(dir.resolve("none.jsonl"), "{\"sentence\": \"CLUE's field\", \"label\": \"1\"}\n");
        CliTest.Result n = nlpipe("eval", "classify", "--model", model.toString(), "--data", none.toString());
        assertEquals(2, n.code(), n.err());
        assertTrue(n.err().contains("none of its 1 records could be read"), n.err());
        // a column the training data had by another name: the fix is the command's own option, not a file's key
        Path renamed = TempFiles.write(dir.resolve("renamed.tsv"), "label\tbody\n1\tthe hotel was superb\n");
        CliTest.Result column = nlpipe("eval", "classify", "--model", model.toString(), "--data", renamed.toString());
        assertEquals(2, column.code(), column.err());
        assertTrue(column.err().contains("no column 'text' in the header (columns: label, body); set --option textColumn, or"
                + " --option header=false"), column.err());
        // a neural classifier is loaded where the command says, as eval ner's tagger is
        CliTest.Result placed = nlpipe("eval", "classify", "--model", model.toString(), "--data", test.toString(), "--device", "cpu",
                "--threads", "2", "--batch-size", "8");
        assertEquals(0, placed.code(), placed.err());
        CliTest.Result badDevice = nlpipe("eval", "classify", "--model", model.toString(), "--data", test.toString(), "--device", "tpu");
        assertEquals(2, badDevice.code(), badDevice.err());
        assertTrue(badDevice.err().contains("--device"), badDevice.err());
        CliTest.Result missing = nlpipe("eval", "classify", "--model", dir.resolve("nope").toString(), "--data", test.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    /** A linear classifier trained on {@code train} behind tokenize.regex, in directory {@code name}. */
    private Path trainedBehindRegexTokens(String name, Path train) {
        Path config = TempFiles.write(dir.resolve(name + ".yaml"), """
                task: classify.linear
                data: { train: %s, format: tsv }
                stages: [ { type: tokenize.regex } ]
                """.formatted(train));
        Path model = dir.resolve(name);
        assertEquals(0, nlpipe("train", config.toString(), "--output", model.toString()).code());
        return model;
    }

    @Test
    void classifyPrintsTheTopLabelOfEachText() {
        Path model = trainedBehindRegexTokens("cls1", labelled("oneliner", 80, 2));
        CliTest.Result r = nlpipe("classify", "--model", model.toString(), "the hotel was superb", "the hotel was dreadful");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).matches("1\t[01]\\.\\d{4}"), lines.get(0));
        assertTrue(lines.get(1).startsWith("0\t"), lines.get(1));
    }

    @Test
    void aModelBehindAnotherTokenizerIsRefusedEvenWithAStopWordStageBetween() {
        Path train = labelled("stop", 80, 2);
        Path config = TempFiles.write(dir.resolve("stop.yaml"), """
                task: classify.linear
                data: { train: %s, format: tsv }
                stages: [ { type: tokenize.regex }, { type: stopwords.remove } ]
                """.formatted(train));
        Path model = dir.resolve("stop");
        assertEquals(0, nlpipe("train", config.toString(), "--output", model.toString()).code());
        // stopwords.remove edits the tokens segment made: it was taken for the tokenizer and passed the model's check
        Path run = TempFiles.write(dir.resolve("stop-run.yaml"), "pipeline: s\nstages:\n  - type: segment\n  - type: stopwords.remove\n"
                + "  - type: classify\n    model: " + model + "\n");
        CliTest.Result r = nlpipe("run", run.toString(), "--input", train.toString(), "--output", "-");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("trained on tokens from tokenize.regex") && r.err().contains("from segment (stage 'segment')")
                && r.err().contains("use tokenize.regex"), r.err());
    }

    @Test
    void hashingWithoutTokensOffersScikitLearnsTokenPatternBesideATokenizer() throws IOException {
        Path text = TempFiles.write(dir.resolve("h.txt"), "hello world\n");
        Path bare = TempFiles.write(dir.resolve("h.yaml"), "pipeline: h\nstages:\n  - type: vectorize.hashing\n");
        CliTest.Result r = nlpipe("run", bare.toString(), "--input", text.toString(), "--output", "-");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("tokenize.regex) before it, or let it find the words itself") && r.err().contains("with: {"
                + " tokenPattern: '(?u)\\b\\w\\w+\\b' }"), r.err());
        // the advice, as given, runs
        Path fixed = TempFiles.write(dir.resolve("h2.yaml"), "pipeline: h\nstages:\n  - type: vectorize.hashing\n"
                + "    with: { tokenPattern: '(?u)\\b\\w\\w+\\b', nFeatures: 16 }\n");
        Path out = dir.resolve("h.jsonl");
        CliTest.Result ok = nlpipe("run", fixed.toString(), "--input", text.toString(), "--output", out.toString());
        assertEquals(0, ok.code(), ok.err());
        JsonNode doc = DocumentJson.mapper().readTree(Files.readString(out).lines().findFirst().orElseThrow());
        assertTrue(doc.toString().contains("hashing"), doc.toString());
    }

    @Test
    void aMissingTextColumnInTrainingDataNamesTheDataKey() {
        Path train = TempFiles.write(dir.resolve("cols.tsv"), "label\ttext_a\n1\tgood\n0\tbad\n");
        Path config = TempFiles.write(dir.resolve("cols.yaml"), """
                task: classify.linear
                data: { train: %s, format: tsv }
                stages: [ { type: tokenize.regex } ]
                """.formatted(train));
        CliTest.Result r = nlpipe("train", config.toString(), "--output", dir.resolve("cols").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("set data.textColumn"), r.err());
    }

    @Test
    void tfidfParityReportsMatchesAndDifferences() throws IOException {
        Path ref = dir.resolve("tfidf_ref_tiny.json");
        try (InputStream in = getClass().getResourceAsStream("/parity/tfidf_ref_tiny.json")) {
            Files.copy(in, ref);
        }
        CliTest.Result ok = nlpipe("eval", "tfidf-parity", ref.toString(), "--json", dir.resolve("p.json").toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("OK") && ok.out().contains("vocabulary identical"), ok.out());
        String tampered = Files.readString(ref, StandardCharsets.UTF_8).replaceFirst("\"idf\": \\[([0-9.]+)", "\"idf\": [9.5");
        Path bad = TempFiles.write(dir.resolve("tfidf_ref_bad.json"), tampered);
        CliTest.Result fail = nlpipe("eval", "tfidf-parity", bad.toString());
        assertEquals(1, fail.code(), fail.out());
        assertTrue(fail.out().contains("FAIL"), fail.out());
        String reference = Files.readString(ref, StandardCharsets.UTF_8);
        CliTest.Result over = nlpipe("eval", "tfidf-parity", ref.toString(), "--json", ref.toString());
        assertEquals(2, over.code(), over.err());
        assertEquals(reference, Files.readString(ref, StandardCharsets.UTF_8), "the reference is kept");
        CliTest.Result none = nlpipe("eval", "tfidf-parity", Files.createDirectories(dir.resolve("no-refs")).toString());
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("no reference file"), none.err());
    }

    @Test
    void evalClassifyJsonDashPrintsTheMetricsAloneOnStandardOutput() throws IOException {
        Path model = trainedBehindRegexTokens("dash", labelled("train", 40, 2));
        CliTest.Result e = nlpipe("eval", "classify", "--model", model.toString(), "--data", labelled("test", 10, 3).toString(), "--json", "-");
        assertEquals(0, e.code(), e.err());
        assertEquals(10, DocumentJson.mapper().readTree(e.out()).get("support").asInt(), e.out());
        assertTrue(e.err().contains("accuracy"), "the text report on standard error: " + e.err());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }

    @Test
    void tfidfParityJsonDashPrintsTheResultsAloneOnStandardOutput() throws IOException {
        Path ref = dir.resolve("tfidf_ref_tiny.json");
        try (InputStream in = getClass().getResourceAsStream("/parity/tfidf_ref_tiny.json")) {
            Files.copy(in, ref);
        }
        CliTest.Result r = nlpipe("eval", "tfidf-parity", ref.toString(), "--json", "-");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(DocumentJson.mapper().readTree(r.out()).has("tfidf_ref_tiny.json"), r.out());
        assertTrue(r.err().contains("vocabulary identical"), r.err());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }
}
