package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code task: embed.word2vec} as {@code nlpipe train} runs it. */
class Word2VecTaskTest {
    @TempDir
    Path dir;

    private Path corpus() {
        String text = Corpus.topics("abc", 6, 1500, 8, 5).stream()
                .map(s -> s.stream().map(w -> w.toUpperCase(java.util.Locale.ROOT)).collect(Collectors.joining("  ")))
                .collect(Collectors.joining("\n"));
        return TempFiles.write(dir.resolve("corpus/part1.txt"), text + "\n");
    }

    private Path config(String extra) {
        return TempFiles.write(dir.resolve("w2v.yaml"), """
                task: embed.word2vec
                data: { train: %s, format: text }
                stages:
                  - type: tokenize.regex
                    with: { pattern: '\\S+', lowercase: true }
                model: { dim: 12, window: 3, minCount: 1, sample: 0%s }
                train: { epochs: 4, threads: 1, seed: 3 }
                """.formatted(corpus().getParent(), extra));
    }

    private Path train(Path cfg, String... sets) throws IOException {
        Path out = dir.resolve("model");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of(sets)), out, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            job.run();
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("words/s"), log.toString(StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void writesAModelDirectoryWithBothFormatsAndMetrics() throws IOException {
        Path out = train(config(""));
        JsonNode meta = DocumentJson.mapper().readTree(out.resolve("model.json").toFile());
        assertEquals("embed.word2vec", meta.get("kind").asText());
        assertEquals(12, meta.get("dim").asInt());
        assertEquals(18, meta.get("vocabSize").asInt());
        assertEquals("skipgram", meta.get("word2vec").get("arch").asText());
        assertEquals(3, meta.get("seed").asInt());
        assertTrue(meta.get("data").get("train").get(0).get("sha256").asText().length() == 64, "data fingerprint");
        JsonNode metrics = DocumentJson.mapper().readTree(out.resolve("metrics.json").toFile());
        assertTrue(metrics.get("words_per_second").asLong() > 0);
        assertEquals(12_000, metrics.get("train_words").asLong());
        WordVectors bin = WordVectors.load(out.resolve("vectors.bin"));
        WordVectors txt = WordVectors.load(out.resolve("vectors.txt"));
        assertArrayEquals(bin.words(), txt.words());
        assertArrayEquals(bin.matrix(), txt.matrix(), 1e-6f);
        assertTrue(bin.contains("a0"), "lowercased by the stage");
        assertTrue(Corpus.topicPurity(bin, 4) > 0.9);
        // the training's lock file (.model.lock, empty) stays by design; its temporary directory must not
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith(".model.tmp-")), "no temporary directory left");
    }

    @Test
    void withoutATokenizerTextIsSplitOnWhitespace() throws IOException {
        Path cfg = TempFiles.write(dir.resolve("plain.yaml"), """
                task: embed.word2vec
                data: { train: %s, format: text }
                model: { dim: 8, minCount: 1, sample: 0 }
                train: { epochs: 1, threads: 2 }
                """.formatted(corpus()));
        WordVectors v = WordVectors.load(train(cfg));
        assertTrue(v.contains("A0"));
        assertEquals(18, v.size());
    }

    @Test
    void continuesAnExistingModel() throws IOException {
        Path first = train(config(""));
        Path moved = Files.move(first, dir.resolve("first"));
        TempFiles.write(dir.resolve("more/new.txt"), "zeta eta zeta eta zeta eta\nzeta eta theta\n");
        Path out = train(config(""), "train.continueFrom=" + moved, "data.train=" + dir.resolve("more"));
        WordVectors before = WordVectors.load(moved);
        WordVectors after = WordVectors.load(out);
        assertEquals(before.size() + 3, after.size());
        assertArrayEquals(before.vector("a0"), after.vector("a0"), "old words not in the new corpus keep their vectors");
        JsonNode meta = DocumentJson.mapper().readTree(out.resolve("model.json").toFile());
        assertEquals(moved.toString(), meta.get("continuedFrom").get("path").asText());
    }

    @Test
    void badOptionsAreLocatedBeforeReading() {
        var e = assertThrows(ConfigException.class, () -> train(config(", negative: 0")));
        assertTrue(e.getMessage().contains("w2v.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("option 'negative'") && e.getMessage().contains("hierarchical softmax"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> train(config(", arch: glove")));
        assertTrue(e.getMessage().contains("must be one of skipgram, cbow"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> train(config(""), "train.epochs=0"));
        assertTrue(e.getMessage().contains("option 'epochs'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> train(config(", phrases: 1, phraseThreshold: 0")));
        assertTrue(e.getMessage().contains("option 'phraseThreshold'") && e.getMessage().contains("must be positive"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> train(config(", minCont: 2")));
        assertTrue(e.getMessage().contains("unknown option 'minCont'") && e.getMessage().endsWith("--set model.minCont="), e.getMessage());
    }

    @Test
    void anOutputInsideTheTrainingDataIsRefusedBeforeTraining() {
        Path cfg = config("");
        Path inside = corpus().getParent().resolve("w2v");
        var e = assertThrows(ConfigException.class, () -> TrainingJob.prepare(TrainConfig.load(cfg, List.of()), inside,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).close());
        assertTrue(e.getMessage().contains("inside the directory of data.train") && e.getMessage().contains("outside data.train"),
                e.getMessage());
        assertFalse(Files.exists(inside), "nothing written into the data");
    }

    @Test
    void aDevOrTestSplitItNeverReadsIsRefused() {
        // they were fingerprinted into model.json and never read: word2vec computes no scores on them
        Path cfg = config("");
        for (String split : List.of("dev", "test")) {
            var e = assertThrows(ConfigException.class, () -> train(cfg, "data." + split + "=" + corpus()));
            assertTrue(e.getMessage().contains("data." + split + ": task 'embed.word2vec' reads only data.train (it computes no scores"
                    + " on other data); remove data." + split + " (--set data." + split + "=)"), e.getMessage());
        }
    }

    @Test
    void aTrainingThatDivergesFailsNamingAlphaAndWritesNoModel() {
        var e = assertThrows(ConfigException.class, () -> train(config(""), "train.alpha=1000"));
        assertTrue(e.getMessage().contains("option 'alpha'") && e.getMessage().contains("diverged"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("model")), "no model of NaN vectors");
    }

    @Test
    void aLineTooLongForTheTrainingNamesTheTrainingFilesKey() throws IOException {
        Path text = TempFiles.write(dir.resolve("long/a.txt"), "one two three\n".repeat(20) + "four ".repeat(40) + "\n");
        Path cfg = TempFiles.write(dir.resolve("long.yaml"), """
                task: embed.word2vec
                data: { train: %s, format: text, maxLineLength: 64 }
                model: { dim: 4, minCount: 1, sample: 0 }
                train: { epochs: 1, threads: 1 }
                """.formatted(text));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of()), dir.resolve("m"),
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            job.run();
        }
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("a.txt:21: line longer than 64 bytes (raise data.maxLineLength to read it)"), said);
    }

    @Test
    void theDataFingerprintListsTheFilesTrainingRead() throws IOException {
        Path cfg = config("");
        TempFiles.write(corpus().resolveSibling("SOURCE.md"), "where the corpus came from\n");
        TempFiles.write(corpus().resolveSibling(".hidden.txt"), "an editor's swap file\n");
        JsonNode train = DocumentJson.mapper().readTree(train(cfg, "data.glob=*.txt").resolve("model.json").toFile()).get("data").get("train");
        assertEquals(1, train.size(), train.toString());
        assertEquals(corpus().toString(), train.get(0).get("path").asText());
    }
}
