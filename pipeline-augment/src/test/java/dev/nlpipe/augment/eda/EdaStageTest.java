package dev.nlpipe.augment.eda;

import static dev.nlpipe.augment.AugmentTesting.assertTokensAligned;
import static dev.nlpipe.augment.AugmentTesting.doc;
import static dev.nlpipe.augment.AugmentTesting.ops;
import static dev.nlpipe.augment.AugmentTesting.variants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.augment.Variants;
import dev.nlpipe.augment.synonym.CilinSynonyms;
import dev.nlpipe.augment.synonym.WordNetSynonyms;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdaStageTest {
    @TempDir
    Path tmp;

    private Path synonyms() {
        return TempFiles.write(tmp.resolve("syn.txt"), "# test groups\nquick fast rapid\nfilm movie\ngood great\n");
    }

    private Pipeline eda(Map<String, Object> options) {
        Map<String, Object> o = new LinkedHashMap<>(Map.of("synonyms", List.of(), "synonymFiles", List.of(synonyms().toString()),
                "stopWords", List.of()));
        o.putAll(options);
        return Pipeline.builder().add("augment.eda", o).build();
    }

    @Test
    void aCharacterCorpusGetsNoVariantThatNeedsASpace() {
        // one token per character, as a BMES corpus: deleting 和 would make "film" and "good" neighbours, glued as filmgood
        String text = "我看film和good电影";
        List<Token> chars = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            chars.add(new Token(text.substring(i, i + 1), i, i + 1));
        }
        try (Pipeline p = eda(Map.of("numAug", 16, "alphaSr", 0, "alphaRi", 0, "alphaRs", 0.5, "pRd", 0.5))) {
            List<Document> vs = variants(p.process(new Document("c", text).setTokens(chars)));
            assertFalse(vs.isEmpty());
            vs.forEach(v -> assertFalse(v.text().contains(" "), v.text()));
        }
    }

    @Test
    void keepsTheOriginalFirstAndMarksEveryVariantWithItsOrigin() {
        Document d = doc("d1", " ", "the", "quick", "film", "was", "good", "and", "long").addLabel("pos");
        try (Pipeline p = eda(Map.of("numAug", 6))) {
            List<Document> out = p.process(d);
            assertEquals("d1", out.get(0).id());
            assertFalse(Variants.isVariant(out.get(0)));
            List<Document> vs = variants(out);
            assertEquals(6, vs.size());
            Set<String> texts = new HashSet<>();
            for (Document v : vs) {
                assertTrue(v.id().startsWith("d1#eda-"), v.id());
                assertEquals("d1", Variants.origin(v));
                assertEquals(1, ops(v).size());
                assertTrue(Set.of("SR", "RI", "RS", "RD").contains(ops(v).get(0)), ops(v).toString());
                assertEquals(Map.of("pos", 1.0), v.labels(), "labels are kept");
                assertNotEquals(d.text(), v.text());
                assertTrue(texts.add(v.text()), "duplicates are dropped");
                assertTokensAligned(v);
            }
        }
    }

    @Test
    void synonymReplacementUsesTheGroupsAndKeepsSpacingAndCase() {
        Document d = doc("d1", " ", "Quick", "film", "here");
        try (Pipeline p = eda(Map.of("alphaRi", 0, "alphaRs", 0, "pRd", 0, "numAug", 12))) {
            Set<String> seen = new HashSet<>();
            for (Document v : variants(p.process(d))) {
                assertEquals(List.of("SR"), ops(v));
                seen.add(v.text());
            }
            // n = max(1, 0.1 * 3) = 1 word replaced per variant, capitalization kept
            assertEquals(Set.of("Fast film here", "Rapid film here", "Quick movie here"), seen);
        }
    }

    @Test
    void stopWordsAreNeverReplacedNorInsertedFrom() {
        Path stop = TempFiles.write(tmp.resolve("stop.txt"), "good\n");
        Document d = doc("d1", " ", "good", "film");
        try (Pipeline p = eda(Map.of("stopWordFiles", List.of(stop.toString()), "alphaSr", 0.5, "alphaRi", 0.5, "alphaRs", 0,
                "pRd", 0, "numAug", 8))) {
            for (int seed = 0; seed < 20; seed++) {
                for (Document v : variants(p.process(doc("d" + seed, " ", "good", "film")))) {
                    assertTrue(v.text().startsWith("good ") || v.text().contains(" good"), v.text());
                    assertFalse(v.text().contains("great"), "great only comes from the stop word good: " + v.text());
                }
            }
            assertFalse(variants(p.process(d)).isEmpty());
        }
    }

    @Test
    void randomDeletionNeverDeletesEverything() {
        try (Pipeline p = eda(Map.of("alphaSr", 0, "alphaRi", 0, "alphaRs", 0, "pRd", 1.0, "numAug", 4))) {
            List<Document> vs = variants(p.process(doc("d1", " ", "a", "b", "c")));
            assertFalse(vs.isEmpty());
            for (Document v : vs) {
                assertEquals(1, v.tokens().size(), v.text());
                assertTrue(Set.of("a", "b", "c").contains(v.text()), v.text());
            }
            assertTrue(variants(p.process(doc("d2", " ", "alone"))).isEmpty(), "a one-word sentence is left alone");
        }
    }

    @Test
    void anOperationThatChangedNothingMakesNoVariantEvenWhenDuplicatesAreKept() {
        try (Pipeline p = eda(Map.of("numAug", 4, "dropDuplicates", false))) {
            assertEquals(List.of(), variants(p.process(doc("one", " ", "wow"))));
            assertEquals(List.of(), variants(p.process(new Document("empty", "").setTokens(List.of()))));
            // RS and RD leave one word alone; SR and RI find no synonym of "unknown"
            List<Document> vs = variants(p.process(doc("two", " ", "unknown", "film")));
            assertFalse(vs.isEmpty());
            vs.forEach(v -> assertNotEquals("unknown film", v.text(), ops(v).toString()));
        }
        // a swap of two equal words moves them and changes nothing
        try (Pipeline p = eda(Map.of("numAug", 3, "dropDuplicates", false, "alphaSr", 0, "alphaRi", 0, "pRd", 0))) {
            assertEquals(List.of(), variants(p.process(doc("same", " ", "good", "good"))));
        }
    }

    @Test
    void punctuationKeepsTheSpacingOfTheOriginalText() {
        // running text: no space before a comma or a full stop in any variant
        Document running = new Document("r", "I liked it, a lot.").setTokens(List.of(new Token("I", 0, 1), new Token("liked", 2, 7),
                new Token("it", 8, 10), new Token(",", 10, 11), new Token("a", 12, 13), new Token("lot", 14, 17), new Token(".", 17, 18)));
        try (Pipeline p = eda(Map.of("alphaSr", 0, "alphaRi", 0, "alphaRs", 0.5, "pRd", 0.5, "numAug", 8))) {
            List<Document> vs = variants(p.process(running));
            assertFalse(vs.isEmpty());
            for (Document v : vs) {
                assertFalse(v.text().contains(" ,") || v.text().contains(" ."), v.text());
                assertTokensAligned(v);
            }
        }
        // a corpus tokenized with spaces (SST-2's "a lot .") keeps them
        try (Pipeline p = eda(Map.of("alphaSr", 0, "alphaRi", 0, "alphaRs", 0, "pRd", 0.5, "numAug", 8))) {
            for (Document v : variants(p.process(doc("t", " ", "I", "liked", "it", ",", "a", "lot", ".")))) {
                assertTrue(v.text().endsWith(" ."), v.text());
            }
        }
    }

    @Test
    void randomSwapMovesWordsButNotPunctuation() {
        try (Pipeline p = eda(Map.of("alphaSr", 0, "alphaRi", 0, "alphaRs", 0.5, "pRd", 0, "numAug", 3))) {
            for (Document v : variants(p.process(doc("d1", " ", "one", "two", "three", "four", "!")))) {
                assertTrue(v.text().endsWith(" !"), v.text());
                assertEquals(Set.of("one", "two", "three", "four", "!"), Set.of(v.text().split(" ")));
            }
        }
    }

    @Test
    void sameSeedSameVariantsOtherSeedOtherVariants() {
        Document a = doc("x", " ", "the", "quick", "film", "was", "good", "and", "long");
        List<String> first;
        try (Pipeline p = eda(Map.of("numAug", 5))) {
            first = p.process(a).stream().map(Document::text).toList();
            Document again = doc("x", " ", "the", "quick", "film", "was", "good", "and", "long");
            assertEquals(first, p.process(again).stream().map(Document::text).toList());
        }
        try (Pipeline p = eda(Map.of("numAug", 5, "seed", 7))) {
            Document again = doc("x", " ", "the", "quick", "film", "was", "good", "and", "long");
            assertNotEquals(first, p.process(again).stream().map(Document::text).toList());
        }
    }

    @Test
    void chineseSynonymsComeFromCoreSynonym() {
        List<String> like = CilinSynonyms.get().synonyms("喜欢");
        assertTrue(like.contains("喜爱"), like.toString());
        List<String> words = List.of("我", "喜欢", "这部", "电影");
        try (Pipeline p = Pipeline.builder().add("augment.eda", Map.of("synonyms", List.of("zh"), "alphaRi", 0, "alphaRs", 0,
                "pRd", 0, "numAug", 6)).build()) {
            List<Document> vs = variants(p.process(doc("z", "", words.toArray(String[]::new))));
            assertEquals(6, vs.size());
            for (Document v : vs) {
                assertEquals(4, v.tokens().size(), v.text());
                int changed = 0;
                for (int i = 0; i < 4; i++) {
                    String now = v.tokens().get(i).text();
                    if (!now.equals(words.get(i))) {
                        changed++;
                        assertTrue(CilinSynonyms.get().synonyms(words.get(i)).contains(now), words.get(i) + " -> " + now);
                    }
                }
                assertEquals(1, changed, v.text());
                assertEquals("我", v.tokens().get(0).text(), "我 is a HanLP stop word");
            }
        }
    }

    @Test
    void englishSynonymsComeFromWordNet() {
        List<String> film = WordNetSynonyms.get().synonyms("movies");
        assertTrue(film.contains("film"), film.toString());
        assertFalse(film.contains("movie"), "the word's own base form is not a synonym");
        assertTrue(WordNetSynonyms.get().synonyms("the").isEmpty());
    }

    @Test
    void pronounsAndSingleLettersAreNotReplacedByTheirUnrelatedNounSenses() {
        // WordNet: he -> helium, me -> Maine, us -> United States, i -> iodine; "He gave me the book" must not become
        // "Helium gave Maine the book"
        // and a word WordNet reduces to one letter: vs -> v -> five, quintuplet
        for (String w : List.of("he", "He", "me", "us", "i", "it", "who", "x", "vs")) {
            assertEquals(List.of(), WordNetSynonyms.get().synonyms(w), w);
        }
        assertFalse(WordNetSynonyms.get().synonyms("gave").isEmpty(), "content words still have synonyms");
    }

    @Test
    void badOptionsFailBeforeAnyDocument() {
        ConfigException off = assertThrows(ConfigException.class, () -> eda(Map.of("alphaSr", 0, "alphaRi", 0, "alphaRs", 0, "pRd", 0)));
        assertTrue(off.getMessage().contains("turn at least one on"), off.getMessage());
        ConfigException p = assertThrows(ConfigException.class, () -> eda(Map.of("pRd", 1.5)));
        assertTrue(p.getMessage().contains("pRd"), p.getMessage());
        ConfigException file = assertThrows(ConfigException.class,
                () -> Pipeline.builder().add("augment.eda", Map.of("synonymFiles", List.of("/no/such/file"))).build());
        assertTrue(file.getMessage().contains("/no/such/file"), file.getMessage());
    }

    @Test
    void variantTokensCarryTheOriginalsOwnStopFlagsNotTheEditStopList() {
        // "the", "was", "not" are on the en list, so they are never edited; a later vectorizer that skips stop tokens would
        // drop them from the variants alone if the list were written onto their tokens. "plot" was marked by a stage.
        Document d = doc("d1", " ", "the", "film", "was", "not", "good", "plot");
        List<Token> marked = new java.util.ArrayList<>(d.tokens());
        marked.set(5, marked.get(5).withStop(true));
        d.setTokens(marked);
        try (Pipeline p = Pipeline.builder().add("augment.eda", Map.of("synonyms", List.of(), "synonymFiles",
                List.of(synonyms().toString()), "stopWords", List.of("en"), "alphaSr", 0.5, "alphaRi", 0.5, "alphaRs", 0.1,
                "pRd", 0, "numAug", 12)).build()) {
            List<Document> vs = variants(p.process(d));
            assertFalse(vs.isEmpty());
            for (Document v : vs) {
                for (Token t : v.tokens()) {
                    assertEquals(t.text().equals("plot"), t.stop(), () -> v.text() + ": " + t);
                }
            }
        }
    }
}
