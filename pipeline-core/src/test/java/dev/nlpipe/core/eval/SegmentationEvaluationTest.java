package dev.nlpipe.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.eval.SegmentationEvaluation.GoldLine;
import dev.nlpipe.core.io.InputFormatException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationEvaluationTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(SegmentationEvaluationTest.class.getResource("/eval/" + name).toURI());
    }

    @Test
    void readsBakeoffGoldFilesKeepingLineNumbers() throws Exception {
        List<GoldLine> gold = SegmentationEvaluation.readGold(resource("gold-small.utf8"));
        assertEquals(4, gold.size(), "the empty line is skipped");
        assertEquals(List.of(1, 2, 4, 5), gold.stream().map(GoldLine::line).toList());
        assertEquals("我爱北京天安门。", gold.get(0).raw());
        Set<String> words = SegmentationEvaluation.readWords(resource("words-small.txt"));
        assertEquals(15, words.size());
    }

    @Test
    void aPipelineIsScoredOnTheGoldTextAndItsOutputScoresTheSameAsAFile(@TempDir Path dir) throws Exception {
        List<GoldLine> gold = SegmentationEvaluation.readGold(resource("gold-small.utf8"));
        Set<String> words = SegmentationEvaluation.readWords(resource("words-small.txt"));
        try (Pipeline p = Pipeline.builder().add("segment.hanlp").build()) {
            SegmentationEvaluation.Result r = SegmentationEvaluation.evaluate(p, gold, words, "zh", 2, null);
            assertEquals(4, r.score().sentences());
            assertEquals(28, r.score().goldWords());
            assertTrue(r.score().f1() > 0.7 && r.score().f1() < 1, "HanLP joins 江泽民 and 2001 年 differently: " + r.score().f1());
            assertTrue(r.charsPerSecond() > 0);
            List<String> lines = new ArrayList<>();
            for (int i = 0, g = 0; i < 5; i++) {
                boolean hasGold = g < gold.size() && gold.get(g).line() == i + 1;
                lines.add(hasGold ? SegmentationEvaluation.format(gold.get(g).raw(), r.predicted().get(g++)) : "");
            }
            Path pred = Files.write(dir.resolve("pred.txt"), lines);
            assertEquals(r.score(), SegmentationEvaluation.scoreFile(gold, pred, words));
        }
    }

    @Test
    void aSpaceTheTokenizerSkippedJoinsTheWordBeforeIt() {
        // 了 and 吧 are tokens, the no-break space between them none: the gold format keeps it inside a word
        List<Span> spans = List.of(new Span(0, 1), new Span(1, 2), new Span(2, 3), new Span(4, 5));
        assertEquals(List.of(new Span(0, 1), new Span(1, 2), new Span(2, 4), new Span(4, 5)),
                SegmentationEvaluation.withSpaces("他来了\u00A0吧", spans));
        assertEquals("他  来  了\u00A0  吧", SegmentationEvaluation.format("他来了\u00A0吧", spans));
        // at the start of a sentence there is no word before: the first word takes it
        assertEquals(List.of(new Span(0, 2), new Span(2, 3)), SegmentationEvaluation.withSpaces("\u200B他来", List.of(new Span(1, 2),
                new Span(2, 3))));
    }

    @Test
    void aPipelineThatSkipsAGoldWordsNoBreakSpaceScoresAsItsWrittenPrediction(@TempDir Path dir) throws Exception {
        Path goldFile = Files.writeString(dir.resolve("gold.utf8"), "他  来  了\u00A0  吧\n我  爱\u00A0北京\n");
        List<GoldLine> gold = SegmentationEvaluation.readGold(goldFile);
        try (Pipeline p = Pipeline.builder().add("tokenize.regex").build()) {
            SegmentationEvaluation.Result r = SegmentationEvaluation.evaluate(p, gold, null, "zh", 1, null);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < gold.size(); i++) {
                lines.add(SegmentationEvaluation.format(gold.get(i).raw(), r.predicted().get(i)));
            }
            Path pred = Files.write(dir.resolve("pred.txt"), lines);
            assertEquals(r.score(), SegmentationEvaluation.scoreFile(gold, pred, null));
            // 他, 来, 了+NBSP and 吧 match, and 我; the single characters of 爱+NBSP+北京 cannot
            assertEquals(5, r.score().correct(), r.score().toString());
        }
    }

    @Test
    void theGoldItselfScoresPerfectly() throws Exception {
        List<GoldLine> gold = SegmentationEvaluation.readGold(resource("gold-small.utf8"));
        SegmentationScore s = SegmentationEvaluation.scoreFile(gold, resource("gold-small.utf8"), null);
        assertEquals(1.0, s.f1(), 1e-12);
    }

    @Test
    void aMismatchedPredictionNamesTheFileAndLine(@TempDir Path dir) throws IOException, URISyntaxException {
        List<GoldLine> gold = SegmentationEvaluation.readGold(resource("gold-small.utf8"));
        Path pred = Files.write(dir.resolve("short.txt"), List.of("我 爱 北京 天安门 。", "他 说"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> SegmentationEvaluation.scoreFile(gold, pred, null));
        assertTrue(e.getMessage().startsWith(pred + ":2:1: the segmented text differs from the gold text"), e.getMessage());
    }

    @Test
    void wordsWhereTheGoldLineIsEmptyOrPastItsEndAreOutOfStep(@TempDir Path dir) throws IOException {
        Path goldFile = Files.writeString(dir.resolve("gold.txt"), "我 爱 北京\n\n你 好\n");
        List<GoldLine> gold = SegmentationEvaluation.readGold(goldFile);
        Path inStep = Files.writeString(dir.resolve("ok.txt"), "我爱 北京\n\n你 好\n\n");
        assertEquals(2L, SegmentationEvaluation.scoreFile(gold, inStep, null).sentences());
        Path extra = Files.writeString(dir.resolve("extra.txt"), "我爱 北京\n多 余\n你 好\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> SegmentationEvaluation.scoreFile(gold, extra, null));
        assertTrue(e.getMessage().startsWith(extra + ":2:1: the gold file's line 2 is empty"), e.getMessage());
        Path longer = Files.writeString(dir.resolve("longer.txt"), "我 爱 北京\n\n你 好\n再 见\n");
        e = assertThrows(InputFormatException.class, () -> SegmentationEvaluation.scoreFile(gold, longer, null));
        assertTrue(e.getMessage().contains(":4:1: the gold file's line 4 is past its end"), e.getMessage());
    }
}
