package dev.nlpipe.augment.tfidf;

import static dev.nlpipe.augment.AugmentTesting.doc;
import static dev.nlpipe.augment.AugmentTesting.ops;
import static dev.nlpipe.augment.AugmentTesting.variants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.augment.Sentence;
import dev.nlpipe.augment.Variants;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.embed.vectorize.AnalyzerSpec;
import dev.nlpipe.embed.vectorize.Pruning;
import dev.nlpipe.embed.vectorize.VectorizerFitter;
import dev.nlpipe.embed.vectorize.VectorizerModel;
import dev.nlpipe.embed.vectorize.VectorizerModelDir;
import dev.nlpipe.embed.vectorize.Weighting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfidfStageTest {
    static final Weighting TFIDF = new Weighting(false, false, true, true, Weighting.Norm.L2);
    /** "the" and "movie" are in every document, the adjectives in one each. */
    static final List<String> CORPUS = List.of(
            "the movie is excellent", "the movie is terrible", "the movie was boring", "the movie was a delight",
            "the movie is wonderful", "the movie was dull");

    @TempDir
    Path tmp;
    Path model;
    VectorizerModel fitted;

    @BeforeEach
    void fit() throws Exception {
        fitted = fitModel(AnalyzerSpec.words());
        model = Files.createDirectories(tmp.resolve("tfidf"));
        VectorizerModelDir.write(model, ModelMeta.create(VectorizerModelDir.TFIDF, VectorizerModelDir.FORMAT_VERSION), fitted, Pruning.NONE);
    }

    private static VectorizerModel fitModel(AnalyzerSpec spec) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            docs.add(doc("c" + i, " ", CORPUS.get(i).split(" ")));
        }
        return VectorizerFitter.fit(docs, spec, Pruning.NONE, TFIDF, null, 1);
    }

    private List<Document> augment(Document d, Map<String, Object> options) {
        Map<String, Object> o = new HashMap<>(Map.of("numAug", 30, "p", 0.5));
        o.putAll(options);
        try (Pipeline p = Pipeline.builder().add("augment.tfidf", o, model).build()) {
            return p.process(d);
        }
    }

    @Test
    void keywordsStayAndReplacementsComeFromTheCorpus() {
        Document original = doc("d1", " ", "The", "movie", "is", "excellent");
        List<Document> out = augment(original, Map.of());
        assertEquals("The movie is excellent", out.get(0).text(), "the original comes first");
        List<Document> vs = variants(out);
        assertTrue(vs.size() >= 5, "variants: " + vs.size());
        Set<String> vocabulary = Set.of(fitted.vocabulary().terms());
        for (Document v : vs) {
            assertEquals(List.of("tfidf"), ops(v));
            assertEquals("d1", Variants.origin(v));
            String[] words = v.text().split(" ");
            assertEquals(4, words.length, v.text());
            assertEquals("excellent", words[3], () -> "the keyword (highest TF-IDF) stays: " + v.text());
            for (String w : words) {
                assertTrue(vocabulary.contains(w.toLowerCase(java.util.Locale.ROOT)), () -> w + " is not from the corpus in " + v.text());
            }
            if (!words[0].equalsIgnoreCase("the")) {
                assertTrue(Character.isUpperCase(words[0].charAt(0)), () -> "the replacement takes the case of the word: " + v.text());
            }
        }
    }

    @Test
    void lowTfidfWordsAreTheLikelyOnes() {
        TfidfReplacement op = new TfidfReplacement(WordStatistics.of(fitted), 0.5);
        Sentence s = Sentence.of(doc("d", " ", "the", "movie", "is", "excellent"), "t", Set.of());
        double[] prob = op.replaceProbabilities(s.pieces());
        assertEquals(0.0, prob[3], "the sentence's keyword has the highest TF-IDF and is never replaced");
        assertTrue(prob[0] > prob[2] && prob[1] > prob[2], "words in every document are likelier than 'is': " + java.util.Arrays.toString(prob));
        assertEquals(0.5 * 4, prob[0] + prob[1] + prob[2] + prob[3], 1e-9, "p·l words replaced in expectation");
        Sentence same = Sentence.of(doc("d", " ", "movie", "movie"), "t", Set.of());
        assertEquals(0.0, op.replaceProbabilities(same.pieces())[0], "equally informative words are all kept");
    }

    @Test
    void replacementWordsFollowTheCorpusDistribution() {
        WordStatistics stats = WordStatistics.of(fitted);
        Map<String, Integer> drawn = new HashMap<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 20000; i++) {
            drawn.merge(stats.draw(rng), 1, Integer::sum);
        }
        // "the" and "movie" score highest over the corpus (idf 1, 6 occurrences each) and are never drawn;
        // the rare adjectives score lowest and are drawn most
        assertFalse(drawn.containsKey("the"), drawn.toString());
        assertFalse(drawn.containsKey("movie"), drawn.toString());
        assertTrue(drawn.get("excellent") > drawn.get("is"), drawn.toString());
    }

    @Test
    void entitiesAreNeverReplaced() {
        Document d = doc("d", " ", "the", "movie", "is", "excellent");
        d.setEntities(List.of(Entity.of(d.text(), "WORK", 0, 9)));
        for (Document v : variants(augment(d, Map.of("p", 0.9)))) {
            assertTrue(v.text().startsWith("the movie "), v.text());
            assertEquals("the movie", v.entities().get(0).text());
        }
    }

    @Test
    void theSameSeedGivesTheSameVariants() {
        Document d = doc("d", " ", "the", "movie", "was", "a", "delight");
        List<String> one = variants(augment(d, Map.of("seed", 5))).stream().map(Document::text).toList();
        List<String> two = variants(augment(doc("d", " ", "the", "movie", "was", "a", "delight"), Map.of("seed", 5)))
                .stream().map(Document::text).toList();
        assertEquals(one, two);
        assertTrue(variants(augment(d, Map.of("numAug", 2))).size() <= 2, "numAug caps the variants");
    }

    @Test
    void aModelIsRequiredAndMustBeAWordModel() throws Exception {
        ConfigException none = assertThrows(ConfigException.class, () -> Pipeline.builder().add("augment.tfidf").build());
        assertTrue(none.getMessage().contains("model"), none.getMessage());
        Path chars = Files.createDirectories(tmp.resolve("chars"));
        AnalyzerSpec charSpec = new AnalyzerSpec(AnalyzerSpec.Kind.CHAR, 2, 3, true, null, Set.of(), true);
        VectorizerModelDir.write(chars, ModelMeta.create(VectorizerModelDir.TFIDF, VectorizerModelDir.FORMAT_VERSION), fitModel(charSpec),
                Pruning.NONE);
        ConfigException e = assertThrows(ConfigException.class,
                () -> Pipeline.builder().add("augment.tfidf", Map.of(), chars).build());
        assertTrue(e.getMessage().contains("word-unigram"), e.getMessage());
    }
}
