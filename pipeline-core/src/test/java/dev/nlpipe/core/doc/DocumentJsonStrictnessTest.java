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
    void aJsonNullIsAnAbsentValueNotTheWordNull() {
        // what Python's json.dumps writes for None
        Document d = DocumentJson.parse("{\"id\":null,\"text\":\"姚明在\",\"labels\":[null,\"x\"],"
                + "\"tokens\":[{\"text\":\"姚明\",\"start\":0,\"end\":2,\"pos\":null}],"
                + "\"entities\":[{\"type\":\"PER\",\"start\":0,\"end\":2,\"text\":null,\"score\":null}]}");
        assertEquals(DocumentJson.parse("{\"text\":\"姚明在\"}").id(), d.id());
        assertEquals(null, d.tokens().get(0).pos());
        assertEquals(new Entity("PER", 0, 2, "姚明", Double.NaN), d.entities().get(0), "its text taken from the document");
        assertEquals(Map.of("x", 1.0), d.labels());
    }

    @Test
    void findsOnlyUnpairedSurrogates() {
        assertEquals(-1, LoneSurrogates.find("a😀b"));
        assertEquals(1, LoneSurrogates.find("a\ud83d"));
        assertEquals(0, LoneSurrogates.find("\ude00\ud83d"));
    }
}
