package dev.nlpipe.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private static Document run(String text, Map<String, ?> normalize) {
        try (Pipeline p = Pipeline.builder().add("normalize.text", normalize).add("tokenize.regex").build()) {
            return p.process(new Document("d", text)).get(0);
        }
    }

    @Test
    void fullWidthBecomesHalfWidthWithOriginalOffsets() {
        String text = "ＡＢＣ１２３，ｄｅｆ";
        Document d = run(text, Map.of());
        assertEquals(text, d.text(), "the text itself never changes");
        List<Token> t = d.tokens();
        assertEquals(List.of("ABC123", ",", "def"), t.stream().map(Token::text).toList());
        assertEquals(List.of(0, 6, 6, 7, 7, 10), t.stream().flatMap(x -> java.util.stream.Stream.of(x.start(), x.end())).toList());
    }

    @Test
    void fullWidthFalseKeepsFullWidthFormsUnderNfkc() {
        String text = "你好，ＡＢＣ　１２３！ ﬁ";
        Document d = run(text, Map.of("fullWidth", false));
        assertEquals(List.of("你", "好", "，", "ＡＢＣ", "１２３", "！", "fi"), d.tokens().stream().map(Token::text).toList());
        assertEquals(List.of(0, 1, 1, 2, 2, 3, 3, 6, 7, 10, 10, 11, 12, 13),
                d.tokens().stream().flatMap(x -> java.util.stream.Stream.of(x.start(), x.end())).toList());
    }

    @Test
    void expansionsMapBackToTheirSourceCharacter() {
        String text = "ﬁne ①② ㎏";
        Document d = run(text, Map.of("lowercase", true));
        assertEquals(List.of("fine", "12", "kg"), d.tokens().stream().map(Token::text).toList());
        for (Token t : d.tokens()) {
            String original = text.substring(t.start(), t.end());
            assertEquals(t.text(), java.text.Normalizer.normalize(original, java.text.Normalizer.Form.NFKC).toLowerCase());
        }
    }

    @Test
    void aCharacterThatNormalizesToSeveralTokensIsOneTokenOfTheOriginal() {
        String text = "㈱东芝 ㍻";
        for (String tokenizer : List.of("tokenize.regex", "segment", "segment.hanlp")) {
            try (Pipeline p = Pipeline.builder().add("normalize.text").add(tokenizer).build()) {
                List<Token> t = p.process(new Document("d", text)).get(0).tokens();
                for (int i = 1; i < t.size(); i++) {
                    assertTrue(t.get(i).start() >= t.get(i - 1).end(), tokenizer + ": no two tokens over one character: " + t);
                }
                assertEquals(0, t.get(0).start(), tokenizer + ": " + t);
                assertTrue(t.get(0).text().startsWith("(株)"), tokenizer + ": ㈱ reads (株), as one token: " + t);
            }
        }
    }

    @Test
    void combiningSequencesCompose() {
        String text = "Cafe\u0301 noir";
        Document d = run(text, Map.of());
        assertEquals("Café", d.tokens().get(0).text());
        assertEquals(0, d.tokens().get(0).start());
        assertEquals(5, d.tokens().get(0).end());
        assertEquals(6, d.tokens().get(1).start());
        // the half-width voicing marks are modifier letters, and decomposed Hangul vowels are letters: both compose as NFKC does
        for (String s : List.of("ｶﾞｲﾄﾞ", "\u1100\u1161\u11A8", "ﾊﾟﾝ")) {
            assertEquals(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC),
                    TextNormalizer.normalize(s, true, true, false).text(), s);
        }
    }

    @Test
    void asciiWithoutChangesNeedsNoView() {
        try (Pipeline p = Pipeline.builder().add("normalize.text").build()) {
            assertNull(p.process(new Document("d", "plain ascii")).get(0).normalized());
        }
    }

    @Test
    void normalizersCompose() {
        String text = "ＨＥＬＬＯ Wörld";
        try (Pipeline p = Pipeline.builder().add("normalize.text", Map.of("lowercase", false))
                .add("normalize.text", Map.of("nfkc", false, "fullWidth", false, "lowercase", true)).add("tokenize.regex").build()) {
            Document d = p.process(new Document("d", text)).get(0);
            assertEquals(List.of("hello", "wörld"), d.tokens().stream().map(Token::text).toList());
            assertEquals(5, d.tokens().get(0).end());
            assertEquals(6, d.tokens().get(1).start());
            assertEquals(11, d.tokens().get(1).end());
        }
    }
}
