package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nlpipe.core.doc.DocumentJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentEvalCommandTest {
    @TempDir
    Path dir;
    Path gold;
    Path words;

    record Outcome(int code, String out, String err) {
    }

    static Outcome nlpipe(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void files() throws IOException {
        gold = Files.writeString(dir.resolve("gold.utf8"), "我  爱  北京  天安门  。  \r\n商品  和  服务  。  \r\n", StandardCharsets.UTF_8);
        words = Files.write(dir.resolve("words.txt"), List.of("我", "爱", "北京", "。", "商品", "和"));
    }

    @Test
    void scoresAPipelineAndWritesJson() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("p.yaml"), "pipeline: seg\nstages:\n  - type: segment.hanlp\n");
        Path json = dir.resolve("scores.json");
        Path pred = dir.resolve("pred.txt");
        Outcome o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pipeline", pipeline.toString(), "--words", words.toString(),
                "--json", json.toString(), "--write-pred", pred.toString(), "--threads", "1");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("F1               1.0000"), o.out());
        JsonNode j = DocumentJson.mapper().readTree(json.toFile());
        for (String key : List.of("precision", "recall", "f1", "oov_rate", "oov_recall", "iv_recall", "chars_per_second")) {
            assertTrue(j.has(key), key + " in " + j);
        }
        assertEquals(1.0, j.get("f1").asDouble(), 1e-12);
        assertEquals(2.0 / 9, j.get("oov_rate").asDouble(), 1e-12, "天安门 and 服务 are not training words");
        assertEquals(List.of("我  爱  北京  天安门  。", "商品  和  服务  。"), Files.readAllLines(pred));
    }

    @Test
    void thePipelinesThreadsApplyUnlessTheCommandLineSaysOtherwise() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("t.yaml"), "pipeline: seg\nthreads: 3\nstages:\n  - type: segment.hanlp\n");
        for (String[] args : new String[][] {{}, {"--set", "threads=1"}, {"--threads", "2"}}) {
            Path json = dir.resolve("threads.json");
            List<String> cmd = new ArrayList<>(List.of("eval", "segment", "--gold", gold.toString(), "--pipeline",
                    pipeline.toString(), "--json", json.toString()));
            cmd.addAll(List.of(args));
            Outcome o = nlpipe(cmd.toArray(String[]::new));
            assertEquals(0, o.code(), o.err());
            int want = args.length == 0 ? 3 : args[0].equals("--set") ? 1 : 2;
            assertEquals(want, DocumentJson.mapper().readTree(json.toFile()).get("threads").asInt(), String.join(" ", args));
        }
    }

    @Test
    void aWrittenPredictionKeepsTheGoldLinesBlankLinesIncludedSoItScoresBack() throws IOException {
        Path withBlank = Files.writeString(dir.resolve("blank.utf8"), "我  爱  北京\n\n商品  和  服务  。\n", StandardCharsets.UTF_8);
        Path pipeline = Files.writeString(dir.resolve("p.yaml"), "pipeline: seg\nstages:\n  - type: segment.hanlp\n");
        Path pred = dir.resolve("pred.txt");
        Outcome o = nlpipe("eval", "segment", "--gold", withBlank.toString(), "--pipeline", pipeline.toString(), "--write-pred",
                pred.toString(), "--threads", "1");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("我  爱  北京", "", "商品  和  服务  。"), Files.readAllLines(pred));
        o = nlpipe("eval", "segment", "--gold", withBlank.toString(), "--pred", pred.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("F1               1.0000"), o.out());
    }

    @Test
    void aWrittenPredictionKeepsANoBreakSpaceInsideAGoldWordSoItScoresBack() throws IOException {
        Path nbsp = Files.writeString(dir.resolve("nbsp.utf8"), "他  来  了\u00A0吧\n", StandardCharsets.UTF_8);
        Path pipeline = Files.writeString(dir.resolve("r.yaml"), "pipeline: seg\nstages:\n  - type: tokenize.regex\n");
        Path pred = dir.resolve("nbsp-pred.txt");
        Outcome o = nlpipe("eval", "segment", "--gold", nbsp.toString(), "--pipeline", pipeline.toString(), "--write-pred", pred.toString(),
                "--threads", "1");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("他  来  了\u00A0  吧"), Files.readAllLines(pred));
        Outcome back = nlpipe("eval", "segment", "--gold", nbsp.toString(), "--pred", pred.toString());
        assertEquals(0, back.code(), back.err());
        assertEquals(o.out().lines().filter(l -> l.startsWith("F1")).toList(), back.out().lines().filter(l -> l.startsWith("F1")).toList());
    }

    @Test
    void writtenPredictionsAreRefusedForCharactersWithoutATokenAndForOverlappingTokens() throws IOException {
        // punctuation: drop leaves 。 out: written as a word, the file would score higher than the pipeline scored
        Path drop = Files.writeString(dir.resolve("drop.yaml"), "pipeline: seg\nstages:\n  - type: segment\n    with: { punctuation: drop }\n");
        Path pred = dir.resolve("drop-pred.txt");
        Outcome o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pipeline", drop.toString(), "--write-pred", pred.toString(),
                "--threads", "1");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--write-pred: no token covers '。'"), o.err());
        assertFalse(Files.exists(pred), "nothing written");
        // character bigrams overlap: no one segmentation to write
        Path cjk = Files.writeString(dir.resolve("cjk.yaml"), "pipeline: seg\nstages:\n  - type: tokenize.lucene\n    with: { analyzer: cjk }\n");
        Path bigrams = dir.resolve("bigrams.txt");
        o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pipeline", cjk.toString(), "--write-pred", bigrams.toString(),
                "--threads", "1");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--write-pred") && o.err().contains("the tokens '我爱' and '爱北' overlap"), o.err());
        assertFalse(Files.exists(bigrams), "nothing written");
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path pred = Files.writeString(dir.resolve("pred.txt"), "我爱  北京  天安门  。\n商品  和服  务  。\n");
        byte[] goldBytes = Files.readAllBytes(gold);
        Outcome o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pred", pred.toString(), "--json",
                dir.resolve(".").resolve("gold.utf8").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--json") && o.err().contains("--gold"), o.err());
        assertArrayEquals(goldBytes, Files.readAllBytes(gold), "the gold file is untouched");
        Path pipeline = Files.writeString(dir.resolve("p.yaml"), "pipeline: seg\nstages:\n  - type: segment.hanlp\n");
        o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pipeline", pipeline.toString(), "--words", words.toString(),
                "--write-pred", words.toString(), "--threads", "1");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--write-pred") && o.err().contains("--words"), o.err());
        assertEquals(List.of("我", "爱", "北京", "。", "商品", "和"), Files.readAllLines(words));
    }

    @Test
    void aGoldFileThatIsNotUtf8IsNamedWithItsLine() throws IOException {
        Path gbk = Files.write(dir.resolve("msr_test_gold.txt"), "北京  欢迎  你\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        Path pred = Files.writeString(dir.resolve("pred.txt"), "北京  欢迎  你\n");
        Outcome o = nlpipe("eval", "segment", "--gold", gbk.toString(), "--pred", pred.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("msr_test_gold.txt:1:") && o.err().contains("UTF-8"), o.err());
    }

    @Test
    void scoresAPredictionFile() throws IOException {
        Path pred = Files.writeString(dir.resolve("pred.txt"), "我爱  北京  天安门  。\n商品  和服  务  。\n");
        Outcome o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pred", pred.toString());
        assertEquals(0, o.code(), o.err());
        // predicted 8 words, 5 right (北京 天安门 。 商品 。) of 9 gold words
        assertTrue(o.out().contains("precision        0.6250"), o.out());
        assertTrue(o.out().contains("recall           0.5556"), o.out());
        assertTrue(!o.out().contains("OOV"), "no OOV figures without --words");
    }

    @Test
    void optionsThatOnlyChangeAPipelineRunAreRefusedWithPred() throws IOException {
        Path pred = Files.writeString(dir.resolve("pred.txt"), "我  爱  北京  天安门  。\n商品  和  服务  。\n");
        List<List<String>> extras = List.of(List.of("--threads", "2"), List.of("--lang", "zh"), List.of("--set", "segment.hanlp.pos=true"),
                List.of("--write-pred", dir.resolve("out.txt").toString()));
        for (List<String> extra : extras) {
            List<String> args = new ArrayList<>(List.of("eval", "segment", "--gold", gold.toString(), "--pred", pred.toString()));
            args.addAll(extra);
            Outcome o = nlpipe(args.toArray(String[]::new));
            assertEquals(2, o.code(), extra + ": " + o.err());
            assertTrue(o.err().contains(extra.get(0) + " goes with --pipeline"), o.err());
            assertTrue(o.out().isEmpty(), "nothing scored: " + o.out());
        }
    }

    @Test
    void aStageThatDropsDocumentsIsRefusedBeforeAnySentenceIsSegmented() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("f.yaml"),
                "pipeline: seg\nstages:\n  - type: segment.hanlp\n  - type: filter.length\n    with: { minChars: 8 }\n");
        Outcome o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pipeline", pipeline.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(pipeline + ":4:") && o.err().contains("filter.length"), o.err());
        assertTrue(o.out().isEmpty(), "nothing scored: " + o.out());
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        Outcome o = nlpipe("eval", "segment", "--gold", dir.resolve("none.utf8").toString(), "--pred", gold.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--gold: file not found"), o.err());
        o = nlpipe("eval", "segment", "--gold", gold.toString());
        assertEquals(2, o.code(), "either --pipeline or --pred");
        Path bad = Files.writeString(dir.resolve("bad.txt"), "我  爱  南京\n");
        o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pred", bad.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(bad + ":1:1: the segmented text differs"), o.err());
        Path noTokens = Files.writeString(dir.resolve("q.yaml"), "pipeline: q\nstages:\n  - type: sentence.split\n");
        o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pipeline", noTokens.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("produces no tokens"), o.err());
    }

    @Test
    void aMissingUserDictionaryInThePipelineIsAClearConfigurationError() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("p.yaml"),
                "pipeline: seg\nstages:\n  - type: segment.hanlp\n    with: { userDictionaries: [missing/words.utf8] }\n");
        Outcome o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pipeline", pipeline.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(pipeline + ":4:") && o.err().contains("user dictionary not found: missing/words.utf8"), o.err());
    }

    @Test
    void listShowsEverySegmentationStage() {
        // ListCommand prints to System.out rather than to the command line's writer
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Outcome o;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            o = nlpipe("list");
        } finally {
            System.setOut(saved);
        }
        o = new Outcome(o.code(), o.out() + captured.toString(StandardCharsets.UTF_8), o.err());
        assertEquals(0, o.code(), o.err());
        for (String stage : List.of("tokenize.lucene", "segment.hanlp", "segment", "sentence.split", "normalize.chinese", "stopwords.remove")) {
            assertTrue(o.out().contains(stage), stage + " in\n" + o.out());
        }
        assertTrue(o.out().contains("userDictionaries"), o.out());
    }

    @Test
    void jsonDashPrintsTheScoresAloneOnStandardOutput() throws IOException {
        Path pred = Files.writeString(dir.resolve("pred.txt"), "我爱  北京  天安门  。\n商品  和服  务  。\n");
        Outcome o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pred", pred.toString(), "--json", "-");
        assertEquals(0, o.code(), o.err());
        assertEquals(0.625, DocumentJson.mapper().readTree(o.out()).get("precision").asDouble(), 1e-12, o.out());
        assertTrue(o.err().contains("precision        0.6250"), "the text report on standard error: " + o.err());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }

    @Test
    void writePredDashPrintsTheSegmentationOnStandardOutput() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("p.yaml"), "pipeline: seg\nstages:\n  - type: segment.hanlp\n");
        Outcome o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pipeline", pipeline.toString(), "--write-pred", "-",
                "--threads", "1");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("我  爱  北京  天安门  。", "商品  和  服务  。"), o.out().lines().toList());
        assertTrue(o.err().contains("F1               1.0000"), o.err());
    }

    @Test
    void jsonAndWritePredCannotBothGoToStandardOutput() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("p.yaml"), "pipeline: seg\nstages:\n  - type: segment.hanlp\n");
        Outcome o = nlpipe("eval", "segment", "--gold", gold.toString(), "--pipeline", pipeline.toString(), "--write-pred", "-", "--json", "-");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("would both go to standard output"), o.err());
        assertTrue(o.out().isEmpty(), o.out());
    }

    @Test
    void aGoldFileWithoutWordsIsRefusedNamingIt() throws IOException {
        Path json = dir.resolve("empty.json");
        for (String content : new String[] {"", " \u3000\r\n\n\t\n"}) {
            Path empty = Files.writeString(dir.resolve("empty.utf8"), content);
            Outcome o = nlpipe("eval", "segment", "--gold", empty.toString(), "--pred", empty.toString(), "--json", json.toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("--gold: " + empty + " holds no words"), o.err());
            assertFalse(Files.exists(json), "no scores written");
        }
    }
}
