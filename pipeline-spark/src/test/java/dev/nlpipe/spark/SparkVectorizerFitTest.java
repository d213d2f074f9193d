package dev.nlpipe.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.testing.TrainingRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distributed fit against {@code nlpipe train} on the same corpus and training file. */
class SparkVectorizerFitTest {
    @TempDir
    static Path dir;
    static Path corpus;

    @BeforeAll
    static void copyCorpus() throws IOException {
        corpus = TestCorpus.copy(dir);
    }

    /** {@code spark-submit … nlpipe-spark.jar fit TRAINING.yaml --output DIR}. */
    private static Path fitOnSpark(String name, String yaml) throws IOException {
        return fitOnSpark(name, yaml, new StringBuilder());
    }

    /** {@link #fitOnSpark(String, String)}, appending the job's log to {@code log}. */
    private static Path fitOnSpark(String name, String yaml, StringBuilder log) throws IOException {
        Path file = Files.writeString(dir.resolve(name + "-spark.yaml"), yaml, StandardCharsets.UTF_8);
        Path out = dir.resolve(name + "-spark");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = NlpipeSparkJob.run(LocalSpark.get(), new String[] {"fit", file.toString(), "--output", out.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.append(bytes.toString(StandardCharsets.UTF_8));
        assertEquals(0, code, log::toString);
        return out;
    }

    private static void assertSameModel(Path local, Path spark) throws IOException {
        assertEquals(Files.readAllLines(local.resolve("vocabulary.tsv")), Files.readAllLines(spark.resolve("vocabulary.tsv")));
        ModelMeta a = ModelDir.read(local, 1, "vectorize.tfidf", "vectorize.count");
        ModelMeta b = ModelDir.read(spark, 1, "vectorize.tfidf", "vectorize.count");
        assertEquals(a.get("documents"), b.get("documents"));
        assertEquals(a.getMap("vectorizer"), b.getMap("vectorizer"));
    }

    @Test
    void aUriOutputIsRefusedRatherThanWrittenAsALocalDirectoryNamedAfterIt() throws IOException {
        Path file = Files.writeString(dir.resolve("uri-out.yaml"), "task: vectorize.tfidf\ndata: { train: " + corpus + ", format: text }\n",
                StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String uri = "file://" + dir.resolve("uri-model");
        int code = NlpipeSparkJob.run(LocalSpark.get(), new String[] {"fit", file.toString(), "--output", uri},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(2, code, bytes::toString);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("give a local path"), bytes::toString);
        assertFalse(Files.exists(Path.of("file:")), "no directory named after the scheme in the working directory");
    }

    @Test
    void tfidfVocabularyAndIdfEqualNlpipeTrain() throws IOException {
        String yaml = """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                stages: [ { type: segment } ]
                model: { ngramRange: [1, 2], minDf: 2, sublinearTf: true }
                """.formatted(corpus);
        Path local = TrainingRuns.train(dir, yaml, "tfidf-local");
        Path spark = fitOnSpark("tfidf", yaml);
        assertSameModel(local, spark);
        assertTrue(Files.readAllLines(spark.resolve("vocabulary.tsv")).size() > 10, "a vocabulary worth comparing");
    }

    @Test
    void tasksThatSpillHandOverMergedRunsAndFitAsNlpipeTrain() throws IOException {
        // five terms in memory: every task spills many runs and merges them into one before handing it over
        String yaml = """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                stages: [ { type: segment } ]
                model: { ngramRange: [1, 2], minDf: 2 }
                train: { maxTermsInMemory: 5 }
                """.formatted(corpus);
        Path spark = fitOnSpark("tfidf-spilled", yaml);
        assertSameModel(TrainingRuns.train(dir, yaml, "tfidf-spilled-local"), spark);
        assertTrue(Files.readAllLines(spark.resolve("vocabulary.tsv")).size() > 10, "a vocabulary worth comparing");
        // as nlpipe train refuses it: 0 was taken for the automatic budget
        Path zero = Files.writeString(dir.resolve("tfidf-zero.yaml"), yaml.replace("maxTermsInMemory: 5", "maxTermsInMemory: 0"),
                StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> SparkVectorizerFit.fit(LocalSpark.get(), zero, List.of(),
                dir.resolve("tfidf-zero"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("maxTermsInMemory") && e.getMessage().contains("at least 1"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("tfidf-zero")));
    }

    @Test
    void countWithMaxFeaturesEqualsNlpipeTrain() throws IOException {
        String yaml = """
                task: vectorize.count
                data: { train: %s, format: text }
                model: { analyzer: char, ngramRange: [1, 2], maxFeatures: 40, binary: true }
                """.formatted(corpus);
        assertSameModel(TrainingRuns.train(dir, yaml, "count-local"), fitOnSpark("count", yaml));
    }

    @Test
    void aLargeTrainingFileSplitAcrossTasksFitsAsNlpipeTrain() throws IOException {
        Path one = dir.resolve("one-file.txt");
        Files.write(one, Files.readAllBytes(corpus.resolve("a.txt")));
        Files.write(one, Files.readAllBytes(corpus.resolve("b.txt")), java.nio.file.StandardOpenOption.APPEND);
        String yaml = """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                stages: [ { type: segment } ]
                model: { minDf: 2 }
                """.formatted(one);
        Path local = TrainingRuns.train(dir, yaml, "split-local");
        StringBuilder log = new StringBuilder();
        LocalSpark.get().conf().set(FileSplits.MAX_PARTITION_BYTES, "64");
        Path spark;
        try {
            spark = fitOnSpark("split", yaml, log);
        } finally {
            LocalSpark.get().conf().unset(FileSplits.MAX_PARTITION_BYTES);
        }
        assertTrue(log.toString().contains("1 files in " + (Files.size(one) + 63) / 64 + " partitions"), log::toString);
        assertSameModel(local, spark);
        assertTrue(Files.readAllLines(spark.resolve("vocabulary.tsv")).size() > 10, "a vocabulary worth comparing");
    }

    @Test
    void otherTasksAreLeftToNlpipeTrain() throws IOException {
        Path file = Files.writeString(dir.resolve("w2v.yaml"), """
                task: embed.word2vec
                data: { train: %s, format: text }
                """.formatted(corpus), StandardCharsets.UTF_8);
        assertThrows(ConfigException.class, () -> SparkVectorizerFit.fit(LocalSpark.get(), file, List.of(), dir.resolve("w2v"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
}
