package dev.nlpipe.core.text;

import static dev.nlpipe.core.testing.TokenChecks.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.MissingLayerException;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.testing.TokenChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopWordFilterTest {
    static final String TEXT = "我的猫和The cat of London";

    private static Document run(Map<String, ?> options, String text) {
        try (Pipeline p = Pipeline.builder().add("segment").add("stopwords.remove", options).build()) {
            return p.process(new Document("d", text).setLang("zh")).get(0);
        }
    }

    @Test
    void builtInListsRemoveChineseAndEnglishStopWords() {
        assertEquals(List.of("我", "的", "猫", "和", "The", "cat", "of", "London"), texts(run(Map.of("languages", List.of()), TEXT)));
        assertEquals(List.of("猫", "cat", "London"), texts(run(Map.of(), TEXT)));
        List<String> zh = texts(run(Map.of("languages", List.of("zh")), TEXT));
        assertTrue(zh.containsAll(List.of("猫", "cat", "London")) && !zh.contains("的") && !zh.contains("我"), zh.toString());
    }

    @Test
    void chinesePunctuationIsAStopWordAlsoAfterNormalizeChinese() {
        try (Pipeline p = Pipeline.builder().add("normalize.chinese").add("segment.hanlp").add("stopwords.remove",
                Map.of("mode", "mark", "languages", List.of("zh"))).build()) {
            Document d = p.process(new Document("d", "我们认为，这个问题（很重要）！").setLang("zh")).get(0);
            for (Token t : d.tokens()) {
                if (t.text().matches("[,()!]")) {
                    assertTrue(t.stop(), t + " in " + d.tokens());
                }
            }
            assertTrue(d.tokens().stream().anyMatch(t -> t.text().equals(",")), d.tokens().toString());
        }
    }

    @Test
    void aUserFilesFullWidthAndTraditionalWordsMatchAfterNormalizeChinese(@TempDir Path dir) throws IOException {
        // Chinese stop-word lists are full of full-width punctuation: normalize.chinese makes the text's half-width
        Path file = Files.writeString(dir.resolve("stop-zh.txt"), "，\n（\n）\n測試\n");
        try (Pipeline p = Pipeline.builder().add("normalize.chinese").add("segment").add("stopwords.remove",
                Map.of("mode", "mark", "languages", List.of(), "files", List.of(file.toString()))).build()) {
            Document d = p.process(new Document("d", "測試，（一）").setLang("zh")).get(0);
            List<String> stop = d.tokens().stream().filter(Token::stop).map(Token::text).toList();
            assertTrue(stop.containsAll(List.of("测试", ",", "(", ")")), d.tokens().toString());
        }
    }

    @Test
    void hanlpsListIsNotMatchedByAnAcronymInCapitals() {
        List<String> zh = texts(run(Map.of("languages", List.of("zh")), "WHO和IT部门在US开会 who it Us"));
        assertTrue(zh.containsAll(List.of("WHO", "IT", "US")), zh.toString());
        assertFalse(zh.contains("who") || zh.contains("it") || zh.contains("Us"), zh.toString());
    }

    @Test
    void markModeKeepsTokensAndFlagsThem() {
        Document d = run(Map.of("mode", "mark"), TEXT);
        assertEquals(8, d.tokens().size());
        assertEquals(List.of(true, true, false, true, true, false, true, false), d.tokens().stream().map(Token::stop).toList());
    }

    @Test
    void userFilesAndCase(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("stop.txt"), "\uFEFF# my list\n猫\n  london \n\n");
        assertEquals(List.of("我", "的", "和", "The", "cat", "of"),
                texts(run(Map.of("languages", List.of(), "files", List.of(file.toString())), TEXT)));
        assertEquals(List.of("我", "的", "和", "The", "cat", "of", "London"),
                texts(run(Map.of("languages", List.of(), "files", List.of(file.toString()), "ignoreCase", false), TEXT)));
    }

    @Test
    void aByteOrderMarkInsideAJoinedFileAndWideSpacesAreNoPartOfAWord(@TempDir Path dir) throws IOException {
        // cat of two files that each start with a byte-order mark; a no-break space, an ideographic space, a zero-width space
        Path file = Files.writeString(dir.resolve("joined.txt"), "\uFEFF猫\n\uFEFFlondon\n\u3000cat\u00A0\no\u200Bf\n");
        assertEquals(List.of("cat", "london", "of", "猫"), StopWords.read(file).stream().sorted().toList());
        // a zero-width non-joiner is part of a Persian word, and tokens keep it: the stop word must too
        Path persian = Files.writeString(dir.resolve("fa.txt"), "\uFEFFمی\u200Cشود\n");
        assertEquals(List.of("می\u200Cشود"), List.copyOf(StopWords.read(persian)));
        assertEquals(List.of("我", "的", "和", "The"), texts(run(Map.of("languages", List.of(), "files", List.of(file.toString())), TEXT)));
    }

    @Test
    void errorsNameTheProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> run(Map.of("languages", List.of("fr")), TEXT));
        assertTrue(e.getMessage().contains("no built-in stop words for 'fr'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> run(Map.of("files", List.of("missing-stop.txt")), TEXT));
        assertTrue(e.getMessage().contains("stop-word file not found: missing-stop.txt"), e.getMessage());
        try (Pipeline p = Pipeline.builder().add("stopwords.remove").build()) {
            assertThrows(MissingLayerException.class, () -> p.process(new Document("d", "x")));
        }
    }

    @Test
    void theListsArePublicAndReadOnly() {
        assertTrue(StopWords.chinese().contains("的"));
        assertTrue(StopWords.english().contains("the"));
        assertFalse(StopWords.english().contains("cat"));
        assertThrows(UnsupportedOperationException.class, () -> StopWords.chinese().add("猫"));
        assertEquals(StopWords.english(), StopWords.builtin("EN"));
    }
}
