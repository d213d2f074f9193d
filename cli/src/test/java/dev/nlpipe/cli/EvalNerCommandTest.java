package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.DocumentJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlpipe train} for a NER task and {@code nlpipe eval ner}, run in-process. */
class EvalNerCommandTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path data;

    private static final String[] SENTENCES = {"张伟在北京工作。", "王芳去了上海。", "李强在北京。", "今天上海下雨了。", "赵丽说北京很好。"};
    private static final String[][] ENTITIES = {{"张伟", "PER", "北京", "LOC"}, {"王芳", "PER", "上海", "LOC"}, {"李强", "PER", "北京", "LOC"},
        {"上海", "LOC"}, {"赵丽", "PER", "北京", "LOC"}};

    private static String bmes(int copies) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < copies; c++) {
            for (int s = 0; s < SENTENCES.length; s++) {
                String text = SENTENCES[s];
                String[] tags = new String[text.length()];
                Arrays.fill(tags, "O");
                for (int e = 0; e < ENTITIES[s].length; e += 2) {
                    int at = text.indexOf(ENTITIES[s][e]);
                    int len = ENTITIES[s][e].length();
                    for (int i = 0; i < len; i++) {
                        tags[at + i] = (i == 0 ? "B-" : i == len - 1 ? "E-" : "M-") + ENTITIES[s][e + 1];
                    }
                }
                for (int i = 0; i < text.length(); i++) {
                    sb.append(text.charAt(i)).append(' ').append(tags[i]).append('\n');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @BeforeAll
    static void train() throws IOException {
        data = dir.resolve("data.bmes");
        Files.writeString(data, bmes(6));
        Path cfg = dir.resolve("ner.yaml");
        Files.writeString(cfg, "task: ner.bilstm-crf\ndata: { train: " + data + ", test: " + data + ", format: bmes }\n"
                + "model: { charDim: 8, hidden: 8, dropout: 0 }\ntrain: { epochs: 30, batchSize: 4, lr: 0.02, device: cpu, threads: 1 }\n");
        model = dir.resolve("model");
        CliTest.Result r = CliTest.nlpipe("train", cfg.toString(), "--output", model.toString(), "--set", "train.epochs=6");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("epoch 6/6"), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = DocumentJson.mapper().readValue(model.resolve("metrics.json").toFile(), Map.class);
        assertEquals(6, metrics.get("epochs"), "--set train.epochs overrides the file");
    }

    @Test
    void evalPrintsConllevalScoresAndWritesJson() throws IOException {
        Path json = dir.resolve("scores.json");
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", data.toString(), "--format", "bmes", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("precision:") && r.out().contains("FB1:") && r.out().contains("PER:"), r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> scores = DocumentJson.mapper().readValue(json.toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = DocumentJson.mapper().readValue(model.resolve("metrics.json").toFile(), Map.class);
        assertEquals(((Map<?, ?>) metrics.get("test")).get("f1"), scores.get("f1"), "eval agrees with the test score written by train");
        assertTrue(((Map<?, ?>) scores.get("perType")).containsKey("LOC"));
        for (String k : new String[] {"precision", "recall", "f1"}) {
            assertTrue(scores.get(k) instanceof Number, k);
        }
        assertEquals(0, scores.get("skippedRecords"));
    }

    @Test
    void evalSaysHowManyGoldRecordsItCouldNotReadAndLeftOut() throws IOException {
        Path bad = dir.resolve("with-a-bad-tag.bmes");
        Files.writeString(bad, Files.readString(data) + "\n张 B-\n三 E-PER\n");
        Path json = dir.resolve("bad-scores.json");
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", bad.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("skipped 1 gold record(s) that could not be read"), r.out());
        assertEquals(1, DocumentJson.mapper().readValue(json.toFile(), Map.class).get("skippedRecords"));
    }

    @Test
    void evalWarnsAboutTokensLongerThanOneCharacterAndCountsThem() throws IOException {
        Path positions = dir.resolve("positions.bmes");
        Files.writeString(positions, bmes(1).replaceAll("(?m)^(\\S) ", "$1" + "0 ")); // 张0 B-PER, as Weibo NER writes it
        long lines = Files.readAllLines(positions).stream().filter(l -> !l.isBlank()).count();
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", positions.toString(), "--format", "bmes");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(positions + ":1:"), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith(lines + " ")), "a closing line gives the count: " + r.err());
    }

    @Test
    void goldDataWithoutEntitiesIsAnErrorNotATableOfZeros() throws IOException {
        // CLUENER's test split has no "label" fields
        Path unlabelled = dir.resolve("test.json");
        Files.writeString(unlabelled, "{\"text\": \"张三在北京\"}\n{\"text\": \"李四去上海\"}\n");
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", unlabelled.toString(), "--format", "cluener");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("holds no gold entities read as cluener (2 documents)"), r.err());
        assertFalse(r.out().contains("FB1:"), r.out());
    }

    @Test
    void aFormatContradictingTheFileNameAndTheTrainingFormatIsFollowedWithAWarning() {
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", data.toString(), "--format", "conll");
        assertTrue(r.err().contains("data.bmes looks like bmes and " + model + " was trained on bmes; reading it as conll"), r.err());
    }

    @Test
    void aFormatAgreeingWithTheFileNameIsNotWarnedAbout() {
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", data.toString(), "--format", "bmes");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("warning:"), r.err());
    }

    @Test
    void jsonScoresAreNeverWrittenIntoTheModel() throws IOException {
        String modelJson = Files.readString(model.resolve("model.json"));
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", data.toString(), "--json",
                model.resolve("model.json").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is inside the --model directory"), r.err());
        assertEquals(modelJson, Files.readString(model.resolve("model.json")));
    }

    @Test
    void evalInfersTheFormatFromTheExtension() {
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("FB1:"), r.out());
        assertEquals("conll", EvalNerCommand.byExtension(Path.of("test.iob2")));
        assertEquals(null, EvalNerCommand.byExtension(Path.of("en_ewt-ud-test.conllu")), "CoNLL-U is not a NER column file");
    }

    @Test
    void evalReadsGoldDataWithTheReaderOptionsTheModelWasTrainedWith() throws IOException {
        // the tag in the middle column, a third column after it: read with tagColumn: 1, as in training
        Path threeColumns = Files.writeString(dir.resolve("three.bmes"), bmes(2).replaceAll("(?m)^(\\S+ \\S+)$", "$1 x"));
        Path cfg = Files.writeString(dir.resolve("three.yaml"), "task: ner.bilstm-crf\ndata: { train: " + threeColumns + ", test: "
                + threeColumns + ", format: bmes, tagColumn: 1 }\nmodel: { charDim: 8, hidden: 8, dropout: 0 }\n"
                + "train: { epochs: 2, batchSize: 4, lr: 0.02, device: cpu, threads: 1 }\n");
        Path threeModel = dir.resolve("three-model");
        assertEquals(0, CliTest.nlpipe("train", cfg.toString(), "--output", threeModel.toString()).code());
        Path json = dir.resolve("three-scores.json");
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", threeModel.toString(), "--data", threeColumns.toString(), "--json",
                json.toString());
        assertEquals(0, r.code(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> scores = DocumentJson.mapper().readValue(json.toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = DocumentJson.mapper().readValue(threeModel.resolve("metrics.json").toFile(), Map.class);
        assertEquals(0, scores.get("skippedRecords"), r.err());
        assertEquals(((Map<?, ?>) metrics.get("test")).get("f1"), scores.get("f1"), "eval reads the file as training did");
    }

    @Test
    void aConllevalStyleFileIsReadWithTheTagColumnGiven() throws IOException {
        // char gold pred: the last column, another system's tags (all O here), is not the gold
        Path conlleval = Files.writeString(dir.resolve("gold-pred.bmes"), bmes(1).replaceAll("(?m)^(\\S+ \\S+)$", "$1 O"));
        CliTest.Result last = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", conlleval.toString());
        assertEquals(2, last.code(), last.err());
        assertTrue(last.err().contains("--option tagColumn=N"), last.err());
        Path json = dir.resolve("gold-pred.json");
        CliTest.Result given = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", conlleval.toString(),
                "--option", "tagColumn=1", "--json", json.toString());
        assertEquals(0, given.code(), given.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> scores = DocumentJson.mapper().readValue(json.toFile(), Map.class);
        assertTrue(((Number) scores.get("f1")).doubleValue() > 0, scores.toString());
    }

    @Test
    void goldWithoutTheTokensATokenModelReadsIsNamedWithItsFix() throws IOException {
        Path conll = Files.writeString(dir.resolve("tok.conll"), "John B-PER\nlives O\nin O\nParis B-LOC\n\nMary B-PER\nsat O\n\n");
        Path cfg = Files.writeString(dir.resolve("tok.yaml"), "task: ner.bilstm-crf\ndata: { train: " + conll + ", format: conll }\n"
                + "model: { unit: token, charDim: 4, charFilters: 4, wordDim: 4, hidden: 4, dropout: 0 }\ntrain: { epochs: 1, batchSize: 2,"
                + " device: cpu, threads: 1,"
                + " devFraction: 0 }\n");
        Path tokenModel = dir.resolve("token-model");
        CliTest.Result trained = CliTest.nlpipe("train", cfg.toString(), "--output", tokenModel.toString());
        assertEquals(0, trained.code(), trained.err());
        Path untokenized = Files.writeString(dir.resolve("gold.jsonl"),
                "{\"text\": \"John lives in Paris\", \"entities\": [{\"type\": \"PER\", \"start\": 0, \"end\": 4}]}\n");
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", tokenModel.toString(), "--data", untokenized.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("gold.jsonl (read as jsonl): its documents have no 'tokens'") && r.err().contains("a conll or bmes file"),
                r.err());
        r = CliTest.nlpipe("eval", "ner", "--model", tokenModel.toString(), "--data", conll.toString(), "--device", "tpu");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--device: unknown device 'tpu'"), r.err());
    }

    @Test
    void evalRefusesACoNllUFileWithoutAFormatEvenForAConllModel() throws IOException {
        Path conllu = Files.writeString(dir.resolve("test.conllu"), "# text = Beta\n1\tBeta\tbeta\tPROPN\t_\t_\t0\troot\t_\t_\n\n");
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", conllu.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("is CoNLL-U") && r.err().contains("give --format"), r.err());
    }

    @Test
    void evalWithoutFormatOrKnownExtensionReadsTheFormatTheModelWasTrainedOn() throws IOException {
        Path odd = dir.resolve("gold.txt");
        Files.writeString(odd, bmes(1));
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", odd.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("as bmes, the format " + model + " was trained on"), r.err());
        CliTest.Result named = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", odd.toString(), "--format", "bmes");
        assertEquals(named.out(), r.out(), "the same scores as with --format bmes");
    }

    @Test
    void evalWithoutFormatOrKnownExtensionAsksForTheFormatWhenTheModelRecordsNone() throws IOException {
        Path odd = dir.resolve("gold.data");
        Files.writeString(odd, bmes(1));
        Path bare = dir.resolve("model-without-format");
        try (var files = Files.list(model)) {
            Files.createDirectories(bare);
            for (Path f : files.toList()) {
                Files.copy(f, bare.resolve(f.getFileName()));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = DocumentJson.mapper().readValue(bare.resolve("model.json").toFile(), Map.class);
        ((Map<?, ?>) meta.get("data")).remove("format");
        DocumentJson.mapper().writeValue(bare.resolve("model.json").toFile(), meta);
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", bare.toString(), "--data", odd.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("records no training format; give --format"), r.err());
    }

    @Test
    void goldWithNoEntityTypeOfTheModelsIsRefusedNotScoredZero() throws IOException {
        // the model knows PER and LOC; Resume's NAME and ORG are other types, however alike
        Path other = Files.writeString(dir.resolve("other-types.bmes"), "张 B-NAME\n三 E-NAME\n在 O\n华 B-ORG\n为 E-ORG\n\n");
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", other.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no entity type in common") && r.err().contains("gold: NAME, ORG"), r.err());
        Path some = Files.writeString(dir.resolve("some-types.bmes"), "张 B-PER\n三 E-PER\n在 O\n华 B-ORG\n为 E-ORG\n\n");
        CliTest.Result partly = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", some.toString());
        assertEquals(0, partly.code(), partly.err());
        assertTrue(partly.err().contains("gold types the model never predicts: ORG"), partly.err());
    }

    @Test
    void tagPrintsTheEntitiesOfEachTextOnItsOwnLine() {
        CliTest.Result r = CliTest.nlpipe("tag", "--model", model.toString(), SENTENCES[0], SENTENCES[1]);
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        for (String line : lines) {
            for (String entity : line.isEmpty() ? new String[0] : line.split(" ")) {
                assertTrue(entity.matches("\\S+/(PER|LOC)"), line);
            }
        }
    }

    @Test
    void tagAsksForATokenizerWhenATokenModelRecordedNone() throws IOException {
        // a token model trained on a CoNLL file's tokens records no tokenizer: a raw line has no tokens to read
        StringBuilder conll = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            conll.append("John B-PER\nlives O\nin O\nParis B-LOC\n. O\n\nMary B-PER\nvisited O\nBerlin B-LOC\n\n");
        }
        Path train = Files.writeString(dir.resolve("en.conll"), conll.toString());
        Path cfg = Files.writeString(dir.resolve("en.yaml"), "task: ner.bilstm-crf\ndata: { train: " + train + ", format: conll }\n"
                + "model: { unit: token, wordDim: 8, charDim: 4, charFilters: 4, hidden: 8, dropout: 0 }\n"
                + "train: { epochs: 2, batchSize: 4, device: cpu, threads: 1, devFraction: 0.25 }\n");
        Path en = dir.resolve("en-model");
        CliTest.Result trained = CliTest.nlpipe("train", cfg.toString(), "--output", en.toString());
        assertEquals(0, trained.code(), trained.err());
        CliTest.Result none = CliTest.nlpipe("tag", "--model", en.toString(), "John lives in Paris .");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("--stage tokenize.lucene"), none.err());
        CliTest.Result tokenized = CliTest.nlpipe("tag", "--model", en.toString(), "--stage", "tokenize.regex", "John lives in Paris .");
        assertEquals(0, tokenized.code(), tokenized.err());
        assertEquals(1, tokenized.out().lines().count(), tokenized.out());
        // behind a normalizer alone it still reads the tokens --stage gives: the normalizer gives none
        Path normalized = Files.writeString(dir.resolve("en-norm.yaml"), Files.readString(cfg) + "stages: [ { type: normalize.text } ]\n");
        Path norm = dir.resolve("en-norm-model");
        assertEquals(0, CliTest.nlpipe("train", normalized.toString(), "--output", norm.toString()).code());
        CliTest.Result behind = CliTest.nlpipe("tag", "--model", norm.toString(), "--stage", "tokenize.regex", "John lives in Paris .");
        assertEquals(0, behind.code(), behind.err());
    }

    @Test
    void tagRefusesAStageBeforeAModelThatRunsItsOwn() throws IOException {
        // the model's recorded segmenter runs after --stage and would replace its tokens without a word
        Path train = Files.writeString(dir.resolve("seg.bmes"), "张 B-PER\n三 E-PER\n在 O\n北 B-LOC\n京 E-LOC\n\n".repeat(8));
        Path cfg = Files.writeString(dir.resolve("seg.yaml"), "task: ner.bilstm-crf\ndata: { train: " + train + ", format: bmes }\n"
                + "stages: [ { type: segment } ]\nmodel: { charDim: 8, segDim: 4, hidden: 8, dropout: 0 }\n"
                + "train: { epochs: 1, batchSize: 4, device: cpu, threads: 1, devFraction: 0.25 }\n");
        Path seg = dir.resolve("seg-model");
        CliTest.Result trained = CliTest.nlpipe("train", cfg.toString(), "--output", seg.toString());
        assertEquals(0, trained.code(), trained.err());
        CliTest.Result r = CliTest.nlpipe("tag", "--model", seg.toString(), "--stage", "tokenize.lucene", "张三在北京");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("runs the stages it was trained behind (segment)") && r.out().isEmpty(), r.err());
        CliTest.Result own = CliTest.nlpipe("tag", "--model", seg.toString(), "--with", "preprocess=false", "--stage", "tokenize.lucene", "张三在北京");
        assertEquals(2, own.code(), own.err());
        assertTrue(own.err().contains("trained on tokens from segment") && !own.err().contains("recorded no tokenizer"),
                "the model did record one: " + own.err());
        // without word-position features the model reads characters alone: whose tokens come before it does not matter
        Path chars = dir.resolve("seg-chars-model");
        assertEquals(0, CliTest.nlpipe("train", cfg.toString(), "--output", chars.toString(), "--set", "model.segDim=0").code());
        CliTest.Result free = CliTest.nlpipe("tag", "--model", chars.toString(), "--with", "preprocess=false", "--stage", "tokenize.lucene",
                "张三在北京");
        assertEquals(0, free.code(), free.err());
    }

    @Test
    void tagJsonGivesEntitySpansOnTheText() {
        CliTest.Result r = CliTest.nlpipe("tag", "--model", model.toString(), "--json", SENTENCES[0]);
        assertEquals(0, r.code(), r.err());
        dev.nlpipe.core.doc.Document d = DocumentJson.parse(r.out().strip());
        for (dev.nlpipe.core.doc.Entity e : d.entities()) {
            assertEquals(d.text().substring(e.start(), e.end()), e.text());
        }
    }

    @Test
    void tagJsonHasALanguageOnlyWhenAStageBeforeTheModelSetsOne() throws IOException {
        // the shared model reads characters with no stage before it: nothing guesses a language, as docs/cli.md says
        CliTest.Result chars = CliTest.nlpipe("tag", "--model", model.toString(), "--json", SENTENCES[0]);
        assertNull(DocumentJson.parse(chars.out().strip()).lang(), chars.out());
        Path train = Files.writeString(dir.resolve("lang.bmes"), "张 B-PER\n三 E-PER\n在 O\n北 B-LOC\n京 E-LOC\n\n".repeat(8));
        Path cfg = Files.writeString(dir.resolve("lang.yaml"), "task: ner.bilstm-crf\ndata: { train: " + train + ", format: bmes }\n"
                + "stages: [ { type: segment } ]\nmodel: { charDim: 8, segDim: 4, hidden: 8, dropout: 0 }\n"
                + "train: { epochs: 1, batchSize: 4, device: cpu, threads: 1, devFraction: 0.25 }\n");
        Path seg = dir.resolve("lang-model");
        assertEquals(0, CliTest.nlpipe("train", cfg.toString(), "--output", seg.toString()).code());
        CliTest.Result behindSegment = CliTest.nlpipe("tag", "--model", seg.toString(), "--json", "张三在北京");
        assertEquals("zh", DocumentJson.parse(behindSegment.out().strip()).lang(), behindSegment.out() + behindSegment.err());
    }

    @Test
    void mistakesExitWithCodeTwo() {
        CliTest.Result noData = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", dir.resolve("nope.bmes").toString(), "--format", "bmes");
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("not found"), noData.err());
        CliTest.Result badFormat = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", data.toString(), "--format", "bmse");
        assertEquals(2, badFormat.code());
        assertTrue(badFormat.err().contains("bmes"), badFormat.err());
        CliTest.Result notAModel = CliTest.nlpipe("eval", "ner", "--model", dir.toString(), "--data", data.toString(), "--format", "bmes");
        assertEquals(2, notAModel.code());
        assertTrue(notAModel.err().contains("model.json"), notAModel.err());
    }

    @Test
    void aTestSplitWithoutEntitiesIsRefusedBeforeTraining() throws IOException {
        Path unlabelled = dir.resolve("unlabelled-test.bmes");
        Files.writeString(unlabelled, "张 O\n三 O\n\n北 O\n京 O\n");
        CliTest.Result r = CliTest.nlpipe("train", dir.resolve("ner.yaml").toString(), "--output", dir.resolve("m3").toString(), "--set",
                "data.test=" + unlabelled);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("data.test: " + unlabelled + " holds 2 documents and no gold entities"), r.err());
        assertFalse(r.err().contains("epoch 1/"), "refused before the first epoch: " + r.err());
        assertFalse(Files.exists(dir.resolve("m3")));
    }

    @Test
    void missingTrainingDataNamesTheOverride() {
        CliTest.Result r = CliTest.nlpipe("train", dir.resolve("ner.yaml").toString(), "--output", dir.resolve("m2").toString(), "--set",
                "data.train=../shared/data/none/train.char.bmes");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--set data.train=PATH") && r.err().contains("../shared/data"), r.err());
    }

    @Test
    void jsonDashPrintsTheScoresAloneOnStandardOutput() throws IOException {
        CliTest.Result r = CliTest.nlpipe("eval", "ner", "--model", model.toString(), "--data", data.toString(), "--json", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(DocumentJson.mapper().readTree(r.out()).has("f1"), r.out());
        assertTrue(r.err().contains("FB1:"), "conlleval's table on standard error: " + r.err());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }
}
