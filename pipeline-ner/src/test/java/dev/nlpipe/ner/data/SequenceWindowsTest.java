package dev.nlpipe.ner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long sequences cut into windows, and the windows' spans put back at their places. */
class SequenceWindowsTest {
    /** One unit per character of {@code text}, with its offsets. */
    private static UnitSequence characters(String text) {
        int n = text.length();
        String[] texts = new String[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            texts[i] = text.substring(i, i + 1);
            starts[i] = i;
            ends[i] = i + 1;
        }
        return new UnitSequence(new Document("d", text), texts, starts, ends, null);
    }

    private static List<String> texts(List<UnitSequence> windows) {
        List<String> out = new ArrayList<>();
        for (UnitSequence w : windows) {
            out.add(String.join("", w.texts()));
        }
        return out;
    }

    @Test
    void windowsEndAfterASentenceEndInTheirSecondHalfElseAtTheLimitAndOverlapThere() {
        UnitSequence shortOne = characters("张三在北京。");
        UnitSequence longOne = characters("李四去上海了。王五在广州工作很多年了没有回来。赵六");
        SequenceWindows w = SequenceWindows.of(List.of(shortOne, longOne), 10);
        assertSame(shortOne, w.windows().get(0), "a sequence within the limit is its own window");
        assertEquals(2, SequenceWindows.overlap(10));
        // 10 units: 。 at index 6 is in the second half (5..9), so the first window ends after it and the next starts
        // there; the next 10 (王五在广州工作很多年, units 7..16) hold none in their second half, so the cut falls at the
        // limit and the window after it starts two units earlier (at 15): units 7..15 are the first's, 16.. the second's
        assertEquals(List.of("张三在北京。", "李四去上海了。", "王五在广州工作很多年", "多年了没有回来。赵六"), texts(w.windows()));
        assertEquals(23, w.windows().get(3).starts()[8], "a window keeps its offsets in the document");

        List<List<ScoredSpan>> found = List.of(
                List.of(span("PER", 0, 2, 0.9)),
                List.of(span("PER", 0, 2, 0.8), span("LOC", 3, 5, 0.7)),
                List.of(span("PER", 0, 2, 0.6), span("LOC", 3, 5, 0.5), span("X", 7, 10, 0.3)),
                List.of(span("X", 0, 3, 0.2), span("X", 1, 3, 0.1), span("PER", 8, 10, 0.4)));
        assertEquals(List.of(List.of(span("PER", 0, 2, 0.9)),
                List.of(span("PER", 0, 2, 0.8), span("LOC", 3, 5, 0.7), span("PER", 7, 9, 0.6), span("LOC", 10, 12, 0.5),
                        span("X", 14, 17, 0.3), span("PER", 23, 25, 0.4))), w.merge(found),
                "很多年 starts on the first window's side of the overlap and is found once, whole; the second window's"
                        + " 多年了 starts on the first's side and 年了 inside a span already found");
        assertEquals("赵六", longOne.scoredEntities(List.of(span("PER", 23, 25, 0.4))).get(0).text());

        // the dev scoring of a training puts unscored spans together the same way (it joined tag paths in the middle of an
        // overlap, which can give a span neither window found where the two disagree)
        assertEquals(1, w.cutSequences(), "the short sequence is one window, the long one three");
        assertEquals(w.merge(found).stream().map(spans -> spans.stream().map(ScoredSpan::span).toList()).toList(),
                w.mergeSpans(found.stream().map(spans -> spans.stream().map(ScoredSpan::span).toList()).toList()));
    }

    @Test
    void anEntityAcrossACutAtTheLimitIsFoundWholeWithContextOnBothSides() {
        String name = "中华人民共和国";
        UnitSequence s = characters("甲".repeat(996) + name + "乙".repeat(500));
        SequenceWindows w = SequenceWindows.of(List.of(s), SequenceWindows.RECURRENT_LIMIT);
        // a tagger that finds the name wherever it sees it, and the part of it that a window's end cuts off as well
        List<List<ScoredSpan>> found = new ArrayList<>();
        for (UnitSequence window : w.windows()) {
            String seen = String.join("", window.texts());
            int at = seen.indexOf(name.substring(0, 2));
            found.add(at < 0 ? List.of() : List.of(span("LOC", at, Math.min(at + name.length(), seen.length()), 1.0)));
        }
        assertEquals(List.of(List.of(span("LOC", 996, 1003, 1.0))), w.merge(found), "not 中华人民 + 共和国");
    }

    @Test
    void aSentenceEndInsideATitleIsNoCut() {
        // the second half of the first window (units 10..19) holds 。 (12) and the ！ of the title (18): the window ends at 。
        UnitSequence s = characters("我们昨天晚上一起看了节目。看了《加油！向未来》很好看的" + "甲".repeat(20));
        SequenceWindows w = SequenceWindows.of(List.of(s), 20);
        assertEquals("我们昨天晚上一起看了节目。", texts(w.windows()).get(0));
        assertEquals(List.of(), texts(w.windows()).stream().filter(t -> t.endsWith("加油！")).toList(), "no window ends in the title");

        // a cut at the limit right after the title's ！ is a cut at the limit: the next window overlaps it, and the title is whole
        UnitSequence atLimit = characters("甲".repeat(996) + "《加油！向未来》" + "乙".repeat(300));
        SequenceWindows v = SequenceWindows.of(List.of(atLimit), SequenceWindows.RECURRENT_LIMIT);
        List<List<ScoredSpan>> found = new ArrayList<>();
        for (UnitSequence window : v.windows()) {
            String seen = String.join("", window.texts());
            int open = seen.indexOf('《');
            int close = seen.indexOf('》');
            found.add(open < 0 ? List.of() : List.of(span("WORK", open, close < 0 ? seen.length() : close + 1, 0.9)));
        }
        assertEquals(List.of(List.of(span("WORK", 996, 1004, 0.9))), v.merge(found));
    }

    @Test
    void anEntityLongerThanHalfTheOverlapCutShortByAWindowsEndIsTakenWholeFromTheNext() {
        // overlap 64 at the limit of 1,000: an entity of 50 from unit 960 to 1010 starts in the first window's own part (to 968)
        String name = "名".repeat(50);
        UnitSequence s = characters("甲".repeat(960) + name + "乙".repeat(500));
        SequenceWindows w = SequenceWindows.of(List.of(s), SequenceWindows.RECURRENT_LIMIT);
        List<List<ScoredSpan>> found = new ArrayList<>();
        for (UnitSequence window : w.windows()) {
            String seen = String.join("", window.texts());
            int at = seen.indexOf('名');
            found.add(at < 0 ? List.of() : List.of(span("ORG", at, seen.lastIndexOf('名') + 1, 0.7)));
        }
        assertEquals(List.of(List.of(span("ORG", 960, 1010, 0.7))), w.merge(found), "not 名 x 40 cut at the window's end");
    }

    @Test
    void noLimitLeavesEverySequenceWhole() {
        UnitSequence s = characters("李四去上海了。王五在广州工作很多年了没有回来。");
        assertEquals(List.of(s), SequenceWindows.of(List.of(s), 0).windows());
    }

    private static ScoredSpan span(String type, int start, int end, double score) {
        return new ScoredSpan(new TagScheme.TokenSpan(type, start, end), score);
    }
}
