package dev.nlpipe.core.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON input that would otherwise be changed silently is refused as a bad record. */
class DocumentJsonStrictnessTest {

    @Test
    void refusesALoneHighSurrogateInTheText() {
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse("{\"text\":\"a\\ud800b\"}"));
    }

    @Test
    void refusesALoneLowSurrogateInMetadata() {
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse("{\"text\":\"a\",\"note\":{\"k\":[\"\\udc00\"]}}"));
    }

    @Test
    void keepsAPairedSurrogate() {
        assertEquals("😀", DocumentJson.parse("{\"text\":\"\\ud83d\\ude00\"}").text());
    }

    @Test
    void refusesANonNumericLabelScore() {
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse("{\"text\":\"a\",\"labels\":{\"x\":\"high\"}}"));
    }

    @Test
    void keepsNumericLabelScores() {
        assertEquals(Map.of("x", 0.5, "y", 1.0), DocumentJson.parse("{\"text\":\"a\",\"labels\":{\"x\":0.5,\"y\":1}}").labels());
    }

    @Test
    void refusesANumericLanguage() {
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse("{\"text\":\"a\",\"lang\":7}"));
    }

    @Test
    void refusesADuplicateTextKey() {
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse("{\"text\":\"a\",\"text\":\"b\"}"));
    }

    @Test
    void findsOnlyUnpairedSurrogates() {
        assertEquals(-1, LoneSurrogates.find("a😀b"));
        assertEquals(1, LoneSurrogates.find("a\ud83d"));
        assertEquals(0, LoneSurrogates.find("\ude00\ud83d"));
    }
}
