package dev.nlpipe.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextChunkerTest {

    @Test
    void shortTextsAreNotCut() {
        assertEquals(5, TextChunker.end("你好世界。", 0, 10));
        assertEquals(10, TextChunker.end("0123456789", 0, 10));
    }

    @Test
    void cutsAfterTheLastSentenceEndInTheWindow() {
        String s = "一二三。四五六七八九十";
        assertEquals(4, TextChunker.end(s, 0, 6));
    }

    @Test
    void fallsBackToSpacesThenToTheLimit() {
        assertEquals(5, TextChunker.end("abcd efghij", 0, 8));
        assertEquals(8, TextChunker.end("abcdefghijkl", 0, 8));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String s = "1234567😀89";   // the emoji occupies indices 7 and 8
        assertEquals(7, TextChunker.end(s, 0, 8));
    }

    @Test
    void startsFromTheGivenOffset() {
        String s = "前言。一二三。四五六七八九十";
        assertEquals(7, TextChunker.end(s, 3, 6));
    }
}
