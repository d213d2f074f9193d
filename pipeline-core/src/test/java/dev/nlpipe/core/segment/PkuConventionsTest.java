package dev.nlpipe.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PkuConventionsTest {

    /** Words from "word/pos" items laid end to end, rewritten, and returned as "word/pos". */
    private static List<String> rewrite(String... items) {
        StringBuilder text = new StringBuilder();
        List<Word> words = new ArrayList<>();
        for (String item : items) {
            int slash = item.lastIndexOf('/');
            String w = item.substring(0, slash);
            words.add(new Word(text.length(), text.length() + w.length(), item.substring(slash + 1)));
            text.append(w);
        }
        String s = text.toString();
        return PkuConventions.apply(s, words).stream().map(w -> w.in(s) + "/" + w.pos()).toList();
    }

    @Test
    void chinesePersonNamesSplitIntoFamilyAndGivenName() {
        assertEquals(List.of("江/nr", "泽民/nr", "说/v"), rewrite("江泽民/nr", "说/v"));
        assertEquals(List.of("李/nr", "鹏/nr"), rewrite("李鹏/nr"));
        assertEquals(List.of("欧阳/nr", "修/nr"), rewrite("欧阳修/nr"));
        assertEquals(List.of("诸葛/nr", "亮/nr"), rewrite("诸葛亮/nr"));
    }

    @Test
    void otherNamesAndWordsStayWhole() {
        assertEquals(List.of("克林顿/nrf"), rewrite("克林顿/nrf"), "transliterated names are not split");
        assertEquals(List.of("克林顿/nr"), rewrite("克林顿/nr"), "克 is not a common family name");
        assertEquals(List.of("王府井/ns"), rewrite("王府井/ns"), "only person names are split");
        assertEquals(List.of("王/nr"), rewrite("王/nr"), "a family name alone stays");
        assertEquals(List.of("王Alex/nr"), rewrite("王Alex/nr"), "only Han names are split");
        assertEquals(List.of("欧阳/nr"), rewrite("欧阳/nr"));
    }

    @Test
    void digitsJoinDateAndMagnitudeUnits() {
        assertEquals(List.of("2001年/t", "12月/t", "31日/t", "23时/t", "30分/t"),
                rewrite("2001/m", "年/q", "12/m", "月/n", "31/m", "日/q", "23/m", "时/q", "30/m", "分/q"));
        assertEquals(List.of("２００１年/t"), rewrite("２００１/m", "年/q"), "full-width digits too");
        assertEquals(List.of("30万/m", "55.6亿/m", "25％/m", "1万亿/m", "3月份/t"),
                rewrite("30/m", "万/m", "55.6/m", "亿/m", "25/m", "％/w", "1/m", "万亿/m", "3/m", "月份/n"));
    }

    @Test
    void countedQuantitiesStayApart() {
        assertEquals(List.of("20/m", "年/q", "3/m", "个/q", "5/m", "℃/q"), rewrite("20/m", "年/q", "3/m", "个/q", "5/m", "℃/q"));
        assertEquals(List.of("三/m", "年/q"), rewrite("三/m", "年/q"), "a duration in numerals");
    }

    @Test
    void yearsInChineseNumeralsJoin() {
        assertEquals(List.of("二○○一年/t"), rewrite("二○○一/m", "年/q"));
        assertEquals(List.of("一九九八年/t"), rewrite("一九九八/m", "年/q"));
        assertEquals(List.of("五十/m", "年/q"), rewrite("五十/m", "年/q"));
    }

    @Test
    void signsAndFractionsJoinTheirNumbers() {
        assertEquals(List.of("气温/n", "－5/m", "℃/q"), rewrite("气温/n", "－/w", "5/m", "℃/q"));
        assertEquals(List.of("3/m", "-/w", "5/m"), rewrite("3/m", "-/w", "5/m"), "a range is not a sign");
        assertEquals(List.of("1／3/m"), rewrite("1/m", "／/w", "3/m"));
    }

    @Test
    void wordsThatDoNotTouchAreNeverJoined() {
        String s = "2001 年";
        List<Word> words = List.of(new Word(0, 4, "m"), new Word(5, 6, "q"));
        assertEquals(words, PkuConventions.apply(s, words));
    }
}
