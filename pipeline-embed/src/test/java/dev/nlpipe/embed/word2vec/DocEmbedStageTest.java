package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocEmbedStageTest {
    @TempDir
    Path dir;

    private Path vectors() throws IOException {
        WordVectors v = new WordVectors(new String[] {"good", "bad", "movie"}, new float[] {1, 0, -1, 0, 0, 2}, 2);
        Path f = dir.resolve("v.txt");
        VectorFormat.writeText(v, f);
        return f;
    }

    private float[] embed(Map<String, ?> options, Path model, String text) {
        try (Pipeline p = Pipeline.builder().add("tokenize.regex").add("embed.doc", options, model).build()) {
            Document d = p.process(new Document("d", text)).get(0);
            return ((DenseVector) d.vectors().get(options.containsKey("name") ? (String) options.get("name") : "w2v")).values();
        }
    }

    @Test
    void meanOfKnownTokens() throws IOException {
        Path v = vectors();
        assertArrayEquals(new float[] {0, 0}, embed(Map.of("vectors", v.toString()), null, "good bad"));
        assertArrayEquals(new float[] {0.5f, 1f}, embed(Map.of("vectors", v.toString()), null, "good unknown movie"));
        assertArrayEquals(new float[] {0, 0}, embed(Map.of("vectors", v.toString()), null, "nothing known"), "zero vector");
        float[] unit = embed(Map.of("vectors", v.toString(), "normalize", true, "name", "doc"), null, "good movie");
        assertEquals(1.0, Math.hypot(unit[0], unit[1]), 1e-6);
    }

    @Test
    void aTokenWithWhitespaceReadsTheVectorWord2VecStoredItUnder() {
        // word2vec trains "a\u3000b" as a_b, since its files split on whitespace
        WordVectors v = new WordVectors(new String[] {"a_b", "c"}, new float[] {1, 2, 3, 4}, 2);
        DocumentEmbedder e = new DocumentEmbedder(v, TermWeights.uniform(), false);
        assertArrayEquals(new float[] {1, 2}, e.embed(java.util.List.of("a\u3000b")));
        assertArrayEquals(new float[] {2, 3}, e.embed(java.util.List.of("a b", "c")));
    }

    @Test
    void idfWeightedMean() throws IOException {
        Path v = vectors();
        // a comment line has no tab; #good would be a hashtag's weight
        Path idf = TempFiles.write(dir.resolve("idf.tsv"), "# exported idf_\ngood\t1.0\nmovie\t3.0\n#good\t9.0\n");
        // good (1) + movie movie (2 × 3) → (1·(1,0) + 6·(0,2)) / 7
        float[] e = embed(Map.of("vectors", v.toString(), "pooling", "tfidf", "weights", idf.toString()), null, "good movie movie bad");
        assertArrayEquals(new float[] {1 / 7f, 12 / 7f}, e, 1e-6f);
        assertEquals(9.0, TermWeights.load(idf, 0).weight("#good"), "a hashtag's weight, not a comment");
    }

    @Test
    void idfFromAFittedTfidfModel() throws IOException {
        Path v = vectors();
        Path corpus = TempFiles.write(dir.resolve("corpus.txt"), "good movie\nGood film\nbad film\n");
        Path tfidf = dev.nlpipe.core.testing.TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                stages: [ { type: tokenize.regex } ]
                """.formatted(corpus), "tfidf");
        // smooth idf = ln((1+3)/(1+df)) + 1: good (df 2, "Good" lowercased by the model) 1.2877, movie (df 1) 1.6931
        double good = Math.log(4 / 3.0) + 1;
        double movie = Math.log(2) + 1;
        float[] e = embed(Map.of("vectors", v.toString(), "pooling", "tfidf", "weights", tfidf.toString()), null, "good movie");
        assertArrayEquals(new float[] {(float) (good / (good + movie)), (float) (2 * movie / (good + movie))}, e, 1e-6f);

        // a model of word pairs or of character n-grams weighs no single word: refused, not pooled to zeros
        for (String model : List.of("model: { ngramRange: [2, 2] }", "model: { analyzer: char_wb, ngramRange: [2, 3] }")) {
            Path pairs = dev.nlpipe.core.testing.TrainingRuns.train(dir, """
                    task: vectorize.tfidf
                    data: { train: %s, format: text }
                    stages: [ { type: tokenize.regex } ]
                    %s
                    """.formatted(corpus, model), "tfidf-" + model.hashCode());
            var refused = assertThrows(ConfigException.class,
                    () -> embed(Map.of("vectors", v.toString(), "pooling", "tfidf", "weights", pairs.toString()), null, "good movie"));
            assertTrue(refused.getMessage().contains("option 'weights'") && refused.getMessage().contains("give no weight to a single word"),
                    refused.getMessage());
        }
    }

    @Test
    void readsAModelDirectory() throws IOException {
        Word2VecModel m = Word2Vec.train(Corpus.topics("ab", 4, 200, 6, 1).iterator(), Corpus.params()).model();
        m.save(dir.resolve("w2v"), Corpus.params());
        float[] e = embed(Map.of(), dir.resolve("w2v"), "a0 a0");
        assertArrayEquals(m.wordVectors().vector("a0"), e, 1e-6f);
    }

    @Test
    void misconfigurationsFailBeforeAnyDocument() throws IOException {
        Path v = vectors();
        assertThrows(ConfigException.class, () -> embed(Map.of(), null, "x"), "no vectors at all");
        var e = assertThrows(ConfigException.class, () -> embed(Map.of("vectors", dir.resolve("none.bin").toString()), null, "x"));
        assertTrue(e.getMessage().contains("none.bin does not exist"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> embed(Map.of("vectors", v.toString(), "pooling", "tfidf"), null, "x"));
        assertTrue(e.getMessage().contains("needs 'weights: FILE'"), e.getMessage());
        assertThrows(ConfigException.class, () -> Pipeline.builder().inputLayers().add("embed.doc", Map.of("vectors", v.toString())).build(),
                "needs tokens");
    }
}
