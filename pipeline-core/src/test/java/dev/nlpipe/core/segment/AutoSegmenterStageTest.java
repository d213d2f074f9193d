package dev.nlpipe.core.segment;

import static dev.nlpipe.core.testing.TokenChecks.run;
import static dev.nlpipe.core.testing.TokenChecks.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.testing.TokenChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoSegmenterStageTest {

    private static Document doc(String text, String lang) {
        return new Document("d", text).setLang(lang);
    }

    @Test
    void chineseDocumentsAreSegmentedIntoWords() {
        assertEquals(List.of("我", "爱", "北京", "天安门"), texts(run("segment", Map.of(), doc("我爱北京天安门", "zh"))));
        assertEquals(List.of("我", "爱", "北京", "天安门"), texts(run("segment", Map.of(), doc("我爱北京天安门", null))));
        assertEquals(List.of("我", "爱", "北京", "天安门"), texts(run("segment", Map.of(), doc("我爱北京天安门", "zh-CN"))));
    }

    @Test
    void otherDocumentsGoToLuceneStandard() {
        Document d = run("segment", Map.of("punctuation", "drop"), doc("Don't split e-mail, U.S.A. or 3.14!", null));
        assertEquals(List.of("Don't", "split", "e", "mail", "U.S.A", "or", "3.14"), texts(d));
    }

    @Test
    void englishPunctuationIsKeptAsChinesePunctuationIs() {
        Document d = run("segment", Map.of(), doc("Don't split e-mail, U.S.A. or 3.14!", null));
        assertEquals(List.of("Don't", "split", "e", "-", "mail", ",", "U.S.A", ".", "or", "3.14", "!"), texts(d));
        assertTrue(texts(run("segment", Map.of(), doc("我爱北京。", null))).contains("。"));
    }

    @Test
    void differentMarksHanLpLeavesTogetherAreTokensOfTheirOwnAndARepeatedMarkStaysOne() {
        List<String> words = texts(run("segment", Map.of(), doc("这个问题(很重要)!他说:\"你好!\"真的……", null)));
        assertTrue(words.containsAll(List.of(")", "!", ":", "\"")), words.toString());
        assertFalse(words.contains(")!") || words.contains(":\"") || words.contains("!\""), words.toString());
        assertTrue(words.contains("……"), "the ellipsis is one word, as PKU writes it: " + words);
    }

    @Test
    void punctuationDropRemovesMarksInEveryLanguage() {
        assertEquals(List.of("我", "爱", "北京"), texts(run("segment", Map.of("punctuation", "drop"), doc("我爱北京。", null))));
        assertEquals(List.of("Hi", "there"), texts(run("segment", Map.of("punctuation", "drop"), doc("Hi, there!", null))));
    }

    @Test
    void chineseRunsInsideOtherTextAreSegmentedAsWords() {
        List<String> words = texts(run("segment", Map.of(), doc("The conference in 上海 opens on Monday.", null)));
        assertTrue(words.contains("上海"), words.toString());
        assertEquals(List.of("我", "爱", "北京"), texts(run("segment", Map.of(), doc("我爱北京", "en"))));
    }

    @Test
    void marksSplitOffAWordBehindANormalizerCarryTheNormalizedForm() {
        Document d = run("segment", Map.of(), run("normalize.chinese", Map.of(), doc("ＣＯＶＩＤ－１９疫情和ｉＰｈｏｎｅ％的人", null)));
        List<String> words = texts(d);
        assertTrue(words.containsAll(List.of("COVID", "-", "%")), words.toString());
        assertFalse(words.contains("－") || words.contains("％"), words.toString());
        for (Token t : d.tokens()) {
            assertEquals(t.text().length(), t.end() - t.start(), "full-width to half-width keeps the length: " + t);
        }
    }

    @Test
    void userDictionaryWordsWithMarksAtTheirEdgesStayWhole(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path dict = java.nio.file.Files.writeString(dir.resolve("langs.txt"), "C++ nz 10\nC# nz 10\n.NET nz 10\n");
        List<String> words = texts(run("segment", Map.of("userDictionaries", List.of(dict.toString())), doc("我会写C++和C#代码，也会.NET", null)));
        assertTrue(words.containsAll(List.of("C++", "C#", ".NET")), words.toString());
        List<String> without = texts(run("segment", Map.of(), doc("我会写COVID-19疫苗", null)));
        assertTrue(without.contains("COVID") && without.contains("-"), "other words still lose their edge marks: " + without);
    }

    @Test
    void anEmojiIsOneWordAndInvisibleCharactersNone() {
        String flag = "\uD83C\uDDE8\uD83C\uDDF3";
        String thumb = "\uD83D\uDC4D\uD83C\uDFFD";
        String keycap = "1\uFE0F\u20E3";
        String heart = "\u2764\uFE0F";
        List<String> words = texts(run("segment", Map.of(), doc("我们" + flag + "国旗" + thumb + "好的" + keycap + "号" + heart + "爱心", null)));
        assertTrue(words.containsAll(List.of(flag, thumb, keycap, heart)), words.toString());
        for (String stage : List.of("segment", "segment.hanlp")) {
            // a joiner between Chinese characters (to dodge keyword filters) glues nothing to the word before it
            assertTrue(texts(run(stage, Map.of(), doc("小明\u200D喜欢北京", null))).contains("小明"), stage);
        }
        for (String stage : List.of("segment", "segment.hanlp", "tokenize.regex")) {
            List<String> tokens = texts(run(stage, Map.of(), doc("中文\u200E测试\u200F结束，你好\u00AD世界", null)));
            assertTrue(tokens.stream().noneMatch(w -> w.matches("[\u200E\u200F\u00AD]+")), stage + ": " + tokens);
        }
    }

    @Test
    void offsetsOfChineseRunsPointAtTheOriginalAfterNormalization() {
        Document d = run("normalize.text", Map.of(), doc("ＡＢＣ in 上海 now", null));
        d = run("segment", Map.of(), d);
        for (Token t : d.tokens()) {
            assertEquals(java.text.Normalizer.normalize(d.text().substring(t.start(), t.end()), java.text.Normalizer.Form.NFKC), t.text());
        }
        assertTrue(texts(d).contains("上海"), texts(d).toString());
    }

    @Test
    void aDocumentSegmentedAsChineseGetsItsLanguage() {
        assertEquals("zh", run("segment", Map.of(), doc("我爱北京天安门", null)).lang());
        assertEquals("zh-TW", run("segment", Map.of(), doc("我愛北京", "zh-TW")).lang());
    }

    @Test
    void englishRunningTextGetsItsLanguageAndOtherTextNone() {
        assertEquals("en", run("segment", Map.of(), doc("The conference in Shanghai was moved to the spring.", null)).lang());
        assertEquals("en", run("segment", Map.of(), doc("The conference in 上海 was moved to the spring of 2027.", null)).lang());
        assertEquals(null, run("segment", Map.of(), doc("La conférence de Shanghai a été déplacée au printemps.", null)).lang());
        assertEquals(null, run("segment", Map.of(), doc("Apple iPhone 15 Pro", null)).lang(), "too short to tell");
        assertEquals("fr", run("segment", Map.of(), doc("The weather is fine in the city.", "fr")).lang(), "a given language stays");
    }

    @Test
    void mixedChineseKeepsEnglishWordsAndNumbersWhole() {
        Document d = run("segment", Map.of(), doc("我用iPhone看NBA总决赛，票价1999.5元", null));
        List<String> words = texts(d);
        assertTrue(words.containsAll(List.of("iPhone", "NBA", "1999.5", "总决赛")), words.toString());
    }

    @Test
    void theHanShareDecidesWithoutALanguage() {
        assertEquals(1.0, Scripts.hanShare("2001年，中国"));
        assertEquals(2.0 / 3, Scripts.hanShare("NBA球星"), 1e-9);
        assertEquals(0.5, Scripts.hanShare("I love 北京"), 1e-9);
        assertEquals(0.0, Scripts.hanShare("12345 !!"));
        List<String> mostlyEnglish = texts(run("segment", Map.of(), doc("The word 北京 means northern capital", null)));
        assertTrue(mostlyEnglish.contains("北京") && mostlyEnglish.contains("capital"), mostlyEnglish.toString());
        List<String> threshold = texts(run("segment", Map.of("hanShare", 0.1), doc("The word 北京 means northern capital", null)));
        assertTrue(threshold.contains("北京"), threshold.toString());
    }

    @Test
    void aMarkAtTheEdgeOfALatinWordInChineseIsATokenOfItsOwn() {
        List<String> words = texts(run("segment", Map.of(), doc("COVID-19疫情在美国", "zh")));
        assertTrue(words.containsAll(List.of("COVID", "-", "19")) && !words.contains("COVID-"), words.toString());
        List<String> dropped = texts(run("segment", Map.of("punctuation", "drop"), doc("COVID-19疫情在美国", "zh")));
        assertTrue(dropped.contains("COVID") && !dropped.contains("-"), dropped.toString());
        List<String> numbers = texts(run("segment", Map.of(), doc("增长了3.5%，达到25％", "zh")));
        assertTrue(numbers.contains("3.5") || numbers.contains("3.5%"), "a number keeps its decimal point: " + numbers);
    }

    @Test
    void hanRunsInsideEnglishGiveEntitiesAndFollowThePkuConventions() {
        String text = "The president met 普京 in 北京 on Monday";
        Document d = run("segment", Map.of("entities", true), doc(text, null));
        assertTrue(d.entities().stream().anyMatch(e -> e.type().equals("LOC") && e.text().equals("北京")), d.entities().toString());
        List<String> pku = texts(run("segment", Map.of("conventions", "pku"), doc("The leader 江泽民 visited", null)));
        assertTrue(pku.containsAll(List.of("江", "泽民")), pku.toString());
    }

    @Test
    void japaneseIsNotTakenForChineseWithoutALanguage() {
        Document japanese = run("segment", Map.of(), doc("東京は日本の首都です。", null));
        assertNull(japanese.lang(), "a wrong language is worse than none");
        assertTrue(texts(japanese).contains("は"), texts(japanese).toString());
        assertTrue(Scripts.looksJapanese("今日は良い天気ですね"));
        assertFalse(Scripts.looksJapanese("我の家在北京市海淀区中关村大街"), "Chinese borrowing a の is still Chinese");
        assertEquals("zh", run("segment", Map.of(), doc("我の家在北京市海淀区中关村大街", null)).lang());
    }

    @Test
    void lowercaseAppliesToBothBackends() {
        assertEquals(List.of("我", "用", "iphone"), texts(run("segment", Map.of("lowercase", true), doc("我用iPhone", "zh"))));
        assertEquals(List.of("hello", "world"), texts(run("segment", Map.of("lowercase", true), doc("Hello World", "en"))));
    }

    @Test
    void hanlpOptionsApplyToChineseDocuments() {
        Document d = run("segment", Map.of("pos", true, "entities", true), doc("张三在北京", null));
        assertEquals("nr", d.tokens().get(0).pos());
        assertEquals("PER", d.entities().get(0).type());
        Document en = run("segment", Map.of("entities", true), doc("John lives in Paris", null));
        assertEquals(List.of(), en.entities(), "the entity layer exists, empty, for documents Lucene tokenized");
    }

    @Test
    void aHanShareOutsideZeroToOneIsAConfigurationError() {
        assertThrows(ConfigException.class, () -> run("segment", Map.of("hanShare", 1.5), "x"));
    }

    @Test
    void everyVisibleCharacterOfANonChineseDocumentIsInAToken() {
        // letters, digits and symbols newer than Lucene's Unicode tables, which its tokenizer skips
        int[][] ranges = {{0x3006, 0x3006}, {0x4DB6, 0x4DBF}, {0x9FF0, 0x9FFF}, {0xA7C0, 0xA7F6}, {0x0870, 0x08C9}, {0xFF9E, 0xFF9F}};
        for (int[] range : ranges) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                int type = Character.getType(cp);
                if (type == Character.UNASSIGNED || type == Character.FORMAT || Character.isSpaceChar(cp)) {
                    continue;
                }
                String c = Character.toString(cp);
                for (String text : List.of("The new glyph " + c + " is in the text", "ab" + c + "cd " + c + c)) {
                    Document d = run("segment", Map.of(), doc(text, "en"));
                    for (int at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) {
                        int k = at;
                        assertTrue(d.tokens().stream().anyMatch(t -> t.start() <= k && t.end() > k),
                                String.format("U+%04X at %d of %s: %s", cp, k, text, texts(d)));
                    }
                }
            }
        }
    }

    @Test
    void anIdeographNewerThanLucenesTablesJoinsItsHanRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        // HanLP sees 上海\u9FF0\u9FF1 as one run, so the dictionary word is found
        java.nio.file.Path dict = java.nio.file.Files.writeString(dir.resolve("new.txt"), "上海\u9FF0\u9FF1 nz 1000\n");
        Document d = run("segment", Map.of("userDictionaries", List.of(dict.toString())), doc("The glyph 上海\u9FF0\u9FF1 is new", "en"));
        assertTrue(texts(d).contains("上海\u9FF0\u9FF1"), texts(d).toString());
    }

    @Test
    void aLetterLucenesTablesLackStaysWithPunctuationDrop() {
        assertEquals(List.of("I", "\u3006", "the"), texts(run("segment", Map.of("punctuation", "drop"), doc("I \u3006 the", "en"))));
    }

    @Test
    void aRepeatedMarkInOtherTextIsOneTokenAsInChinese() {
        assertEquals(List.of("Wait", "...", "what", "?", "!", "--", "yes", "!!!"),
                texts(run("segment", Map.of(), doc("Wait... what?! -- yes!!!", "en"))));
        // a long run stays one token, built in time linear in its length (each mark rescanned the run before)
        assertEquals(List.of("end", "=".repeat(200_000)), texts(run("segment", Map.of(), doc("end " + "=".repeat(200_000), "en"))));
    }

    @Test
    void userWordsInOtherTextStayWholeAsInChinese(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path dict = java.nio.file.Files.writeString(dir.resolve("tech.txt"), "C++ nz 10\nC# nz 10\n.NET nz 10\n4S店\nU盘\n");
        Map<String, Object> with = Map.of("userDictionaries", List.of(dict.toString()));
        assertEquals(List.of("I", "write", "C++", "and", "C#", "code", "on", ".NET", "every", "day", "."),
                texts(run("segment", with, doc("I write C++ and C# code on .NET every day.", "en"))));
        assertEquals(List.of("We", "went", "to", "the", "4S店", "and", "bought", "a", "U盘", "."),
                texts(run("segment", with, doc("We went to the 4S店 and bought a U盘.", "en"))));
        assertEquals(List.of("C", "+", "+", "and", "C", "#"), texts(run("segment", Map.of(), doc("C+ + and C #", "en"))),
                "without the dictionary, and apart, nothing is joined");
    }
}
