package dev.nlpipe.core.doc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    @Test
    void refusesNumbersBeyondTheirRangeNamingTheField() {
        assertMessage("label 'x'", "{\"text\":\"a\",\"labels\":{\"x\":1e400}}");
        assertMessage("'score'", "{\"text\":\"ab\",\"entities\":[{\"type\":\"T\",\"start\":0,\"end\":1,\"score\":-1e400}]}");
        assertMessage("vector 'w'", "{\"text\":\"a\",\"vectors\":{\"w\":[0.5,1e300]}}");
        assertMessage("'meta.big'", "{\"text\":\"a\",\"meta\":{\"big\":1e400}}");
        assertMessage("'note'", "{\"text\":\"a\",\"note\":[1,1e400]}");
    }

    @Test
    void refusesAnUnknownFieldThatIsAlsoAKeyOfMeta() {
        assertMessage("field 'foo' is also a key of 'meta'", "{\"text\":\"b\",\"meta\":{\"foo\":1},\"foo\":2}");
        assertEquals(Map.of("foo", 1, "bar", 2), DocumentJson.parse("{\"text\":\"b\",\"meta\":{\"foo\":1},\"bar\":2}").meta());
    }

    @Test
    void keepsAWholeNumberOfAnySizeExactly() {
        String json = DocumentJson.toJson(DocumentJson.parse("{\"text\":\"a\",\"meta\":{\"big\":123456789012345678901234567890}}"));
        assertTrue(json.contains("\"big\":123456789012345678901234567890"), json);
    }

    @Test
    void neverWritesANonFiniteNumber() {
        Document d = new Document("d", "ab");
        d.setLabels(new java.util.LinkedHashMap<>(Map.of("x", Double.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.toJson(d));
        d.setLabels(null).setEntities(List.of(new Entity("T", 0, 1, "a", Double.NEGATIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.toJson(d));
        d.setEntities(null).setVectors(Map.of("w", new DenseVector(new float[] {Float.NaN})));
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.toJson(d));
        d.setVectors(Map.of("w", new SparseVector(new int[] {1}, new double[] {Double.NaN})));
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.toJson(d));
        d.setVectors(null).meta().put("m", Map.of("k", Double.NaN));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DocumentJson.toJson(d)).getMessage().contains("'meta.m.k'"));
    }

    @Test
    void readsSparseIndicesAsWholeNumbersFromZeroAndValuesAsNumbers() {
        assertMessage("an index of vector 'w' must be a whole number from 0, not 1.7", sparse("[1.7,2.2]", "[0.5,0.25]"));
        assertMessage("an index of vector 'w' must be a whole number from 0, not -1", sparse("[-1,3]", "[0.5,0.25]"));
        assertMessage("an index of vector 'w' must be a whole number from 0, not the string \"1\"", sparse("[\"1\",3]", "[0.5,0.25]"));
        assertMessage("a value of vector 'w' must be a number, not the string \"0.25\"", sparse("[1,2]", "[0.5,\"0.25\"]"));
        assertMessage("a value of vector 'w' 1e400 is beyond", sparse("[1]", "[1e400]"));
        SparseVector v = (SparseVector) DocumentJson.parse(sparse("[1,2.0]", "[0.5,1]")).vectors().get("w");
        assertArrayEquals(new int[] {1, 2}, v.indices());
        assertArrayEquals(new double[] {0.5, 1}, v.values());
        assertThrows(IllegalArgumentException.class, () -> new SparseVector(new int[] {-1}, new double[] {1}));
    }

    private static String sparse(String indices, String values) {
        return "{\"text\":\"a\",\"vectors\":{\"w\":{\"indices\":" + indices + ",\"values\":" + values + "}}}";
    }

    @Test
    void readsATextLongerThanJacksonsDefaultLimit() {
        // 20,000,000 characters is Jackson's default; input.maxLineLength alone bounds a line
        String text = "a".repeat(20_000_001);
        Document d = DocumentJson.parse(DocumentJson.toJson(new Document("d", text)));
        assertEquals(text.length(), d.text().length());
    }

    private static void assertMessage(String part, String json) {
        String message = assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse(json)).getMessage();
        assertTrue(message.contains(part), message);
    }
}
