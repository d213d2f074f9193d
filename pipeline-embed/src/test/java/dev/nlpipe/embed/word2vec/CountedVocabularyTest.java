package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.run.DocumentStream;
import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training from a vocabulary counted beforehand ({@code model.vocabulary}), as the Spark count writes it. */
class CountedVocabularyTest {
    @TempDir
    Path dir;
    Path config;
    Path counted;

    @BeforeEach
    void countTheCorpus() throws IOException {
        config = TempFiles.write(dir.resolve("w2v.yaml"), """
                task: embed.word2vec
                data: { train: %s, format: text }
                model: { dim: 10, window: 3, minCount: 2, maxVocab: 12, sample: 0 }
                train: { epochs: 2, threads: 1, seed: 5 }
                """.formatted(corpus("corpus", 5)));
        counted = dir.resolve("vocab");
        // What the Spark count does, in one part.
        try (TrainingJob job = TrainingJob.prepare(TrainConfig.load(config, List.of()), counted, quiet())) {
            job.run(j -> {
                try (WordCounter counter = new WordCounter(0, 5); DocumentStream docs = j.documents("train", 1)) {
                    long n = 0;
                    for (; docs.hasNext(); n++) {
                        counter.add(Word2VecTask.tokens(docs.next()));
                    }
                    CountedVocabulary.write(j, WordCounter.merge(counter.finishRun().stream().toList(), 2, 12), n, 0);
                }
            });
        }
    }

    private Path corpus(String name, long seed) {
        String text = Corpus.topics("abc", 7, 300, 6, seed).stream().map(s -> String.join(" ", s)).collect(Collectors.joining("\n"));
        return TempFiles.write(dir.resolve(name + "/part.txt"), text + "\n").getParent();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private Path train(String name, String... sets) throws IOException {
        Path out = dir.resolve(name);
        try (TrainingJob job = TrainingJob.prepare(TrainConfig.load(config, List.of(sets)), out, quiet())) {
            job.run();
        }
        return out;
    }

    @Test
    void trainsTheVectorsOfTrainingThatCountsItself() throws IOException {
        WordVectors expected = WordVectors.load(train("counting").resolve("vectors.bin"));
        WordVectors actual = WordVectors.load(train("from-count", "model.vocabulary=" + counted).resolve("vectors.bin"));
        assertArrayEquals(expected.words(), actual.words());
        assertArrayEquals(expected.matrix(), actual.matrix());
    }

    @Test
    void countsOfOtherDataAreRefused() {
        Path other = corpus("other", 6);
        var e = assertThrows(ConfigException.class, () -> train("other-model", "model.vocabulary=" + counted, "data.train=" + other));
        assertTrue(e.getMessage().contains("option 'vocabulary'"), e.getMessage());
    }

    @Test
    void dataWithWordsTheVocabularyDoesNotHoldIsRefused() throws IOException {
        // the counted corpus plus a word seen 2000 times: every word of the vocabulary keeps its count
        Path more = corpus("more", 5);
        TempFiles.write(more.resolve("new.txt"), "novel\n".repeat(2000));
        var e = assertThrows(ConfigException.class, () -> train("more-model", "model.vocabulary=" + counted, "data.train=" + more));
        assertTrue(e.getMessage().contains("option 'vocabulary'") && e.getMessage().contains("2000 more"), e.getMessage());
    }

    @Test
    void anotherMinCountIsRefused() {
        var e = assertThrows(ConfigException.class, () -> train("min3", "model.vocabulary=" + counted, "model.minCount=3"));
        assertTrue(e.getMessage().contains("option 'minCount'"), e.getMessage());
    }

    @Test
    void phraseDetectionIsRefused() {
        var e = assertThrows(ConfigException.class, () -> train("phrases", "model.vocabulary=" + counted, "model.phrases=1"));
        assertTrue(e.getMessage().contains("option 'phrases'"), e.getMessage());
    }

    @Test
    void continuingAModelIsRefused() {
        var e = assertThrows(ConfigException.class, () -> train("continued", "model.vocabulary=" + counted, "train.continueFrom=" + counted));
        assertTrue(e.getMessage().contains("option 'continueFrom'"), e.getMessage());
    }
}
