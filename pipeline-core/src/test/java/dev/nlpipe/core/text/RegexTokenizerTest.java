package dev.nlpipe.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegexTokenizerTest {

    private static List<Token> tokens(String text, Map<String, ?> options) {
        try (Pipeline p = Pipeline.builder().add("tokenize.regex", options).build()) {
            return p.process(new Document("d", text)).get(0).tokens();
        }
    }

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    @Test
    void punctuationBesideAPatternIsRefusedRatherThanIgnored() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> tokens("Hello , world", Map.of("pattern", "\\S+", "punctuation", false)));
        assertTrue(e.getMessage().contains("option 'punctuation'") && e.getMessage().contains("has no effect"),
                e.getMessage());
    }

    @Test
    void cjkCharactersAreTokensAndLatinRunsAreWords() {
        assertEquals(List.of("我", "在", "Starbucks", "点", "了", "一", "杯", "latte", ",", "花", "了", "32", "元", "。"),
                texts(tokens("我在Starbucks点了一杯latte, 花了32元。", Map.of())));
    }

    @Test
    void keepsApostrophesDecimalsAndThousands() {
        assertEquals(List.of("It's", "3.14", "and", "1,000", "people", "-", "don't", "panic", "."),
                texts(tokens("It's 3.14 and 1,000 people - don't panic.", Map.of())));
    }

    @Test
    void emojiWithModifiersAndJoinersStayWhole() {
        String text = "ok 👍🏽 family 👨‍👩‍👧 ❤️!";
        assertEquals(List.of("ok", "👍🏽", "family", "👨‍👩‍👧", "❤️", "!"), texts(tokens(text, Map.of())));
        // a joiner before a Han character or a line break binds nothing: 我 is not swallowed, 敏 and 感 stay two tokens
        List<String> joined = texts(tokens("好👍\u200D我们 敏\u200D感 1️⃣", Map.of()));
        assertEquals(List.of("好", "👍", "我", "们", "敏", "感", "1️⃣"), joined, "a joiner before no emoji joins nothing and shows nothing");
        // a flag is two regional indicators, paired from the start of their run
        assertEquals(List.of("去", "🇨🇳", "🇺🇸", "!"), texts(tokens("去🇨🇳🇺🇸!", Map.of())));
    }

    @Test
    void anInvisibleFormatCharacterBetweenWordCharactersStaysInsideTheWord() {
        String text = "کتاب\u200Cها را می\u200Cخواهم. क्\u200Dष Erdbeer\u00ADmarmelade co\u00ADoperate";
        assertEquals(List.of("کتاب\u200Cها", "را", "می\u200Cخواهم", ".", "क्\u200Dष", "Erdbeer\u00ADmarmelade", "co\u00ADoperate"),
                texts(tokens(text, Map.of())));
    }

    @Test
    void aZeroWidthSpaceOrAFormatCharacterAtAWordsEdgeStillSeparates() {
        assertEquals(List.of("a", "b", "c", "d", "好"), texts(tokens("a\u200Bb\uFEFFc\u200C d\u200C好", Map.of())));
    }

    @Test
    void regionalIndicatorsPairFromTheStartOfEachRun() {
        String cn = "🇨🇳", us = "🇺🇸", lone = "🇺";
        assertEquals(List.of(cn, lone), texts(tokens(cn + lone, Map.of())));
        assertEquals(List.of(cn, us, lone, "a", cn, lone), texts(tokens(cn + us + lone + "a" + cn + lone, Map.of())));
        assertEquals(List.of(lone + "\uFE0F", cn), texts(tokens(lone + "\uFE0F" + cn, Map.of())), "a variation selector ends a run");
        String many = cn.repeat(5_000) + lone;
        List<String> flags = texts(tokens(many, Map.of()));
        assertEquals(5_001, flags.size());
        assertEquals(lone, flags.get(5_000));
        assertEquals(many.length(), RegexTokenizer.clusterEnd(many, many.length() - 2));
        assertEquals(4, RegexTokenizer.clusterEnd(many, 0));
    }

    @Test
    void everyOffsetPointsAtTheTokenText() {
        String text = "  混合Text２０２４年\t𠀀字 emoji🏀 full-width ＡＢＣ、繁體中文。\u0001\u200b end ";
        for (Token t : tokens(text, Map.of())) {
            assertEquals(t.text(), text.substring(t.start(), t.end()), t.toString());
        }
        assertTrue(texts(tokens(text, Map.of())).contains("𠀀"), "a supplementary-plane Han character is one token");
    }

    @Test
    void punctuationCanBeDroppedAndTextLowercased() {
        assertEquals(List.of("hello", "world"), texts(tokens("Hello, World!", Map.of("punctuation", false, "lowercase", true))));
    }

    @Test
    void aCustomPatternDefinesTokens() {
        List<Token> t = tokens("a1 bb22 ccc", Map.of("pattern", "[a-z]+"));
        assertEquals(List.of("a", "bb", "ccc"), texts(t));
        assertEquals(3, t.get(1).start());
        ConfigException e = assertThrows(ConfigException.class, () -> tokens("x", Map.of("pattern", "(")));
        assertTrue(e.problem().contains("invalid regex"), e.problem());
    }

    @Test
    void degenerateInputs() {
        assertEquals(List.of(), tokens("", Map.of()));
        assertEquals(List.of(), tokens(" \t\n\u3000 ", Map.of()));
        assertEquals(List.of(), tokens("\u0000\u0007\u001f", Map.of()));
        assertEquals(List.of("\uD800"), texts(tokens("\uD800", Map.of())), "a lone surrogate is kept, not crashed on");
        String big = "长文本 long text ".repeat(80_000);
        List<Token> many = tokens(big, Map.of());
        assertEquals(80_000 * 5, many.size());
        assertEquals("text", many.get(many.size() - 1).text());
    }
}
