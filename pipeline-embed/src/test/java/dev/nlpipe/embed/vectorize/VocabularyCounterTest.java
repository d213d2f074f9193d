package dev.nlpipe.embed.vectorize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyCounterTest {
    private static final AnalyzerSpec BIGRAMS = new AnalyzerSpec(AnalyzerSpec.Kind.WORD, 1, 3, true, "\\S+", Set.of(), true);

    /** A random corpus over a small alphabet of words, including supplementary characters. */
    private static List<Document> corpus(int docs, long seed) {
        String[] words = {"a", "b", "c", "ab", "北京", "天安门", "\uD840\uDC00", "\uFF21", "x_y", "é", "zz", "q"};
        Random r = new Random(seed);
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(words[r.nextInt(words.length)]).append(' ');
            }
            out.add(new Document("d" + i, sb.toString()));
        }
        return out;
    }

    private static Vocabulary count(List<Document> docs, int threads, long budget, Pruning pruning) {
        try (VocabularyCounter c = new VocabularyCounter(new Analyzer(BIGRAMS, "test"), null, threads, budget)) {
            docs.forEach(c::add);
            return c.finish(pruning, false);
        }
    }

    @Test
    void spillingToDiskAndThreadsGiveTheSameVocabulary() {
        List<Document> docs = corpus(3000, 7);
        Pruning p = new Pruning(3L, 0.9, null);
        Vocabulary inMemory = count(docs, 1, Long.MAX_VALUE, p);
        Vocabulary spilled = count(docs, 1, 50, p);
        Vocabulary threaded = count(docs, 3, 40, p);
        Vocabulary threadedInMemory = count(docs, 3, Long.MAX_VALUE, p);
        assertTrue(inMemory.size() > 100, "a real vocabulary: " + inMemory.size());
        for (Vocabulary v : List.of(spilled, threaded, threadedInMemory)) {
            assertArrayEquals(inMemory.terms(), v.terms());
            assertArrayEquals(inMemory.df(), v.df());
            assertArrayEquals(inMemory.cf(), v.cf());
            assertEquals(inMemory.distinct(), v.distinct());
            assertEquals(3000, v.documents());
        }
    }

    @Test
    void partsHandOverOneMergedRunThatSumsToTheWholeCount() throws java.io.IOException {
        List<Document> docs = corpus(3000, 11);
        Pruning p = new Pruning(2L, 1.0, null);
        Vocabulary whole = count(docs, 1, Long.MAX_VALUE, p);
        List<VocabularyCounter> parts = new ArrayList<>();
        try {
            List<java.nio.file.Path> runs = new ArrayList<>();
            for (List<Document> part : List.of(docs.subList(0, 1000), docs.subList(1000, 3000))) {
                // Forty terms in memory: each part spills many runs, merged into the one it hands over.
                VocabularyCounter c = new VocabularyCounter(new Analyzer(BIGRAMS, "test"), null, 1, 40);
                parts.add(c);
                part.forEach(c::add);
                java.nio.file.Path run = c.finishRun().orElseThrow();
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(run.getParent())) {
                    assertTrue(files.count() > 2, "the part spilled");
                }
                runs.add(run);
            }
            Vocabulary merged = VocabularyCounter.merge(runs, docs.size(), p, false);
            assertArrayEquals(whole.terms(), merged.terms());
            assertArrayEquals(whole.df(), merged.df());
            assertArrayEquals(whole.cf(), merged.cf());
            assertEquals(whole.distinct(), merged.distinct());
        } finally {
            parts.forEach(VocabularyCounter::close);
        }
    }

    @Test
    void aPartThatCountedNothingHandsOverNoRun() {
        try (VocabularyCounter c = new VocabularyCounter(new Analyzer(BIGRAMS, "test"), null, 1, 40)) {
            assertTrue(c.finishRun().isEmpty());
        }
    }

    @Test
    void termsAreInCodePointOrder() {
        Vocabulary v = count(corpus(500, 3), 1, Long.MAX_VALUE, Pruning.NONE);
        for (int i = 1; i < v.size(); i++) {
            assertTrue(PyText.compare(v.terms()[i - 1], v.terms()[i]) < 0, v.terms()[i - 1] + " before " + v.terms()[i]);
        }
        // U+20000 (a surrogate pair in Java) sorts after U+FF21 in Python, unlike String.compareTo.
        List<String> terms = List.of(v.terms());
        assertTrue(terms.indexOf("\uFF21") < terms.indexOf("\uD840\uDC00"));
    }

    @Test
    void maxFeaturesKeepsTheMostFrequentAndBreaksTiesByTermOrder() {
        List<Document> docs = List.of(new Document("1", "x x x y y z w"), new Document("2", "v v v"));
        AnalyzerSpec unigrams = BIGRAMS.withNgramRange(1, 1);
        Vocabulary v = VectorizerFitter.fit(docs, unigrams, new Pruning(1L, 1.0, 3), Weighting.counts(false), null, 1).vocabulary();
        // counts: v 3, x 3, y 2, w 1, z 1 → v, x, y
        assertArrayEquals(new String[] {"v", "x", "y"}, v.terms());
        Vocabulary byDocs = VectorizerFitter.fit(docs, unigrams, new Pruning(1L, 1.0, 2), Weighting.counts(true), null, 1)
                .vocabulary();
        // binary: every term is in one document; ties go to code point order
        assertArrayEquals(new String[] {"v", "w"}, byDocs.terms());
    }

    @Test
    void fixedVocabularyKeepsGivenOrderAndCountsDocumentFrequency() {
        List<Document> docs = List.of(new Document("1", "b a b"), new Document("2", "c a"));
        AnalyzerSpec spec = BIGRAMS.withNgramRange(1, 2);
        VectorizerModel m = VectorizerFitter.fit(docs, spec, Pruning.NONE, new Weighting(false, false, true, true, Weighting.Norm.NONE),
                List.of("c a", "b", "zzz"), 1);
        assertArrayEquals(new String[] {"c a", "b", "zzz"}, m.vocabulary().terms());
        assertArrayEquals(new int[] {1, 1, 0}, m.vocabulary().df());
        assertArrayEquals(new int[] {1}, m.transform(docs.get(0)).indices());
        assertArrayEquals(new int[] {0}, m.transform(docs.get(1)).indices());
        assertThrows(IllegalArgumentException.class, () -> VectorizerFitter.fit(docs, spec, Pruning.NONE, Weighting.counts(false),
                List.of("a", "a"), 1));
    }

    @Test
    void tokensWithSpacesAreTheSameFeatureAsTheBigram() {
        Document oneToken = new Document("1", "new york").setTokens(List.of(new Token("new york", 0, 8)));
        Document twoTokens = new Document("2", "new york").setTokens(List.of(new Token("new", 0, 3), new Token("york", 4, 8)));
        AnalyzerSpec spec = new AnalyzerSpec(AnalyzerSpec.Kind.WORD, 1, 2, true, null, Set.of(), true);
        Vocabulary v = VectorizerFitter.fit(List.of(oneToken, twoTokens), spec, Pruning.NONE, Weighting.counts(false), null, 1)
                .vocabulary();
        assertArrayEquals(new String[] {"new", "new york", "york"}, v.terms());
        assertArrayEquals(new int[] {1, 2, 1}, v.df());
    }

    @Test
    void pruningErrorsSaySoLikeScikitLearn() {
        List<Document> docs = List.of(new Document("1", "a b"), new Document("2", "c d"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> count(docs, 1, Long.MAX_VALUE,
                new Pruning(2L, 1.0, null)));
        assertTrue(none.getMessage().contains("no terms remain"), none.getMessage());
        IllegalArgumentException crossed = assertThrows(IllegalArgumentException.class, () -> count(docs, 1, Long.MAX_VALUE,
                new Pruning(2L, 1L, null)));
        assertTrue(crossed.getMessage().contains("maxDf"), crossed.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> count(List.of(new Document("e", " ")), 1,
                Long.MAX_VALUE, Pruning.NONE));
        assertTrue(empty.getMessage().contains("empty vocabulary"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Pruning(1.5, 1.0, null));
    }
}
