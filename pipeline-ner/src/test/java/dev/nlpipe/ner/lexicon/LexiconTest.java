package dev.nlpipe.ner.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.model.ModelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {
    @TempDir
    Path tmp;

    private static LexiconSpec spec(int min, int max, int cap) {
        return new LexiconSpec(List.of("test"), null, "auto", min, max, cap, 0);
    }

    private static Lexicon of(LexiconSpec spec, String... words) {
        return new Lexicon(spec, List.of(words), null, new BitSet(), 0);
    }

    private static String[] chars(String s) {
        return s.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }

    /** Every (start, end) whose units spell a lexicon word, by trying them all. */
    private static List<LexiconMatch> bruteForce(Lexicon lex, String[] units, int min, int max) {
        Map<String, Integer> ids = new HashMap<>();
        for (int id = lex.size(); id >= 1; id--) {
            ids.put(lex.word(id), id);
        }
        List<LexiconMatch> out = new ArrayList<>();
        for (int s = 0; s < units.length; s++) {
            StringBuilder w = new StringBuilder();
            for (int e = s + 1; e <= units.length; e++) {
                w.append(units[e - 1]);
                Integer id = ids.get(w.toString());
                if (id != null && e - s >= min && e - s <= max) {
                    out.add(new LexiconMatch(s, e, id));
                }
            }
        }
        return out;
    }

    @Test
    void matchesEveryOccurrenceLikeBruteForceSubstringSearch() {
        Random rng = new Random(7);
        String alphabet = "中国人民大学生活动";
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StringBuilder w = new StringBuilder();
            int len = 1 + rng.nextInt(5);
            for (int j = 0; j < len; j++) {
                w.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            if (!words.contains(w.toString())) {
                words.add(w.toString());
            }
        }
        for (int[] bounds : new int[][] {{1, 10}, {2, 3}, {2, 10}}) {
            Lexicon lex = of(spec(bounds[0], bounds[1], 0), words.toArray(String[]::new));
            for (int t = 0; t < 200; t++) {
                StringBuilder s = new StringBuilder();
                int len = rng.nextInt(30);
                for (int j = 0; j < len; j++) {
                    s.append(alphabet.charAt(rng.nextInt(alphabet.length())));
                }
                String[] units = chars(s.toString());
                assertEquals(bruteForce(lex, units, bounds[0], bounds[1]), lex.matches(units), s.toString());
            }
        }
    }

    @Test
    void hanlpCoreDictionaryMatchesLikeBruteForce() throws IOException {
        Lexicon lex = Lexicon.build(new LexiconSpec(List.of(LexiconSpec.HANLP), null, "auto", 2, 10, 0, 0), quiet());
        assertTrue(lex.size() > 50_000, "HanLP's core dictionary has tens of thousands of words, read " + lex.size());
        String sentence = "高勇，男，中国国籍，无境外居留权，1966年出生，本科学历，现任北京大学生命科学学院教授。";
        String[] units = chars(sentence);
        List<LexiconMatch> found = lex.matches(units);
        assertEquals(bruteForce(lex, units, 2, 10), found);
        List<String> spelled = found.stream().map(m -> sentence.substring(m.start(), m.end())).toList();
        assertTrue(spelled.containsAll(List.of("中国", "国籍", "出生", "北京", "大学")), spelled.toString());
    }

    @Test
    void hanlpCustomDictionaryAddsItsWordsAfterTheCoreOnes() throws IOException {
        Lexicon core = Lexicon.build(new LexiconSpec(List.of(LexiconSpec.HANLP), null, "auto", 1, 10, 0, 0), quiet());
        Lexicon custom = Lexicon.build(new LexiconSpec(List.of(LexiconSpec.HANLP_CUSTOM), null, "auto", 1, 10, 0, 0), quiet());
        Lexicon both = Lexicon.build(new LexiconSpec(List.of(LexiconSpec.HANLP, LexiconSpec.HANLP_CUSTOM), null, "auto", 1, 10, 0, 0),
                quiet());
        assertTrue(custom.size() > 50_000, "HanLP's custom dictionary has tens of thousands of words, read " + custom.size());
        Set<String> coreWords = new HashSet<>();
        for (int id = 1; id <= core.size(); id++) {
            coreWords.add(core.word(id));
        }
        int added = 0;
        for (int id = 1; id <= custom.size(); id++) {
            String w = custom.word(id);
            // every word read back from the trie is one HanLP itself finds in that dictionary
            assertTrue(CustomDictionary.contains(w), w);
            added += coreWords.contains(w) ? 0 : 1;
        }
        assertTrue(added > 10_000, "the custom dictionary should add words the core one lacks, added " + added);
        assertEquals(core.size() + added, both.size());
        for (int id = 1; id <= core.size(); id++) {
            assertEquals(core.word(id), both.word(id), "the core words keep their ids");
        }
        String sentence = "卡斯特罗访问了新罕布什尔和港交所";
        List<String> onlyCustom = List.of("卡斯特罗", "新罕布什尔", "港交所");
        assertTrue(onlyCustom.stream().noneMatch(coreWords::contains));
        List<String> spelled = both.matches(chars(sentence)).stream().map(m -> sentence.substring(m.start(), m.end())).toList();
        assertTrue(spelled.containsAll(onlyCustom), spelled.toString());
    }

    @Test
    void wordsMustStartAndEndOnUnitBoundaries() {
        Lexicon lex = of(spec(1, 10, 0), "abc", "bc", "c", "ab");
        String[] units = {"ab", "c"};
        assertEquals(List.of(new LexiconMatch(0, 1, 4), new LexiconMatch(0, 2, 1), new LexiconMatch(1, 2, 3)), lex.matches(units));
    }

    @Test
    void theCapKeepsTheLongestWordsStartingAtEachUnit() {
        Lexicon lex = of(spec(2, 10, 2), "北京", "北京大", "北京大学", "大学", "大学生");
        List<LexiconMatch> found = lex.matches(chars("北京大学生"));
        assertEquals(List.of(new LexiconMatch(0, 3, 2), new LexiconMatch(0, 4, 3), new LexiconMatch(2, 4, 4), new LexiconMatch(2, 5, 5)),
                found);
    }

    @Test
    void trainingKeepsMatchedWordsAndWordsWithVectors() throws IOException {
        Path list = tmp.resolve("words.txt");
        Files.writeString(list, "北京 0.5 1\n上海\n广州 2 3\n深圳\n北京 9 9\n\n", StandardCharsets.UTF_8);
        Lexicon lex = Lexicon.build(new LexiconSpec(List.of(list.toString()), null, "auto", 2, 4, 0, 0), quiet());
        assertEquals(4, lex.size());
        assertEquals(2, lex.dim());
        assertEquals(2, lex.vectorCount());
        Lexicon kept = lex.forTraining(List.<String[]>of(chars("我在深圳工作")));
        assertEquals(List.of("北京", "广州", "深圳"), List.of(kept.word(1), kept.word(2), kept.word(3)));
        assertEquals(3, kept.size());
        float[] v = kept.vectors();
        assertEquals(0.5f, v[2]);
        assertEquals(1f, v[3]);
        assertEquals(2f, v[4]);
        assertEquals(0f, v[6]);
        assertEquals(List.of(new LexiconMatch(2, 4, 3)), kept.matches(chars("我在深圳工作")));
    }

    @Test
    void unseenWordsShareTheUnknownRowAndWordsMatchedOnceMayBeReadAsIt() throws IOException {
        Lexicon lex = of(new LexiconSpec(List.of("test"), null, "auto", 2, 4, 0, 0.3), "北京", "上海", "深圳", "广州", "工作");
        Lexicon kept = lex.forTraining(List.of(chars("我在深圳工作"), chars("他在深圳")));
        assertEquals(List.of("深圳", "工作", "北京", "上海", "广州"), List.of(kept.word(1), kept.word(2), kept.word(3), kept.word(4),
                kept.word(5)));
        assertEquals(2, kept.trained());
        assertEquals(4, kept.rows());
        assertEquals(3, kept.unknownRow());
        assertEquals(List.of(1, 2, 3, 3, 3), List.of(kept.row(1), kept.row(2), kept.row(3), kept.row(4), kept.row(5)));
        assertEquals(List.of(new LexiconMatch(0, 2, 3)), kept.matches(chars("北京")));
        // 深圳 matched twice is never replaced; 工作 matched once is, with the configured chance
        float[] chance = kept.unknownChances();
        assertEquals(4, chance.length);
        assertEquals(0f, chance[1]);
        assertEquals(0.3f, chance[2]);
        assertEquals(0f, chance[3]);

        Lexicon back = Lexicon.load(tmp, kept.save(tmp));
        assertEquals(2, back.trained());
        assertEquals(4, back.rows());
        assertEquals(kept.matches(chars("北京深圳")), back.matches(chars("北京深圳")));
        assertNull(back.unknownChances());
    }

    @Test
    void withNoWordMatchedOnceTheFewestMatchedTrainTheUnknownRow() throws IOException {
        Lexicon lex = of(new LexiconSpec(List.of("test"), null, "auto", 2, 4, 0, 0.3), "北京", "深圳", "工作");
        // each sentence twice, as augmented data has them: 深圳 matched 4 times, 工作 twice, 北京 never
        Lexicon kept = lex.forTraining(List.of(chars("我在深圳工作"), chars("他在深圳"), chars("我在深圳工作"), chars("他在深圳")));
        assertEquals(List.of("深圳", "工作"), List.of(kept.word(1), kept.word(2)));
        float[] chance = kept.unknownChances();
        assertEquals(0f, chance[1]);
        assertEquals(0.3f, chance[2], "工作, the fewest matched, stands in for the words training never matched");
        assertEquals(0f, chance[kept.unknownRow()]);
    }

    @Test
    void withoutUnknownWordsTrainingDropsTheUnseenWords() {
        Lexicon kept = of(spec(2, 4, 0), "北京", "深圳", "工作").forTraining(List.<String[]>of(chars("我在深圳工作")));
        assertEquals(2, kept.size());
        assertEquals(2, kept.trained());
        assertEquals(3, kept.rows());
        assertNull(kept.unknownChances());
        assertEquals(List.of(), kept.matches(chars("北京")));
    }

    @Test
    void aModelSavedBeforeUnknownWordsTrainedEveryWordItLists() throws IOException {
        Map<String, Object> d = new HashMap<>(of(spec(2, 4, 0), "北京", "深圳").save(tmp));
        d.remove("trained");
        d.remove("unknownWords");
        Lexicon back = Lexicon.load(tmp, d);
        assertEquals(2, back.trained());
        assertEquals(3, back.rows());
        assertEquals(0, back.spec().unknownWords());
    }

    @Test
    void vectorsFileFillsWordsWithoutAVector() throws IOException {
        Path list = tmp.resolve("words.txt");
        Files.writeString(list, "北京\n上海\n", StandardCharsets.UTF_8);
        Path vec = tmp.resolve("vec.txt");
        Files.writeString(vec, "3 2\n上海 1 2\n天津 3 4\n北京 5 6\n", StandardCharsets.UTF_8);
        Lexicon lex = Lexicon.build(new LexiconSpec(List.of(list.toString()), vec, "text", 2, 4, 0, 0), quiet());
        assertEquals(2, lex.size());
        assertEquals(2, lex.vectorCount());
        assertEquals(5f, lex.vectors()[2]);
        assertEquals(2f, lex.vectors()[5]);
    }

    @Test
    void aByteOrderMarkAndUnicodeSpacesInAWordListDoNotBecomePartOfAWord() throws IOException {
        Path list = tmp.resolve("windows.txt");
        // Notepad's byte-order mark before the first word; a no-break space after one, an ideographic space before another
        Files.writeString(list, "\uFEFF北京大学\n清华大学\u00A0\n\u3000复旦大学 1 2\n", StandardCharsets.UTF_8);
        Lexicon lex = Lexicon.build(new LexiconSpec(List.of(list.toString()), null, "auto", 2, 4, 0, 0), quiet());
        assertEquals(List.of("北京大学", "清华大学", "复旦大学"), List.of(lex.word(1), lex.word(2), lex.word(3)));
        assertEquals(List.of(new LexiconMatch(0, 4, 1)), lex.matches(chars("北京大学")));
        assertEquals(1, lex.vectorCount());
    }

    @Test
    void aBadWordListLineNamesFileAndLine() throws IOException {
        Path list = tmp.resolve("words.txt");
        Files.writeString(list, "北京 1 2\n上海 1 x\n", StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class,
                () -> Lexicon.build(new LexiconSpec(List.of(list.toString()), null, "auto", 2, 4, 0, 0), quiet()));
        assertTrue(e.getMessage().contains("words.txt:2"), e.getMessage()); // a configuration error (exit 2), at its line
    }

    @Test
    void savedLexiconReloadsAndRefusesAChangedFile() throws IOException {
        Lexicon lex = of(spec(2, 4, 0), "北京", "大学", "北京大学");
        Map<String, Object> d = lex.save(tmp);
        Lexicon back = Lexicon.load(tmp, d);
        String[] s = chars("他在北京大学读书");
        assertEquals(lex.matches(s), back.matches(s));
        assertNull(back.vectors());
        Files.writeString(tmp.resolve(Lexicon.FILE), "北京\n", StandardCharsets.UTF_8);
        ModelException e = assertThrows(ModelException.class, () -> Lexicon.load(tmp, d));
        assertTrue(e.getMessage().contains("lexicon.txt"), e.getMessage());
    }

    @Test
    void aLexiconFileOutsideTheModelDirectoryIsRefused() throws IOException {
        // a downloaded model.json naming another file, with that file's true checksum, must not read it
        Path model = Files.createDirectories(tmp.resolve("model"));
        Map<String, Object> d = new HashMap<>(of(spec(2, 4, 0), "北京").save(model));
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "secret\n", StandardCharsets.UTF_8);
        d.put("file", "../outside.txt");
        d.put("sha256", dev.nlpipe.core.model.Provenance.sha256(outside));
        d.put("words", 1);
        ModelException e = assertThrows(ModelException.class, () -> Lexicon.load(model, d));
        assertTrue(e.getMessage().contains("lexicon.file"), e.getMessage());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Test
    void aDirectoryGivenAsAWordListIsNamedAsOne() throws IOException {
        Path words = Files.createDirectories(tmp.resolve("wdir"));
        Options o = Options.of("model", Map.of("lexicon", List.of(words.toString())), LexiconSpec.options());
        ConfigException e = assertThrows(ConfigException.class, () -> LexiconSpec.from(o));
        assertTrue(e.getMessage().contains("is a directory; a word list is a file"), e.getMessage());
    }

    @Test
    void aFrequencyAfterAWordIsNoVectorAndAWord2vecHeaderIsNoWord() throws IOException {
        Path frequencies = Files.writeString(tmp.resolve("freq.txt"), "北京 1200\n上海 800\n");
        Lexicon byFrequency = Lexicon.build(new LexiconSpec(List.of(frequencies.toString()), null, "auto", 2, 10, 0, 0), quiet());
        assertEquals(0, byFrequency.dim(), "a jieba-style frequency is not a 1-dimensional vector");
        assertEquals(2, byFrequency.size());
        Path word2vec = Files.writeString(tmp.resolve("wv.txt"), "2 3\n北京 0.1 0.2 0.3\n上海 0.4 0.5 0.6\n");
        Lexicon withVectors = Lexicon.build(new LexiconSpec(List.of(word2vec.toString()), null, "auto", 2, 10, 0, 0), quiet());
        assertEquals(3, withVectors.dim());
        assertEquals(List.of("北京", "上海"), List.of(withVectors.word(1), withVectors.word(2)), "the header is not a word");
    }

    @Test
    void aDecimalWeightIsNoVectorAndANumericFirstWordWithItsFrequencyIsAWord() throws IOException {
        // jieba's idf.txt gives each word a decimal weight; a frequency list may start with a numeric word
        Path idf = Files.writeString(tmp.resolve("idf.txt"), "劳动防护 13.900677652\n北京 5.1\n");
        Lexicon weighted = Lexicon.build(new LexiconSpec(List.of(idf.toString()), null, "auto", 2, 10, 0, 0), quiet());
        assertEquals(0, weighted.dim(), "a weight is not a 1-dimensional vector");
        assertEquals(2, weighted.size());
        Path numeric = Files.writeString(tmp.resolve("numeric.txt"), "12306 85\n北京 1200\n");
        Lexicon counted = Lexicon.build(new LexiconSpec(List.of(numeric.toString()), null, "auto", 2, 10, 0, 0), quiet());
        assertEquals(List.of("12306", "北京"), List.of(counted.word(1), counted.word(2)), "not a word2vec header: no vectors follow");
        Path alone = Files.writeString(tmp.resolve("alone.txt"), "12306 85\n");
        assertEquals(1, Lexicon.build(new LexiconSpec(List.of(alone.toString()), null, "auto", 2, 10, 0, 0), quiet()).size());
    }

    @Test
    void aVectorsFileWithNoWordOfTheLexiconIsRefusedNamingIt() throws IOException {
        Path list = Files.writeString(tmp.resolve("simplified.txt"), "北京\n上海\n");
        Path vec = Files.writeString(tmp.resolve("traditional.txt"), "2 2\n臺北 1 2\n東京 3 4\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lexicon.build(new LexiconSpec(List.of(list.toString()), vec, "text", 2, 4, 0, 0), quiet()));
        assertTrue(e.getMessage().contains("lexiconVectors " + vec + ": none of its 2 vectors is a word of the lexicon (2 words"),
                e.getMessage());
    }

    @Test
    void aVectorsFileOfWordsThatHaveVectorsAlreadyIsNotTakenForOneOfOtherWords() throws IOException {
        Path list = Files.writeString(tmp.resolve("with-vectors.txt"), "北京 1 2\n上海 3 4\n");
        Path vec = Files.writeString(tmp.resolve("same.txt"), "2 2\n北京 9 9\n上海 9 9\n");
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        Lexicon lex = Lexicon.build(new LexiconSpec(List.of(list.toString()), vec, "text", 2, 4, 0, 0),
                new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(1f, lex.vectors()[2], "the word list's vector wins");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("adds no vector"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWordListVectorThatIsNotFiniteIsRefusedNamingFileAndLine() throws IOException {
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "1e50")) {
            Path list = Files.writeString(tmp.resolve("nan.txt"), "北京 1 2\n董事会秘书 " + bad + " 2\n");
            ConfigException e = assertThrows(ConfigException.class,
                    () -> Lexicon.build(new LexiconSpec(List.of(list.toString()), null, "auto", 2, 10, 0, 0), quiet()));
            assertTrue(e.getMessage().contains("nan.txt:2") && e.getMessage().contains("finite"), bad + ": " + e.getMessage());
        }
    }

    @Test
    void invisibleCharactersInAWordAreLeftOutAsTheTextsUnitsLeaveThemOut() throws IOException {
        // a byte-order mark where two lists were joined by cat, a zero-width space, a soft hyphen, a variation selector
        Path list = Files.writeString(tmp.resolve("invisible.txt"), "北京\n\uFEFF综合管理部\n综合\u200B部\n\u00AD人和\n董事会秘书\uFE0F\n");
        Lexicon lex = Lexicon.build(new LexiconSpec(List.of(list.toString()), null, "auto", 2, 10, 0, 0), quiet());
        assertEquals(List.of("北京", "综合管理部", "综合部", "人和", "董事会秘书"),
                java.util.stream.IntStream.rangeClosed(1, lex.size()).mapToObj(lex::word).toList());
        assertEquals(List.of(new LexiconMatch(0, 5, 5)), lex.matches(chars("董事会秘书")));
    }
}
