package dev.nlpipe.augment.noise;

import static dev.nlpipe.augment.AugmentTesting.assertTokensAligned;
import static dev.nlpipe.augment.AugmentTesting.doc;
import static dev.nlpipe.augment.AugmentTesting.ops;
import static dev.nlpipe.augment.AugmentTesting.variants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseStageTest {
    private static final String[] WORDS = {"The", "quick", "brown", "fox", "jumps", "over", "a", "lazy", "dog"};
    @TempDir
    Path tmp;

    private static List<Document> noise(Map<String, Object> options, Document d) {
        Map<String, Object> o = new LinkedHashMap<>(Map.of("typo", 0, "swap", 0, "space", 0, "homophone", 0, "numAug", 3));
        o.putAll(options);
        try (Pipeline p = Pipeline.builder().add("augment.noise", o).build()) {
            List<Document> vs = variants(p.process(d));
            vs.forEach(v -> assertTokensAligned(v));
            return vs;
        }
    }

    @Test
    void typosComeFromNeighbouringKeysOneLetterPerWord() {
        List<Document> vs = noise(Map.of("typo", 1.0), doc("d", " ", WORDS));
        assertEquals(3, vs.size());
        for (Document v : vs) {
            assertEquals(List.of("typo"), ops(v));
            String[] words = v.text().split(" ");
            assertEquals(WORDS.length, words.length);
            for (int i = 0; i < WORDS.length; i++) {
                String a = WORDS[i];
                String b = words[i];
                if (a.length() < 3) {
                    assertEquals(a, b, "short words are left alone");
                    continue;
                }
                int diff = 0;
                for (int k = 0; k < a.length(); k++) {
                    if (a.charAt(k) != b.charAt(k)) {
                        diff++;
                        char[] n = KeyboardLayout.neighbours(Character.toLowerCase(a.charAt(k)));
                        assertTrue(new String(n).indexOf(Character.toLowerCase(b.charAt(k))) >= 0, a + " -> " + b);
                        assertEquals(Character.isUpperCase(a.charAt(k)), Character.isUpperCase(b.charAt(k)), "case kept: " + b);
                    }
                }
                assertEquals(1, diff, a + " -> " + b);
            }
        }
    }

    @Test
    void keyboardNeighboursAreTheTouchingKeys() {
        assertEquals("fhtyvb", new String(KeyboardLayout.neighbours('g')));
        assertEquals("aw", sorted(KeyboardLayout.neighbours('q')));
        assertEquals("bhjm", sorted(KeyboardLayout.neighbours('n')));
    }

    private static String sorted(char[] c) {
        char[] copy = c.clone();
        Arrays.sort(copy);
        return new String(copy);
    }

    @Test
    void swapsAndSpacesKeepTheLetters() {
        for (Document v : noise(Map.of("swap", 1.0), doc("d", " ", WORDS))) {
            String[] words = v.text().split(" ");
            for (int i = 0; i < WORDS.length; i++) {
                assertEquals(sorted(WORDS[i].toCharArray()), sorted(words[i].toCharArray()));
            }
        }
        for (Document v : noise(Map.of("space", 1.0), doc("d", " ", WORDS))) {
            assertEquals(String.join("", WORDS), v.text().replace(" ", ""));
            assertEquals(WORDS.length * 2 - 1, v.tokens().size(), "every word of two or more letters is split: " + v.text());
            assertEquals(List.of("space"), ops(v));
        }
        // no space inside a Chinese word: nobody types 北 京, and a BMES output would drop it, writing the original again
        assertEquals(List.of(), noise(Map.of("space", 1.0), doc("z", "", new String[] {"北京", "天安门"})));
    }

    @Test
    void chineseHomophonesHaveTheSamePinyin() {
        Homophones h = Homophones.get();
        assertEquals("hang2", h.reading("银行", 1), "the reading in the word");
        assertEquals("xing2", h.reading("行", 0));
        List<String> words = List.of("我", "喜欢", "银行");
        for (Document v : noise(Map.of("homophone", 1.0), doc("z", "", words.toArray(String[]::new)))) {
            assertEquals(List.of("homophone"), ops(v));
            assertEquals(3, v.tokens().size());
            int changed = 0;
            for (int i = 0; i < 3; i++) {
                String before = words.get(i);
                String after = v.tokens().get(i).text();
                assertEquals(before.length(), after.length());
                for (int k = 0; k < before.length(); k++) {
                    String swapped = after.substring(k, k + 1);
                    if (!swapped.equals(before.substring(k, k + 1))) {
                        changed++;
                        assertEquals(h.reading(before, k), h.reading(swapped, 0), before + " -> " + after);
                    }
                }
            }
            assertTrue(changed >= 3, v.text());
        }
    }

    @Test
    void shapeNeighboursComeFromTheListAndUserFiles() {
        Path mine = TempFiles.write(tmp.resolve("shapes.txt"), "# mine\n甲 乙\n");
        List<Document> vs = noise(Map.of("shape", 1.0, "homophone", 0, "confusionFiles", List.of(mine.toString())),
                doc("z", "", "自己", "甲"));
        assertFalse(vs.isEmpty());
        for (Document v : vs) {
            assertTrue(List.of("自已甲", "自巳甲", "目已甲", "目巳甲", "目己甲", "自己乙", "自已乙", "自巳乙", "目已乙", "目巳乙", "目己乙", "自己申",
                    "自己田", "自己由", "自己电", "自已申", "自已田", "自已由", "自已电", "自巳申", "自巳田", "自巳由", "自巳电", "目已申", "目已田",
                    "目已由", "目已电", "目巳申", "目巳田", "目巳由", "目巳电", "目己申", "目己田", "目己由", "目己电").contains(v.text()),
                    v.text());
        }
        assertNotNull(new ArrayList<>(vs));
    }

    @Test
    void confusionFilesWithoutShapeAreRefusedRatherThanIgnored() {
        Path mine = TempFiles.write(tmp.resolve("shapes.txt"), "甲 乙\n");
        dev.nlpipe.core.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(dev.nlpipe.core.config.ConfigException.class,
                () -> noise(Map.of("typo", 0.1, "confusionFiles", List.of(mine.toString())), doc("z", "", "自己", "甲")));
        assertTrue(e.getMessage().contains("used only with shape above 0"), e.getMessage());
    }
}
