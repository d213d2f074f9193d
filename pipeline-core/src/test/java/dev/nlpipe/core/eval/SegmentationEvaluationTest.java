package dev.nlpipe.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
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
