package dev.nlpipe.core.segment.hanlp;

import static dev.nlpipe.core.testing.TokenChecks.run;
import static dev.nlpipe.core.testing.TokenChecks.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.testing.TokenChecks;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HanlpStageTest {
    static final String NETSPEAK = "攻城狮逆袭单身狗，迎娶白富美";

    @TempDir
    Path dir;

    private Path dictionary(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static Pipeline hanlp(Map<String, ?> options) {
        return Pipeline.builder().add("segment.hanlp", options).build();
    }

    private static List<String> words(Pipeline p, String text) {
        return texts(p.process(new Document("d", text)).get(0));
    }

    @Test
    void forcingWithoutAnyDictionaryLeavesTheBuiltInDictionaryOff() {
        String text = "截至3月31日，攻城狮在云计算公司上班";
        try (Pipeline off = hanlp(Map.of("builtinDictionary", false));
             Pipeline offForcing = hanlp(Map.of("builtinDictionary", false, "forcing", true))) {
            assertEquals(words(off, text), words(offForcing, text));
        }
    }

    @Test
    void aGbkDictionaryAndADirectoryAreNamedWithTheirFix() throws IOException {
        Path gbk = Files.write(dir.resolve("gbk.txt"), "攻城狮\n".getBytes(Charset.forName("GBK")));
        ConfigException e = assertThrows(ConfigException.class, () -> hanlp(Map.of("userDictionaries", List.of(gbk.toString()))));
        assertTrue(e.getMessage().contains("iconv -f GBK -t UTF-8 gbk.txt"), e.getMessage());
        Path folder = Files.createDirectories(dir.resolve("dicts"));
        e = assertThrows(ConfigException.class, () -> hanlp(Map.of("userDictionaries", List.of(folder.toString()))));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void aJiebaEntryWithATagAndNoFrequencyLoads() throws IOException {
        Path d = dictionary("jieba.txt", "创新办 i", "云计算 5 n");
        try (Pipeline p = hanlp(Map.of("userDictionaries", List.of(d.toString()), "pos", true))) {
            Document doc = p.process(new Document("d", "李小福是创新办主任")).get(0);
            assertTrue(texts(doc).contains("创新办"), texts(doc).toString());
        }
    }

    @Test
    void aLatinWordStartingWithAnAccentedLetterKeepsALetterTag() {
        try (Pipeline p = hanlp(Map.of("pos", true))) {
            Document d = p.process(new Document("d", "我在école学习")).get(0);
            Token ecole = d.tokens().stream().filter(t -> t.text().equals("école")).findFirst().orElseThrow();
            assertFalse("w".equals(ecole.pos()), "école is a word, not punctuation: " + ecole);
        }
    }

    @Test
    void noTokenHoldsASpaceOrALineBreak() {
        // HanLP puts characters no dictionary word starts with into one term by character class: spaces and line breaks
        // share one with kana and Cyrillic, U+3000 one with 「」
        Map<String, List<String>> cases = Map.of(
                "「你好」\u3000「再见」", List.of("「", "你好", "」", "「", "再见", "」"),
                "他说ありがとう ございます", List.of("他", "说", "ありがとう", "ございます"),
                "他说Привет\nмир", List.of("他", "说", "Привет", "мир"),
                // accented letters have a character class of their own in HanLP; the word stays whole
                "我喜欢Pokémon和Müller", List.of("我", "喜欢", "Pokémon", "和", "Müller"),
                "Cafe\u0301很好", List.of("Cafe\u0301", "很好"));
        try (Pipeline p = hanlp(Map.of())) {
            cases.forEach((text, expected) -> {
                Document d = p.process(new Document("d", text)).get(0);
                for (Token t : d.tokens()) {
                    assertFalse(text.substring(t.start(), t.end()).chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)),
                            text + ": " + t);
                }
                assertEquals(expected, texts(d), text);
            });
        }
    }

    @Test
    void segmentsChineseWithOffsetsIntoTheOriginalText() {
        Document d = run("segment.hanlp", Map.of(), "商品和服务，iPhone 12售价5999元。");
        assertEquals(List.of("商品", "和", "服务", "，", "iPhone", "12", "售价", "5999", "元", "。"), texts(d));
        Token iphone = d.tokens().get(4);
        assertEquals(6, iphone.start());
        assertEquals(12, iphone.end());
        assertNull(iphone.pos(), "no part of speech unless asked for");
    }

    @Test
    void userDictionariesStayInTheirOwnPipeline() throws IOException {
        Path words = dictionary("netspeak.txt", "攻城狮", "单身狗 n 100");
        try (Pipeline withWords = hanlp(Map.of("userDictionaries", List.of(words.toString())));
             Pipeline plain = hanlp(Map.of());
             Pipeline withWordsAndBuiltin = hanlp(Map.of("userDictionaries", List.of(words.toString()), "builtinDictionary", true))) {
            assertEquals(List.of("攻城狮", "逆袭", "单身狗", "，", "迎娶", "白富美"), words(withWords, NETSPEAK));
            assertEquals(List.of("攻城", "狮", "逆袭", "单身", "狗", "，", "迎娶", "白富美"), words(plain, NETSPEAK));
            assertEquals(List.of("攻城狮", "逆袭", "单身狗", "，", "迎娶", "白富美"), words(withWordsAndBuiltin, NETSPEAK));
            // built after the others, a plain pipeline still does not see their words
            try (Pipeline later = hanlp(Map.of())) {
                assertEquals(List.of("攻城", "狮", "逆袭", "单身", "狗", "，", "迎娶", "白富美"), words(later, NETSPEAK));
            }
        }
        assertFalse(CustomDictionary.contains("攻城狮"), "HanLP's global custom dictionary is untouched");
    }

    @Test
    void aUserEntryOverridesABuiltinWordOnlyInItsPipeline() throws IOException {
        Path words = dictionary("override.txt", "白富美 nz 7");
        String before = String.valueOf(CustomDictionary.get("白富美"));
        try (Pipeline mine = hanlp(Map.of("userDictionaries", List.of(words.toString()), "pos", true));
             Pipeline plain = hanlp(Map.of("pos", true))) {
            assertEquals("nz", mine.process(new Document("d", NETSPEAK)).get(0).tokens().get(7).pos());
            assertEquals("nr", plain.process(new Document("d", NETSPEAK)).get(0).tokens().get(7).pos());
        }
        assertEquals(before, String.valueOf(CustomDictionary.get("白富美")));
    }

    @Test
    void twoPipelinesWithDifferentDictionariesRunConcurrently() throws Exception {
        Path a = dictionary("a.txt", "攻城狮");
        Path b = dictionary("b.txt", "单身狗");
        try (Pipeline pa = hanlp(Map.of("userDictionaries", List.of(a.toString())));
             Pipeline pb = hanlp(Map.of("userDictionaries", List.of(b.toString())))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<String>>> fa = pool.invokeAll(java.util.Collections.nCopies(50, () -> words(pa, NETSPEAK)));
                List<Future<List<String>>> fb = pool.invokeAll(java.util.Collections.nCopies(50, () -> words(pb, NETSPEAK)));
                for (Future<List<String>> f : fa) {
                    assertEquals(List.of("攻城狮", "逆袭", "单身", "狗", "，", "迎娶", "白富美"), f.get());
                }
                for (Future<List<String>> f : fb) {
                    assertEquals(List.of("攻城", "狮", "逆袭", "单身狗", "，", "迎娶", "白富美"), f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void forcingPutsUserWordsIntoTheLattice() throws IOException {
        Path words = dictionary("force.txt", "与其说");
        String text = "与其说是党发现的";
        try (Pipeline lenient = hanlp(Map.of("userDictionaries", List.of(words.toString())));
             Pipeline forced = hanlp(Map.of("userDictionaries", List.of(words.toString()), "forcing", true))) {
            assertEquals(List.of("与其", "说是", "党", "发现", "的"), words(lenient, text));
            assertEquals(List.of("与其说", "是", "党", "发现", "的"), words(forced, text));
        }
    }

    @Test
    void partOfSpeechTagsComeFromHanlp() {
        Document d = run("segment.hanlp", Map.of("pos", true), "我爱北京天安门");
        assertEquals(List.of("我", "爱", "北京", "天安门"), texts(d));
        assertEquals(List.of("rr", "v", "ns", "ns"), d.tokens().stream().map(Token::pos).toList());
    }

    @Test
    void entitiesArePersonPlaceAndOrganizationSpans() {
        String text = "张三在上海林原科技有限公司工作，江泽民访问了北京。";
        Document d = run("segment.hanlp", Map.of("entities", true), text);
        assertEquals(List.of(
                new Entity("PER", 0, 2, "张三", Double.NaN),
                new Entity("ORG", 3, 13, "上海林原科技有限公司", Double.NaN),
                new Entity("PER", 16, 19, "江泽民", Double.NaN),
                new Entity("LOC", 22, 24, "北京", Double.NaN)), d.entities());
        for (Entity e : d.entities()) {
            assertEquals(text.substring(e.start(), e.end()), e.text());
        }
        assertNull(run("segment.hanlp", Map.of(), text).entities(), "no entity layer unless asked for");
        assertEquals(List.of(), run("segment.hanlp", Map.of("entities", true), "今天天气很好。").entities());
    }

    @Test
    void pkuConventionsSplitNamesAndJoinDates() {
        Document d = run("segment.hanlp", Map.of("conventions", "pku", "entities", true), "江泽民在2001年12月31日发表讲话，已有20年。");
        assertEquals(List.of("江", "泽民", "在", "2001年", "12月", "31日", "发表", "讲话", "，", "已有", "20", "年", "。"), texts(d));
        assertEquals(new Entity("PER", 0, 3, "江泽民", Double.NaN), d.entities().get(0), "the entity spans the whole name");
    }

    @Test
    void everyAlgorithmSegments() {
        for (String algorithm : List.of("viterbi", "dijkstra", "nshort")) {
            Document d = run("segment.hanlp", Map.of("algorithm", algorithm), "他说的确实在理");
            assertTrue(d.tokens().size() >= 3, algorithm + ": " + texts(d));
            assertEquals("他说的确实在理", String.join("", texts(d)), algorithm);
        }
    }

    @Test
    void aMissingUserDictionarySaysWhichFileAndWhere() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> hanlp(Map.of("userDictionaries", List.of("no/such/dict.txt"))));
        assertTrue(e.getMessage().contains("user dictionary not found: no/such/dict.txt"), e.getMessage());
    }

    @Test
    void aMalformedEntryNamesTheFileAndLine() throws IOException {
        Path bad = dictionary("bad.txt", "好词", "坏词 n many");
        ConfigException e = assertThrows(ConfigException.class, () -> hanlp(Map.of("userDictionaries", List.of(bad.toString()))));
        assertTrue(e.getMessage().startsWith(bad + ":2:1: "), e.getMessage());
        assertTrue(e.getMessage().contains("frequency 1 (field 3)"), e.getMessage());
        // "word nature" alone is jieba's word and tag (it loads, below); a nature without a frequency after one is not
        Path odd = dictionary("odd.txt", "词 n 5 v");
        e = assertThrows(ConfigException.class, () -> hanlp(Map.of("userDictionaries", List.of(odd.toString()))));
        assertTrue(e.getMessage().startsWith(odd + ":1:1: "), e.getMessage());
    }

    @Test
    void jiebaEntriesLoadAndAWordWithASpaceIsRefused() throws IOException {
        Path jieba = dictionary("jieba.txt", "攻城狮 5", "单身狗 3 vn");
        UserDictionary d = new UserDictionary().read(jieba);
        assertTrue(d.contains("攻城狮") && d.contains("单身狗"));
        // the prefix test that lets the search for user words stop early
        assertTrue(d.startsAWord("攻") && d.startsAWord("攻城狮") && !d.startsAWord("攻城狮子") && !d.startsAWord("城"));
        try (Pipeline p = hanlp(Map.of("userDictionaries", List.of(jieba.toString()), "pos", true))) {
            List<Token> tokens = p.process(new Document("d", NETSPEAK)).get(0).tokens();
            assertEquals("攻城狮", tokens.get(0).text());
            assertEquals("nz", tokens.get(0).pos(), "jieba's word freq without a tag is nz");
        }
        Path spaced = dictionary("spaced.txt", "Apple iPhone 15");
        ConfigException e = assertThrows(ConfigException.class, () -> new UserDictionary().read(spaced));
        assertTrue(e.getMessage().startsWith(spaced + ":1:1: ") && e.getMessage().contains("cannot contain a space"), e.getMessage());
        // a comment line is no word; a tag of one's own on a Chinese word still loads
        Path commented = dictionary("commented.txt", "# products", "# 中文注释", "#话题# nz 3", "单身狗 pet 3", "iPhone brand 100");
        UserDictionary c = new UserDictionary().read(commented);
        assertTrue(c.contains("#话题#") && c.contains("单身狗") && c.contains("iPhone") && !c.contains("#"), "three entries: " + c.size());
        assertEquals(3, c.size(), "a tag of one's own loads, on an English word too");
    }

    @Test
    void traditionalEntriesMatchBehindTheChineseNormalizer() throws IOException {
        Path dict = dictionary("trad.txt", "攻城獅", "單身狗");
        try (Pipeline p = Pipeline.builder().add("normalize.chinese")
                .add("segment.hanlp", Map.of("userDictionaries", List.of(dict.toString()))).build()) {
            String text = "他是攻城獅也是單身狗";
            List<Token> tokens = p.process(new Document("d", text)).get(0).tokens();
            List<String> originals = tokens.stream().map(t -> text.substring(t.start(), t.end())).toList();
            assertTrue(originals.containsAll(List.of("攻城獅", "單身狗")), originals.toString());
        }
    }

    @Test
    void aFileThatIsNoDictionaryIsNotQuoted() throws IOException {
        Path passwd = dictionary("passwd", "root:x:0:0:root secret-home /bin/bash");
        ConfigException e = assertThrows(ConfigException.class, () -> hanlp(Map.of("userDictionaries", List.of(passwd.toString()))));
        assertTrue(e.getMessage().startsWith(passwd + ":1:1: "), e.getMessage());
        assertFalse(e.getMessage().contains("root") || e.getMessage().contains("secret-home"), e.getMessage());
    }

    @Test
    void readsBomAndTabSeparatedEntriesAndLaterFilesWin() throws IOException {
        Path first = dictionary("first.txt", "\uFEFF攻城狮\tn\t5", "", "   ");
        Path second = dictionary("second.txt", "攻城狮 vn 9");
        UserDictionary d = new UserDictionary().read(first).read(second);
        assertEquals(1, d.size());
        try (Pipeline p = hanlp(Map.of("userDictionaries", List.of(first.toString(), second.toString()), "pos", true))) {
            assertEquals("vn", p.process(new Document("d", NETSPEAK)).get(0).tokens().get(0).pos());
        }
    }

    @Test
    void aByteOrderMarkInsideTheFileAndWideOrNoBreakSpacesReadAsInTheFirstLine() throws IOException {
        // two files joined by cat, an IME's ideographic spaces, a no-break space, a zero-width space in a word
        Path joined = dictionary("joined.txt", "\uFEFF攻城狮 n 5", "\uFEFF单身狗 n 5", "码农\u3000n\u3000100", "白富美\u00A0nz\u00A01", "迎\u200B娶 v 10");
        UserDictionary d = new UserDictionary().read(joined);
        assertEquals(5, d.size());
        assertTrue(d.contains("单身狗") && d.contains("码农") && d.contains("白富美") && d.contains("迎娶"), "read without the invisible characters");
        try (Pipeline p = hanlp(Map.of("userDictionaries", List.of(joined.toString()), "builtinDictionary", false))) {
            assertTrue(words(p, "码农逆袭单身狗").containsAll(List.of("码农", "单身狗")), words(p, "码农逆袭单身狗").toString());
        }
    }

    @Test
    void aWordWithAWideSpaceIsRefusedAsOneWithASpaceIs() throws IOException {
        Path spaced = dictionary("wide.txt", "Apple\u3000iPhone\u3000" + "15");
        ConfigException e = assertThrows(ConfigException.class, () -> new UserDictionary().read(spaced));
        assertTrue(e.getMessage().startsWith(spaced + ":1:1: "), e.getMessage());
    }
}
