package dev.nlpipe.core.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.tag.TagScheme.TokenSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagSchemeTest {

    private static List<TokenSpan> decode(String tags) {
        return TagScheme.decode(List.of(tags.split(" ")));
    }

    @Test
    void decodesWellFormedSequencesOfEveryScheme() {
        List<TokenSpan> expected = List.of(new TokenSpan("PER", 0, 2), new TokenSpan("LOC", 3, 4), new TokenSpan("LOC", 4, 6));
        assertEquals(expected, decode("B-PER I-PER O B-LOC B-LOC I-LOC"));
        assertEquals(expected, decode("I-PER I-PER O I-LOC B-LOC I-LOC"), "IOB1");
        assertEquals(expected, decode("B-PER E-PER O S-LOC B-LOC E-LOC"), "BIOES");
        assertEquals(expected, decode("B-PER E-PER O S-LOC B-LOC E-LOC"), "BMES");
        assertEquals(List.of(new TokenSpan("LOC", 0, 3)), decode("B-LOC M-LOC E-LOC"));
    }

    @Test
    void illFormedSequencesFollowConlleval() {
        // an I- after O starts an entity; a type change ends one and starts another
        assertEquals(List.of(new TokenSpan("PER", 1, 3)), decode("O I-PER I-PER O"));
        assertEquals(List.of(new TokenSpan("PER", 0, 1), new TokenSpan("LOC", 1, 2)), decode("B-PER I-LOC O"));
        // B followed by B of the same type: two entities
        assertEquals(List.of(new TokenSpan("X", 0, 1), new TokenSpan("X", 1, 2)), decode("B-X B-X"));
        // an entity running to the end of the sentence is closed
        assertEquals(List.of(new TokenSpan("ORG", 2, 4)), decode("O O B-ORG I-ORG"));
        assertEquals(List.of(), decode("O O O"));
    }

    @Test
    void encodesSpansInEachScheme() {
        List<TokenSpan> spans = List.of(new TokenSpan("PER", 0, 2), new TokenSpan("LOC", 3, 4), new TokenSpan("LOC", 4, 7));
        assertEquals(List.of("B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "I-LOC"), TagScheme.BIO.encode(spans, 7));
        assertEquals(List.of("I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-LOC", "I-LOC"), TagScheme.IOB1.encode(spans, 7));
        assertEquals(List.of("B-PER", "E-PER", "O", "S-LOC", "B-LOC", "I-LOC", "E-LOC"), TagScheme.BIOES.encode(spans, 7));
        assertEquals(List.of("B-PER", "E-PER", "O", "S-LOC", "B-LOC", "M-LOC", "E-LOC"), TagScheme.BMES.encode(spans, 7));
        for (TagScheme s : TagScheme.values()) {
            assertEquals(spans, TagScheme.decode(s.encode(spans, 7)), s.name());
        }
    }

    @Test
    void transitionConstraints() {
        assertFalse(TagScheme.BIO.allowed("O", "I-PER"));
        assertFalse(TagScheme.BIO.allowed("B-PER", "I-LOC"));
        assertTrue(TagScheme.BIO.allowed("B-PER", "I-PER"));
        assertFalse(TagScheme.BIO.allowed(null, "I-PER"));
        assertFalse(TagScheme.BIOES.allowed("B-PER", "O"));
        assertFalse(TagScheme.BIOES.allowed("B-PER", null), "an open entity cannot end the sentence");
        assertTrue(TagScheme.BIOES.allowed("B-PER", "E-PER"));
        assertFalse(TagScheme.BIOES.allowed("S-PER", "I-PER"));
        assertTrue(TagScheme.BMES.allowed("M-LOC", "E-LOC"));
        assertFalse(TagScheme.BMES.allowed("E-LOC", "M-LOC"));
        assertTrue(TagScheme.IOB1.allowed("I-PER", "B-PER"));
        assertFalse(TagScheme.IOB1.allowed("O", "B-PER"));
    }
}
