package dev.nlpipe.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What goes between two pieces that an operation made neighbours. */
class GapsTest {

    @Test
    void wordsGetASpaceAndChineseNone() {
        assertEquals(" ", Gaps.between("good", "film"));
        assertEquals("", Gaps.between("电影", "很好"));
        assertEquals("", Gaps.between("good", "电影"));
        assertEquals("", Gaps.between("好", "。"));
    }

    @Test
    void punctuationIsWrittenAsEnglishWritesIt() {
        assertEquals("", Gaps.between("I", ","));
        assertEquals("", Gaps.between("lot", "."));
        assertEquals("", Gaps.between("film", "!"));
        assertEquals("", Gaps.between("John", "'s"));
        assertEquals("", Gaps.between("cat", ")"));
        assertEquals("", Gaps.between("(", "cat"));
        assertEquals("", Gaps.between("\u201C", "cat"));
        assertEquals(" ", Gaps.between(",", "cheap"), "after a comma, a space");
        assertEquals(" ", Gaps.between("cat", "("), "before an opening bracket, a space");
        assertEquals(" ", Gaps.between("cat", "\""), "a straight quote may open or close: a space, as before");
        assertEquals(" ", Gaps.between("said", "'"), "so may an apostrophe alone");
        assertEquals("", Gaps.between("they", "'re"));
    }
}
