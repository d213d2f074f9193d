package dev.nlpipe.core.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagSchemeConvertTest {

    private static List<String> tags(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void convertsBetweenSchemes() {
        List<String> iob1 = tags("I-PER I-PER B-PER O I-LOC");
        assertEquals(tags("B-PER E-PER S-PER O S-LOC"), TagScheme.BIOES.convert(iob1));
        assertEquals(tags("B-PER I-PER B-PER O B-LOC"), TagScheme.BIO.convert(iob1));
        assertEquals(tags("B-PER E-PER S-PER O S-LOC"), TagScheme.BMES.convert(iob1));
        assertEquals(iob1, TagScheme.IOB1.convert(TagScheme.BIO.convert(iob1)));
        assertEquals(tags("B-ORG M-ORG E-ORG"), TagScheme.BMES.convert(tags("B-ORG I-ORG I-ORG")));
    }

    @Test
    void listsEveryTagOfAScheme() {
        assertEquals(tags("O B-LOC I-LOC B-PER I-PER"), TagScheme.BIO.tags(List.of("PER", "LOC")));
        assertEquals(tags("O B-X I-X E-X S-X"), TagScheme.BIOES.tags(List.of("X")));
    }

    @Test
    void constraintsForbidInvalidTransitions() {
        assertEquals(false, TagScheme.BIO.allowed("O", "I-PER"));
        assertEquals(false, TagScheme.BIO.allowed("B-PER", "I-LOC"));
        assertEquals(true, TagScheme.BIO.allowed("B-PER", "I-PER"));
        assertEquals(false, TagScheme.BIO.allowed(null, "I-PER"));
        assertEquals(false, TagScheme.BIOES.allowed("B-PER", "O"));
        assertEquals(false, TagScheme.BIOES.allowed("B-PER", null));
        assertEquals(true, TagScheme.BMES.allowed("M-PER", "E-PER"));
        assertEquals(false, TagScheme.BMES.allowed("E-PER", "M-PER"));
    }
}
