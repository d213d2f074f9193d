package dev.nlpipe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" for a word missing from a vocabulary ({@link Suggest#closestWords}). */
class SuggestTest {
    @Test
    void aWordOneEditAwayIsOfferedBeforeShortWordsItContains() {
        List<String> vocabulary = List.of("the", "e", "en", "er", "of", "government", "governments");
        assertEquals(List.of("government", "governments"), Suggest.closestWords("goverment", vocabulary, 3));
    }

    @Test
    void wordsAtOneDistanceComeInFrequencyOrder() {
        // alphabetical order would put king before kings
        assertEquals(List.of("kings", "king", "ring"), Suggest.closestWords("kingg", List.of("g", "in", "kings", "king", "ring"), 3));
    }

    @Test
    void noWordShorterThanHalfTheQueryIsOffered() {
        assertEquals(List.of("黛玉"), Suggest.closestWords("林黛玉", List.of("林", "玉", "黛玉"), 3));
    }

    @Test
    void aWordInAnotherCaseIsTheNearest() {
        assertEquals(List.of("King", "ring"), Suggest.closestWords("king", List.of("ring", "King"), 3));
    }
}
