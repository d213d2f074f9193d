package dev.nlpipe.ner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void windowsEndAfterASentenceEndInTheirSecondHalfElseAtTheLimit() {
        UnitSequence shortOne = characters("张三在北京。");
        UnitSequence longOne = characters("李四去上海了。王五在广州工作很多年了没有回来。赵六");
        SequenceWindows w = SequenceWindows.of(List.of(shortOne, longOne), 10);
        assertSame(shortOne, w.windows().get(0), "a sequence within the limit is its own window");
        // 10 units: 。 at index 6 is in the second half (5..9), so the first window ends after it;
        // the next 10 (王五在广州工作很多年) hold none in their second half, so the cut falls at the limit
        assertEquals(List.of("张三在北京。", "李四去上海了。", "王五在广州工作很多年", "了没有回来。赵六"), texts(w.windows()));
        assertEquals(17, w.windows().get(3).starts()[0], "a window keeps its offsets in the document");

        List<List<ScoredSpan>> found = List.of(
                List.of(span("PER", 0, 2, 0.9)),
                List.of(span("PER", 0, 2, 0.8), span("LOC", 3, 5, 0.7)),
                List.of(span("PER", 0, 2, 0.6), span("LOC", 3, 5, 0.5)),
                List.of(span("PER", 6, 8, 0.4)));
        assertEquals(List.of(List.of(span("PER", 0, 2, 0.9)),
                List.of(span("PER", 0, 2, 0.8), span("LOC", 3, 5, 0.7), span("PER", 7, 9, 0.6), span("LOC", 10, 12, 0.5),
                        span("PER", 23, 25, 0.4))), w.merge(found));
        assertEquals("赵六", longOne.scoredEntities(List.of(span("PER", 23, 25, 0.4))).get(0).text());

        int[][] tags = w.joinTags(new int[][] {{1, 2, 0, 0, 0, 0}, {1, 2, 0, 0, 0, 0, 0}, {1, 2, 0, 3, 4, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0, 1, 2}});
        assertEquals(2, tags.length);
        assertArrayEquals(new int[] {1, 2, 0, 0, 0, 0}, tags[0]);
        assertArrayEquals(new int[] {1, 2, 0, 0, 0, 0, 0, 1, 2, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2}, tags[1],
                "a sequence's tags are its windows' in order");
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
