package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
    @TempDir
    Path dir;

    /** Gender along the first axis, royalty along the second, place along the third; rows in frequency order. */
    static WordVectors toy() {
        String[] words = {"man", "woman", "king", "queen", "paris", "france", "berlin", "germany", "boy", "girl"};
        float[][] rows = {
            {1, 0, 0, 0.1f}, {-1, 0, 0, 0.1f}, {1, 1, 0, 0}, {-1, 1, 0, 0},
            {0, 0, 1, 0.3f}, {0, 0, 1, -0.7f}, {0, 0.1f, 1, 0.35f}, {0, 0.1f, 1, -0.65f},
            {1, -0.3f, 0, 0.4f}, {-1, -0.3f, 0, 0.4f}};
        float[] m = new float[words.length * 4];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, m, i * 4, 4);
        }
        return new WordVectors(words, m, 4);
    }

    @Test
    void analogyAnswersAndNearestNeighbours() {
        WordVectors v = toy();
        assertEquals("queen", v.analogy("man", "king", "woman", WordVectors.AnalogyMethod.ADD, 1, v.size()).get(0).word());
        assertEquals("queen", v.analogy("man", "king", "woman", WordVectors.AnalogyMethod.MUL, 1, v.size()).get(0).word());
        assertEquals("germany", v.analogy("paris", "france", "berlin", WordVectors.AnalogyMethod.ADD, 3, v.size()).get(0).word());
        assertEquals(1.0, v.similarity("king", "king"), 1e-6);
        assertEquals(0.03 / Math.sqrt(1.01 * 1.09), v.similarity("man", "paris"), 1e-6);
        var n = v.neighbors("king", 2);
        assertEquals(2, n.size());
        assertTrue(n.get(0).score() >= n.get(1).score());
        assertThrows(IllegalArgumentException.class, () -> v.similarity("king", "emperor"));
    }

    @Test
    void analogyAccuracyPerSectionWithRestrictionAndCase() throws IOException {
        Path q = TempFiles.write(dir.resolve("q.txt"), """
                : family
                man king woman queen
                Man King Woman Queen
                boy girl man woman
                man king woman emperor
                : capital\r
                paris france berlin germany\r
                """);
        AnalogyEvaluation.Result r = AnalogyEvaluation.evaluate(toy(), List.of(q), 0, WordVectors.AnalogyMethod.ADD);
        assertEquals(5, r.questions());
        assertEquals(4, r.answered(), "the question with 'emperor' is skipped");
        assertEquals(List.of("family", "capital"), r.sections().stream().map(AnalogyEvaluation.Section::name).toList());
        assertEquals(3, r.sections().get(0).answered());
        assertEquals(3, r.sections().get(0).correct(), "case is ignored");
        assertEquals(1.0, r.sections().get(1).accuracy());
        assertEquals(r.correct() / 4.0, r.accuracy(), 1e-12);
        // With the 4 most frequent words only, the capital question is out of vocabulary.
        AnalogyEvaluation.Result small = AnalogyEvaluation.evaluate(toy(), List.of(q), 4, WordVectors.AnalogyMethod.ADD);
        assertEquals(0, small.sections().get(1).answered());
        Map<String, Object> json = r.asMap();
        assertEquals("3CosAdd", json.get("method"));
        assertTrue(((Map<?, ?>) json.get("sections")).containsKey("capital"));
        assertThrows(IOException.class, () -> AnalogyEvaluation.evaluate(toy(), List.of(TempFiles.write(dir.resolve("bad.txt"), "a b c\n")), 0,
                WordVectors.AnalogyMethod.ADD));
    }

    @Test
    void aWordIsReadAsItsMostFrequentSpellingAsGensimDoes() throws IOException {
        // rows in frequency order: the rare "paris" is noise; the question spells it in lower case
        WordVectors v = vectors(new String[] {"Paris", "France", "Berlin", "Germany", "paris"},
                new float[][] {{0, 0, 1, 0.3f}, {0, 0, 1, -0.7f}, {0, 0.1f, 1, 0.35f}, {0, 0.12f, 1, -0.6f}, {0, 0, -1, 0}});
        assertEquals(1, analogy(v, "paris france berlin germany").correct(), "paris is read as Paris, not as the rare exact match");
    }

    @Test
    void anotherSpellingOfAQuestionWordIsPassedOverAsGensimDoes() throws IOException {
        // "FRANCE", a spelling of b, lies nearer the answer point than Germany
        WordVectors v = vectors(new String[] {"Paris", "France", "Berlin", "Germany", "FRANCE"},
                new float[][] {{0, 0, 1, 0.3f}, {0, 0, 1, -0.7f}, {0, 0.1f, 1, 0.35f}, {0, 0.12f, 1, -0.6f}, {0, 0.1f, 1, -0.66f}});
        assertEquals(1, analogy(v, "Paris France Berlin Germany").correct());
    }

    private static WordVectors vectors(String[] words, float[][] rows) {
        float[] m = new float[words.length * 4];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, m, i * 4, 4);
        }
        return new WordVectors(words, m, 4);
    }

    private AnalogyEvaluation.Result analogy(WordVectors v, String question) throws IOException {
        Path q = TempFiles.write(dir.resolve("q-" + question.hashCode() + ".txt"), ": capital\n" + question + "\n");
        AnalogyEvaluation.Result r = AnalogyEvaluation.evaluate(v, List.of(q), 0, WordVectors.AnalogyMethod.ADD);
        assertEquals(1, r.answered());
        return r;
    }

    @Test
    void spearmanWithTiesAndOovPairs() throws IOException {
        assertEquals(1.0, SimilarityEvaluation.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 30}), 1e-12);
        assertEquals(-1.0, SimilarityEvaluation.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138
        assertEquals(0.9486832980505138, SimilarityEvaluation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}), 1e-12);
        Path f = TempFiles.write(dir.resolve("sim.tsv"), "# comment\n# w1\tw2\tscore\nking\tqueen\t8\nking\tman\t6\nman\tparis\t0.5\nking\tunicorn\t3\n");
        SimilarityEvaluation.Result r = SimilarityEvaluation.evaluate(toy(), f);
        assertEquals("sim", r.name());
        assertEquals(4, r.pairs());
        assertEquals(1, r.oov());
        double[] human = {8, 6, 0.5};
        double[] model = {toy().similarity("king", "queen"), toy().similarity("king", "man"), toy().similarity("man", "paris")};
        assertEquals(SimilarityEvaluation.spearman(human, model), r.spearman(), 1e-12);
        assertEquals(25.0, (Double) r.asMap().get("oov_ratio"), 1e-12, "a percentage, as gensim's");
        // gensim's restrict_vocab: over the four most frequent words (man, woman, king, queen) only king-queen and king-man
        SimilarityEvaluation.Result top4 = SimilarityEvaluation.evaluate(toy(), f, 4);
        assertEquals(2, top4.oov());
    }

    @Test
    void aSimilarityRestrictedToNoWordsTakesThemAll() throws IOException {
        Path f = TempFiles.write(dir.resolve("all.tsv"), "king\tqueen\t8\nman\tparis\t0.5\n");
        assertEquals(0, SimilarityEvaluation.evaluate(toy(), f, 0).oov(), "0 = all words, as for analogies");
    }

    @Test
    void aQuestionRepeatingAWordIsAnsweredAsGensimDoes() throws IOException {
        // gensim ignores {a, b, c} = {Paris, France}: the expected France is among them, so the answer cannot be right
        WordVectors v = vectors(new String[] {"Paris", "France", "Berlin", "Germany"},
                new float[][] {{0, 0, 1, 0.3f}, {0, 0, 1, -0.7f}, {0, 0.1f, 1, 0.35f}, {0, 0.12f, 1, -0.6f}});
        assertEquals(0, analogy(v, "Paris France Paris France").correct());
    }
}
