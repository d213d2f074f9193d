package dev.nlpipe.core.tokenize.lucene;

import static dev.nlpipe.core.testing.TokenChecks.run;
import static dev.nlpipe.core.testing.TokenChecks.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.testing.TokenChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneStageTest {
    static final String ENGLISH = "The Cats' owners were running to the U.S.A. in 2001!";

    private static List<String> tokens(Map<String, ?> options, String text) {
        return texts(run("tokenize.lucene", options, text));
    }

    @Test
    void standardLowercasesAndKeepsStopWordsByDefault() {
        assertEquals(List.of("the", "cats", "owners", "were", "running", "to", "the", "u.s.a", "in", "2001"),
                tokens(Map.of(), ENGLISH));
        assertEquals(List.of("cats", "owners", "were", "running", "u.s.a", "2001"),
                tokens(Map.of("analyzer", "standard", "stopwords", true), ENGLISH));
    }

    @Test
    void englishStemsAndDropsStopWordsUnlessToldNotTo() {
        assertEquals(List.of("cat", "owner", "were", "run", "u.s.a", "2001"), tokens(Map.of("analyzer", "english"), ENGLISH));
        assertEquals(List.of("the", "cat", "owner", "were", "run", "to", "the", "u.s.a", "in", "2001"),
                tokens(Map.of("analyzer", "english", "stopwords", false), ENGLISH));
        assertEquals(List.of("cats", "owners", "were", "running", "u.s.a", "2001"),
                tokens(Map.of("analyzer", "english", "stemming", false), ENGLISH));
    }

    @Test
    void whitespaceAndSimple() {
        assertEquals(List.of("The", "Cats'", "owners"), tokens(Map.of("analyzer", "whitespace"), "The Cats' owners"));
        assertEquals(List.of("the", "cats", "owners", "c"), tokens(Map.of("analyzer", "simple"), "The Cats' owners 3c"));
    }

    @Test
    void cjkMakesOverlappingBigramsWithOffsets() {
        Document d = run("tokenize.lucene", Map.of("analyzer", "cjk"), "我爱北京 ok");
        assertEquals(List.of("我爱", "爱北", "北京", "ok"), texts(d));
        assertEquals(List.of(0, 1, 2, 5), d.tokens().stream().map(Token::start).toList());
    }

    @Test
    void smartcnSegmentsChineseAndKeepsPunctuationAsTokens() {
        Document d = run("tokenize.lucene", Map.of("analyzer", "smartcn"), "我爱北京天安门。");
        assertEquals(List.of("我", "爱", "北京", "天安门", ","), texts(d));
        assertEquals("。", d.text().substring(d.tokens().get(4).start(), d.tokens().get(4).end()));
        assertEquals(List.of("我", "爱", "北京", "天安门", "。"),
                tokens(Map.of("analyzer", "smartcn", "surface", true), "我爱北京天安门。"));
        assertEquals(List.of("我", "爱", "北京", "天安门"), tokens(Map.of("analyzer", "smartcn", "stopwords", true), "我爱北京天安门。"));
    }

    @Test
    void customChainsUseLuceneSpiNamesAndParameters() {
        Map<String, Object> options = Map.of("analyzer", "custom",
                "charFilters", List.of("htmlStrip"),
                "tokenizer", Map.of("type", "pattern", "pattern", "[,;]"),
                "filters", List.of("trim", "lowercase", Map.of("type", "length", "min", 2, "max", 20)));
        Document d = run("tokenize.lucene", options, "<b>Alpha</b>, BETA;x; gamma delta");
        assertEquals(List.of("alpha", "beta", "gamma delta"), texts(d));
        Token alpha = d.tokens().get(0);
        assertEquals(3, alpha.start(), "char filters keep offsets on the original text");
        assertEquals("Alpha", d.text().substring(alpha.start(), alpha.end()), "the span is the word, not the stripped </b> after it");
        Document html = run("tokenize.lucene", Map.of("analyzer", "custom", "charFilters", List.of("htmlStrip"), "tokenizer", "standard",
                "surface", true), "<b>Hello</b> and \uD840\uDC00<i>x</i>");
        assertEquals(List.of("Hello", "and", "\uD840\uDC00", "x"), texts(html));
        for (Token t : html.tokens()) {
            assertEquals(t.text(), html.text().substring(t.start(), t.end()));
        }
        // a tag inside a word stays inside its span, which ends at the word's last character
        Document inner = run("tokenize.lucene", Map.of("analyzer", "custom", "charFilters", List.of("htmlStrip"), "tokenizer", "standard"),
                "Hel<b>lo</b> wor<i>ld</i>");
        assertEquals(List.of("Hel<b>lo", "wor<i>ld"), inner.tokens().stream().map(t -> inner.text().substring(t.start(), t.end())).toList());
    }

    @Test
    void customStopFilterReadsAWordFileRelativeToTheWorkingDirectory(@TempDir Path dir) throws IOException {
        Path words = Files.writeString(dir.resolve("stop.txt"), "beta\n");
        Map<String, Object> options = Map.of("analyzer", "custom", "tokenizer", "whitespace",
                "filters", List.of(Map.of("type", "stop", "words", words.toAbsolutePath().toString())));
        assertEquals(List.of("alpha", "gamma"), tokens(options, "alpha beta gamma"));
        // ignoreCase: yes in YAML stays the text yes, which Lucene's parseBoolean would read as false
        Map<String, Object> yes = Map.of("analyzer", "custom", "tokenizer", "whitespace",
                "filters", List.of(Map.of("type", "stop", "words", words.toAbsolutePath().toString(), "ignoreCase", "yes")));
        assertEquals(List.of("alpha", "gamma"), tokens(yes, "alpha BETA gamma"));
    }

    @Test
    void unknownComponentsAreNamedWithSuggestions() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> run("tokenize.lucene", Map.of("analyzer", "custom", "tokenizer", "standard", "filters", List.of("lowercas")), "x"));
        assertTrue(e.getMessage().contains("unknown token filter 'lowercas'; did you mean") && e.getMessage().contains("'lowercase'"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> run("tokenize.lucene", Map.of("analyzer", "custom"), "x"));
        assertTrue(e.getMessage().contains("needs a tokenizer"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> run("tokenize.lucene", Map.of("analyzer", "custom", "tokenizer", Map.of("type", "standard", "bogus", 1)), "x"));
        assertTrue(e.getMessage().contains("Lucene rejected the custom chain") && e.getMessage().contains("bogus"), e.getMessage());
    }

    @Test
    void optionsThatDoNotApplyAreRejected() {
        assertThrows(ConfigException.class, () -> run("tokenize.lucene", Map.of("analyzer", "standard", "stemming", true), "x"));
        assertThrows(ConfigException.class, () -> run("tokenize.lucene", Map.of("analyzer", "whitespace", "stopwords", true), "x"));
        assertThrows(ConfigException.class, () -> run("tokenize.lucene", Map.of("analyzer", "english", "filters", List.of("lowercase")), "x"));
        ConfigException e = assertThrows(ConfigException.class, () -> run("tokenize.lucene", Map.of("analyzer", "klingon"), "x"));
        assertTrue(e.getMessage().contains("must be one of standard, english"), e.getMessage());
    }

    @Test
    void tokensAfterANormalizerCarryOriginalOffsets() {
        Document d = new Document("d", "ＡＢＣ　１２３");
        try (var p = dev.nlpipe.core.Pipeline.builder().add("normalize.text").add("tokenize.lucene", Map.of("analyzer", "whitespace")).build()) {
            d = p.process(d).get(0);
        }
        assertEquals(List.of("ABC", "123"), texts(d));
        assertEquals(List.of(0, 4), d.tokens().stream().map(Token::start).toList());
        assertEquals(List.of(3, 7), d.tokens().stream().map(Token::end).toList());
    }

    @Test
    void oneOriginalCharacterNormalizedIntoSeveralIsOneToken() {
        // ㍻ becomes 平成 under NFKC: the standard analyzer makes two tokens of it, both over the one original character
        Document d = new Document("d", "我在㍻年");
        try (var p = dev.nlpipe.core.Pipeline.builder().add("normalize.text").add("tokenize.lucene", Map.of("analyzer", "standard")).build()) {
            d = p.process(d).get(0);
        }
        assertEquals(List.of("我", "在", "平成", "年"), texts(d));
        TokenChecks.assertOffsets(d, false, (surface, text) -> true);
    }
}
