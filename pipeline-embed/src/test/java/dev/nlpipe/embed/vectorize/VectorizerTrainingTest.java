package dev.nlpipe.embed.vectorize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.testing.TrainingRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlpipe train} with task vectorize.tfidf / vectorize.count, then the stages loading the model. */
class VectorizerTrainingTest {
    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        return Files.writeString(dir.resolve("corpus.txt"), """
                The cat sat on the mat.
                The dog sat on the log.
                Cats and dogs.
                北京 天安门 北京
                """, StandardCharsets.UTF_8);
    }

    @Test
    void trainsAModelDirectoryThatTheStageLoads() throws IOException {
        Path corpus = corpus();
        Path model = TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                stages: [ { type: tokenize.regex, with: { lowercase: true } } ]
                model: { ngramRange: [1, 2], minDf: 2, sublinearTf: true }
                train: { threads: 2 }
                """.formatted(corpus), "tfidf");
        ModelMeta meta = ModelDir.read(model, 1, "vectorize.tfidf");
        assertEquals(4L, ((Number) meta.get("documents")).longValue());
        Map<String, Object> settings = meta.getMap("vectorizer");
        assertEquals(List.of(1, 2), settings.get("ngramRange"));
        assertEquals(true, settings.get("sublinearTf"));
        assertTrue(meta.get("data") instanceof Map<?, ?>, "data fingerprint");
        assertTrue(Files.exists(model.resolve("metrics.json")));
        List<String> vocab = Files.readAllLines(model.resolve("vocabulary.tsv"));
        assertEquals("term\tdf\tcf\tidf", vocab.get(0));
        assertEquals(List.of(".", "on", "on the", "sat", "sat on", "the"), vocab.subList(1, vocab.size()).stream()
                .map(l -> l.split("\t")[0]).toList());

        try (Pipeline p = Pipeline.builder().add("tokenize.regex", Map.of("lowercase", true))
                .add("vectorize.tfidf", Map.of(), model).build()) {
            Document d = p.process(new Document("x", "The cat sat on the mat.")).get(0);
            SparseVector v = (SparseVector) d.vectors().get("tfidf");
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, v.indices());
            double norm = 0;
            for (double x : v.values()) {
                norm += x * x;
            }
            assertEquals(1.0, norm, 1e-12);
        }
    }

    @Test
    void characterModelsNeedNoTokensAndEscapeTheirTerms() throws IOException {
        Path corpus = Files.writeString(dir.resolve("tabs.txt"), "a\tb\nx\\y\n", StandardCharsets.UTF_8);
        Path model = TrainingRuns.train(dir, """
                task: vectorize.count
                data: { train: %s, format: text }
                model: { analyzer: char, ngramRange: [2, 2], lowercase: false }
                """.formatted(corpus), "chars");
        assertTrue(Files.readString(model.resolve("vocabulary.tsv")).contains("a\\t\t"), "tab written as \\t");
        try (Pipeline p = Pipeline.builder().inputLayers().add("vectorize.count", Map.of("name", "c2"), model).build()) {
            SparseVector v = (SparseVector) p.process(new Document("x", "a\tb x\\y")).get(0).vectors().get("c2");
            VectorizerModel m = VectorizerModelDir.read(model, "t", "vectorize.count");
            assertEquals(List.of("\tb", "\\y", "a\t", "x\\"), List.of(m.vocabulary().terms()));
            assertArrayEquals(new double[] {1, 1, 1, 1}, v.values());
        }
    }

    @Test
    void spillingDuringTrainingGivesTheSameModel() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append("w").append(i % 37).append(" w").append(i % 11).append(" w").append(i % 5).append(" common\n");
        }
        Path corpus = Files.writeString(dir.resolve("many.txt"), sb.toString());
        String yaml = """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\S+', ngramRange: [1, 2], minDf: 2 }
                train: { threads: %d, maxTermsInMemory: %d }
                """;
        Path a = TrainingRuns.train(dir, yaml.formatted(corpus, 1, 1_000_000), "mem");
        Path b = TrainingRuns.train(dir, yaml.formatted(corpus, 2, 20), "spill");
        assertEquals(Files.readString(a.resolve("vocabulary.tsv")), Files.readString(b.resolve("vocabulary.tsv")));
    }

    @Test
    void mistakesAreReportedBeforeAnyDocumentIsRead() throws IOException {
        Path corpus = corpus();
        Path model = TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+' }
                """.formatted(corpus), "m");
        ConfigException fixedByModel = assertThrows(ConfigException.class, () -> Pipeline.builder()
                .add("vectorize.tfidf", Map.of("sublinearTf", true), model).build());
        assertTrue(fixedByModel.getMessage().contains("fixed by the model"), fixedByModel.getMessage());
        ConfigException needsModel = assertThrows(ConfigException.class, () -> Pipeline.builder()
                .add("tokenize.regex").add("vectorize.tfidf").build());
        assertTrue(needsModel.getMessage().contains("model: DIR"), needsModel.getMessage());
        ConfigException wrongKind = assertThrows(ConfigException.class, () -> Pipeline.builder()
                .add("tokenize.regex").add("vectorize.count", Map.of(), model).build());
        assertTrue(wrongKind.getMessage().contains("vectorize.count"), wrongKind.getMessage());
        ConfigException badRange = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+', ngramRange: [2, 1] }
                """.formatted(corpus), "bad"));
        assertTrue(badRange.getMessage().contains("ngramRange"), badRange.getMessage());
        ConfigException together = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                stages: [ { type: tokenize.regx } ]
                model: { tokenPatern: '\\w+' }
                """.formatted(corpus), "together"));
        assertTrue(together.getMessage().contains("tokenPatern") && together.getMessage().contains("tokenize.regx"),
                "a misspelt stage is reported with the other mistakes: " + together.getMessage());
        ConfigException pruned = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+', minDf: 3 }
                """.formatted(corpus), "pruned"));
        assertTrue(pruned.getMessage().contains("no terms remain"), pruned.getMessage());
        assertFalse(Files.exists(dir.resolve("pruned")), "nothing published on failure");
        ConfigException tokens = assertThrows(ConfigException.class, () -> Pipeline.builder().inputLayers()
                .add("vectorize.tfidf", Map.of(), model).add("vectorize.count", Map.of("vocabulary", List.of("a"))).build());
        assertTrue(tokens.getMessage().contains("'tokens'"), "a word model from tokens needs a tokenizer: " + tokens.getMessage());
    }

    @Test
    void fixedVocabularyCountsWithoutAModel() {
        try (Pipeline p = Pipeline.builder().inputLayers(Layer.TOKENS)
                .add("vectorize.count", Map.of("vocabulary", List.of("b", "a"), "binary", true)).build()) {
            Document d = new Document("x", "a b a c").setTokens(List.of(new dev.nlpipe.core.doc.Token("a", 0, 1),
                    new dev.nlpipe.core.doc.Token("b", 2, 3), new dev.nlpipe.core.doc.Token("a", 4, 5)));
            SparseVector v = (SparseVector) p.process(d).get(0).vectors().get("count");
            assertArrayEquals(new int[] {0, 1}, v.indices());
            assertArrayEquals(new double[] {1, 1}, v.values());
        }
    }

    @Test
    void aVocabularyFileKeepsTheSpacesOfCharacterNgrams() throws IOException {
        // scikit-learn's get_feature_names_out() for analyzer char_wb: " a", "a " and " " are terms of their own
        Path vocabulary = Files.writeString(dir.resolve("vocab.txt"), "\uFEFF \n a\na \na\n", StandardCharsets.UTF_8);
        List<String> terms = VectorizerOptions.fixedVocabulary(dev.nlpipe.core.config.Options.of("vectorize.count",
                Map.of("vocabularyFile", vocabulary.toString()), VectorizerOptions.fixedVocabulary()));
        assertEquals(List.of(" ", " a", "a ", "a"), terms);
    }

    @Test
    void aFixedVocabularyTermUnseenWithoutSmoothingIsRefusedNotWrittenAsNaN() throws IOException {
        Path corpus = Files.writeString(dir.resolve("cats.txt"), "the cat\nthe cat sat\n");
        String yaml = """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+', vocabulary: [cat, zebra, the], smoothIdf: %s }
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, yaml.formatted(corpus, false), "raw"));
        assertTrue(e.getMessage().contains("smoothIdf") && e.getMessage().contains("(zebra)"), e.getMessage());
        Path smoothed = TrainingRuns.train(dir, yaml.formatted(corpus, true), "smooth");
        assertTrue(Files.readString(smoothed.resolve("vocabulary.tsv")).contains("zebra"), "smoothing gives it a finite idf");
    }

    @Test
    void normNullIsScikitLearnsNoneNotTheDefault() throws IOException {
        Path corpus = Files.writeString(dir.resolve("norm.txt"), "the cat sat\nthe dog\n");
        Path model = TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+', norm: null }
                """.formatted(corpus), "norm-null");
        assertEquals("none", ModelDir.read(model, 1, "vectorize.tfidf").getMap("vectorizer").get("norm"));
        try (Pipeline p = Pipeline.builder().inputLayers().add("vectorize.tfidf", Map.of(), model).build()) {
            SparseVector v = (SparseVector) p.process(new Document("d", "the cat cat")).get(0).vectors().get("tfidf");
            double squares = 0;
            for (double x : v.values()) {
                squares += x * x;
            }
            assertTrue(squares > 1.5, "not normalized to length 1: " + squares);
        }
    }

    @Test
    void skipStopTokensWithAnAnalysisThatReadsTheTextIsRefused() {
        for (Map<String, Object> with : List.<Map<String, Object>>of(Map.of("tokenPattern", "\\w+", "skipStopTokens", true),
                Map.of("analyzer", "char", "skipStopTokens", false))) {
            ConfigException e = assertThrows(ConfigException.class, () -> Pipeline.builder().add("tokenize.regex")
                    .add("vectorize.hashing", with).build(), with::toString);
            assertTrue(e.getMessage().contains("skipStopTokens") && e.getMessage().contains("stopWords"), e.getMessage());
        }
    }

    @Test
    void capitalsThatLowercasingMakesUnmatchableAreRefused() throws IOException {
        Path corpus = Files.writeString(dir.resolve("caps.txt"), "Beijing is big\nThe city\n");
        ConfigException vocab = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: vectorize.count
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+', vocabulary: [Beijing, the] }
                """.formatted(corpus), "capvocab"));
        assertTrue(vocab.getMessage().contains("term 'Beijing' can never match"), vocab.getMessage());
        ConfigException stops = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+', stopWords: [The, is] }
                """.formatted(corpus), "capstops"));
        assertTrue(stops.getMessage().contains("stop word 'The' can never match"), stops.getMessage());
        TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+', stopWords: [The, is], lowercase: false }
                """.formatted(corpus), "keepcase");
        // both cases listed (Baidu's stop words hold zt and ZT): the lower-case one matches, nothing is lost
        TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+', stopWords: [zt, ZT, the] }
                """.formatted(corpus), "bothcases");
        ConfigException hashing = assertThrows(ConfigException.class, () -> Pipeline.builder().add("tokenize.regex")
                .add("vectorize.hashing", Map.of("stopWords", List.of("And"))).build());
        assertTrue(hashing.getMessage().contains("stop word 'And'"), hashing.getMessage());
    }

    @Test
    void anEmptyCorpusIsNamedAsSuchNotBlamedOnMaxDf() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n\n   \n");
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+' }
                """.formatted(blank), "empty"));
        assertTrue(e.getMessage().contains("data.train: no documents in") && !e.getMessage().contains("maxDf"), e.getMessage());
    }

    @Test
    void aHugeNgramRangeIsRefusedAtLoadInsteadOfHanging() throws IOException {
        Path corpus = corpus();
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                model: { tokenPattern: '\\w+', ngramRange: [1, 2147483647] }
                """.formatted(corpus), "huge"));
        assertEquals(3, e.location().line(), e.getMessage());
    }
}
