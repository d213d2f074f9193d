package dev.nlpipe.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.testing.TrainingRuns;
import dev.nlpipe.embed.word2vec.WordVectors;
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

/** Word2vec's vocabulary counted on Spark against the count {@code nlpipe train} makes itself. */
class SparkWord2VecCountTest {
    /** Small enough that each corpus file is read by several tasks, so words first appear in different parts. */
    private static final int SPLIT_BYTES = 300;

    @TempDir
    static Path dir;
    static Path corpus;
    static Path local;
    static Path counted;

    @BeforeAll
    static void countOnSparkAndLocally() throws IOException {
        corpus = TestCorpus.copy(dir);
        local = TrainingRuns.train(dir, yaml(""), "w2v-local");
        LocalSpark.get().conf().set(FileSplits.MAX_PARTITION_BYTES, Integer.toString(SPLIT_BYTES));
        try {
            counted = dir.resolve("vocab-spark");
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int code = fit(yaml(""), counted, log);
            assertEquals(0, code, () -> log.toString(StandardCharsets.UTF_8));
        } finally {
            LocalSpark.get().conf().unset(FileSplits.MAX_PARTITION_BYTES);
        }
    }

    /** A training file whose vocabulary has ties of count and is cut by maxVocab. */
    private static String yaml(String extraModel) {
        return """
                task: embed.word2vec
                data: { train: %s, format: text }
                stages: [ { type: segment } ]
                model: { dim: 8, window: 3, negative: 3, minCount: 2, maxVocab: 20, sample: 0%s }
                train: { epochs: 2, threads: 1, seed: 7 }
                """.formatted(corpus, extraModel);
    }

    /** {@code spark-submit … nlpipe-spark.jar fit TRAINING.yaml --output DIR}. */
    private static int fit(String yaml, Path out, ByteArrayOutputStream log) throws IOException {
        Path file = Files.writeString(dir.resolve(out.getFileName() + ".yaml"), yaml, StandardCharsets.UTF_8);
        return NlpipeSparkJob.run(LocalSpark.get(), new String[] {"fit", file.toString(), "--output", out.toString()},
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void countedVocabularyIsTheOneTrainingCounts() throws IOException {
        List<String> expected = Files.readAllLines(local.resolve("vocab.tsv"));
        assertEquals(expected, Files.readAllLines(counted.resolve("vocab.tsv")));
        assertEquals(20, expected.size(), "cut by maxVocab");
        long ties = java.util.stream.IntStream.range(1, expected.size())
                .filter(i -> expected.get(i).split("\t")[1].equals(expected.get(i - 1).split("\t")[1])).count();
        assertTrue(ties >= 5, () -> "words of equal count, whose order is their first appearance: " + expected);
    }

    @Test
    void trainingFromTheCountedVocabularyGivesTheSameVectors() throws IOException {
        StringBuilder log = new StringBuilder();
        Path fromCount = TrainingRuns.train(dir, yaml(", vocabulary: " + counted), "w2v-from-spark", log);
        assertTrue(log.toString().contains("vocabulary counted beforehand"), log.toString());
        WordVectors expected = WordVectors.load(local.resolve("vectors.bin"));
        WordVectors actual = WordVectors.load(fromCount.resolve("vectors.bin"));
        assertArrayEquals(expected.words(), actual.words());
        assertArrayEquals(expected.matrix(), actual.matrix());
    }

    @Test
    void phraseDetectionIsRefusedBeforeCounting() throws IOException {
        Path out = dir.resolve("vocab-phrases");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals(2, fit(yaml(", phrases: 1"), out, log), () -> log.toString(StandardCharsets.UTF_8));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("phrases"), () -> log.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(out));
    }

    @Test
    void badTrainingRecordsAreNamedWithTheirFileAndLine() throws IOException {
        Path broken = dir.resolve("broken.txt");
        Files.write(broken, new byte[] {'a', ' ', 'b', '\n', (byte) 0xC3, '(', '\n', 'c', ' ', 'd', '\n'});
        Path out = dir.resolve("vocab-broken");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String yaml = yaml("").replace(corpus.toString(), broken.toString()).replace("minCount: 2", "minCount: 1");
        assertEquals(0, fit(yaml, out, log), () -> log.toString(StandardCharsets.UTF_8));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("bad record: " + broken + ":2: invalid UTF-8"),
                () -> log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dataWithoutDocumentsIsRefusedAsNlpipeTrainRefusesIt() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n\n   \n", StandardCharsets.UTF_8);
        Path out = dir.resolve("vocab-blank");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals(2, fit(yaml("").replace(corpus.toString(), blank.toString()), out, log), () -> log.toString(StandardCharsets.UTF_8));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("data.train: no documents in"), () -> log.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(out.resolve("vocab.tsv")));
    }
}
