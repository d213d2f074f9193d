package dev.nlpipe.core.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import dev.nlpipe.core.testing.SampleDocuments;
import org.junit.jupiter.api.Test;

class DocumentJsonTest {

    @Test
    void roundTripsEveryLayer() {
        Document d = SampleDocuments.full();
        String json = DocumentJson.toJson(d);
        assertFalse(json.contains("\n"), "one line");
        Document back = DocumentJson.parse(json);
        assertEquals(d, back);
        assertEquals(json, DocumentJson.toJson(back), "stable when written again");
    }

    @Test
    void usesThePublicFieldNames() {
        String json = DocumentJson.toJson(SampleDocuments.full());
        assertTrue(json.startsWith("{\"id\":\"doc-1\",\"text\":\"姚明在NBA打篮球 🏀\",\"lang\":\"zh\",\"tokens\":[{\"text\":\"姚明\",\"start\":0,\"end\":2,\"pos\":\"nr\"}"), json);
        assertTrue(json.contains("\"entities\":[{\"type\":\"PER\",\"start\":0,\"end\":2,\"text\":\"姚明\",\"score\":0.98}"), json);
        assertTrue(json.contains("\"labels\":{\"sports\":0.93,\"news\":0.07}"), json);
        assertTrue(json.contains("\"vectors\":{\"tfidf\":{\"indices\":[3,17],\"values\":[0.41,0.9123456789012345]},\"w2v\":[0.1,-0.2,1.0E-7]}"), json);
        assertTrue(json.endsWith("\"meta\":{\"source\":\"corpus/a.txt\",\"line\":12,\"tags\":[\"x\",\"y\"]}}"), json);
    }

    @Test
    void omitsAbsentLayersAndKeepsEmptyOnes() {
        Document d = new Document("a", "");
        assertEquals("{\"id\":\"a\",\"text\":\"\"}", DocumentJson.toJson(d));
        d.setTokens(List.of());
        assertEquals("{\"id\":\"a\",\"text\":\"\",\"tokens\":[]}", DocumentJson.toJson(d));
        Document back = DocumentJson.parse(DocumentJson.toJson(d));
        assertEquals(List.of(), back.tokens());
        assertNull(back.entities());
    }

    @Test
    void mapsConfiguredFieldsAndKeepsUnknownOnesInMeta() {
        Document d = DocumentJson.parse("{\"content\":\"hello\",\"cat\":[\"a\",\"b\"],\"title\":\"T\",\"n\":3}",
                new DocumentJson.Fields("key", "content", "cat", "lang"), "f.jsonl:7");
        assertEquals("f.jsonl:7", d.id());
        assertEquals("hello", d.text());
        assertEquals(Map.of("a", 1.0, "b", 1.0), d.labels());
        assertEquals("T", d.meta().get("title"));
        assertEquals(3, d.meta().get("n"));
    }

    @Test
    void rejectsBrokenRecordsWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse("{\"text\": \"a\""))
                .getMessage().startsWith("invalid JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse("{\"id\": \"a\"}"))
                .getMessage().contains("no 'text' field"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse("[1,2]"))
                .getMessage().contains("object"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DocumentJson.parse("{\"text\":\"ab\",\"tokens\":[{\"text\":\"abc\",\"start\":0,\"end\":3}]}"))
                .getMessage().contains("past the text's length"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DocumentJson.parse("{\"text\":\"高勇\",\"sentences\":[{\"start\":0,\"end\":5}]}"))
                .getMessage().contains("sentence 0..5 ends past the text's length 2"));
    }

    @Test
    void anEntityIsTheTextItsOffsetsCover() {
        // offsets alone: the text is filled in from the document
        Document d = DocumentJson.parse("{\"text\":\"😀姚明\",\"entities\":[{\"type\":\"PER\",\"start\":2,\"end\":4}]}");
        assertEquals("姚明", d.entities().get(0).text());
        // Python's code-point offsets (2..4) name the text but cover the second emoji
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse(
                "{\"text\":\"😀😀姚明\",\"entities\":[{\"type\":\"PER\",\"start\":2,\"end\":4,\"text\":\"姚明\"}]}"));
        assertTrue(e.getMessage().contains("entity '姚明' at 2..4 covers") && e.getMessage().contains("UTF-16"), e.getMessage());
    }

    @Test
    void codePointOffsetsThatCutAnEmojiAreToldSoWithOrWithoutTheEntitysText() {
        // Python's 1..3 starts between the emoji's two UTF-16 halves; filled in, the text would hold a lone surrogate
        for (String text : new String[] {"", ",\"text\":\"姚明\""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse(
                    "{\"text\":\"😀姚明\",\"entities\":[{\"type\":\"PER\",\"start\":1,\"end\":3" + text + "}]}"));
            assertTrue(e.getMessage().contains("at 1..3 cuts the character '😀'") && e.getMessage().contains("UTF-16 code units"),
                    e.getMessage());
        }
    }

    @Test
    void aSentenceOrTokenEndingInsideAnEmojiIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse(
                "{\"text\":\"好😀\",\"sentences\":[{\"start\":0,\"end\":2}]}")).getMessage().contains("sentence at 0..2 cuts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse(
                "{\"text\":\"好😀\",\"tokens\":[{\"text\":\"好\",\"start\":0,\"end\":1},{\"text\":\"x\",\"start\":1,\"end\":2}]}"))
                .getMessage().contains("token 'x' at 1..2 cuts"));
    }

    @Test
    void nullLayersAreAbsentAsTheContractSays() {
        // pandas' to_json(lines=True) writes a missing optional column as null
        Document d = DocumentJson.parse("{\"text\":\"abc\",\"tokens\":null,\"entities\":null,\"sentences\":null,"
                + "\"vectors\":null,\"meta\":null,\"label\":null,\"labels\":null}");
        assertNull(d.tokens());
        assertNull(d.entities());
        assertNull(d.sentences());
        assertNull(d.labels(), "no label, not 'a classifier found none'");
        Document stop = DocumentJson.parse("{\"text\":\"abc\",\"tokens\":[{\"text\":\"a\",\"start\":0,\"end\":1,\"stop\":null}]}");
        assertFalse(stop.tokens().get(0).stop());
        // offsets that passed through a float in Python (numpy, pandas) are written 5.0: whole, so read
        Document floats = DocumentJson.parse("{\"text\":\"hello world\",\"tokens\":[{\"text\":\"hello\",\"start\":0.0,\"end\":5.0}]}");
        assertEquals(5, floats.tokens().get(0).end());
        // a label column with a missing value is written 1.0 by pandas: the label 1, alone or in a list
        assertEquals(java.util.Set.of("1"), DocumentJson.parse("{\"text\":\"a\",\"label\":1.0}").labels().keySet());
        assertEquals(java.util.Set.of("1"), DocumentJson.parse("{\"text\":\"a\",\"label\":[1.0]}").labels().keySet());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> DocumentJson.parse("{\"text\":\"a\",\"label\":0.5}"));
        assertTrue(fraction.getMessage().contains("0.5, which is no label"), fraction.getMessage());
    }

    @Test
    void layersOfTheWrongShapeAndFractionalOffsetsAreNamed() {
        for (String[] c : new String[][] {
                {"{\"tokens\":[\"a\",\"b\"],\"text\":\"ab\"}", "field 'tokens' must be an array of {text, start, end} objects, not of strings"},
                {"{\"text\":\"abc\",\"entities\":[[\"PER\",0,1]]}", "field 'entities' must be an array of {type, start, end} objects, not of arrays"},
                {"{\"text\":\"abc\",\"sentences\":[[0,3]]}", "field 'sentences' must be an array of {start, end} objects"},
                {"{\"text\":\"abc\",\"tokens\":[{\"text\":\"abc\",\"start\":0.9,\"end\":3}]}", "a token's 'start' must be a whole number"},
                {"{\"text\":\"abc\",\"tokens\":[{\"text\":\"abc\",\"start\":\"0\",\"end\":3}]}", "the string \"0\""},
                {"{\"text\":\"abc\",\"tokens\":[{\"text\":\"a\",\"start\":0,\"end\":1,\"stop\":\"yes\"}]}", "'stop' must be true or false"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentJson.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
    }
}
