package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.ner.bilstm.SyntheticCorpus;
import dev.nlpipe.ner.bilstm.Training;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev or test data with an entity type the training data lacks (a small training slice) is scored with a warning; dev or test data of none of its types is refused. */
class DevTypesTest {
    @TempDir
    static Path dir;

    /** Training sentences whose LOC entities are untagged, so the model has no LOC tags; dev keeps them. */
    private static Path trainWithoutLoc() throws IOException {
        Path full = SyntheticCorpus.chinese(dir.resolve("full.bmes"), 40, 1);
        List<String> lines = Files.readAllLines(full, StandardCharsets.UTF_8).stream()
                .map(l -> l.endsWith("-LOC") ? l.substring(0, l.indexOf(' ') < 0 ? l.indexOf('\t') : l.indexOf(' ')) + " O" : l).toList();
        return Files.write(dir.resolve("train-no-loc.bmes"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void aBiLstmCrfTrainsAgainstDevDataWithAnUnseenType() throws IOException {
        Path train = trainWithoutLoc();
        Path dev = SyntheticCorpus.chinese(dir.resolve("dev.bmes"), 20, 2);
        assertTrue(Files.readString(dev).contains("-LOC"), "the dev data must hold LOC entities");
        String log = Training.run(dir, Training.chineseYaml(train, dev, dev), dir.resolve("bilstm"), "train.epochs=1");
        assertTrue(log.contains("dev f1"), log);
        assertTrue(log.contains("warning: dev entity types [LOC] never occur in the training data"), log);
        assertTrue(log.contains("warning: test entity types [LOC] never occur in the training data"), log);
        assertTrue(Files.exists(dir.resolve("bilstm/model.json")));
    }

    @Test
    void aLatticeLstmTrainsAgainstDevDataWithAnUnseenType() throws IOException {
        Path train = trainWithoutLoc();
        Path dev = SyntheticCorpus.chinese(dir.resolve("dev.bmes"), 20, 2);
        Path words = Files.write(dir.resolve("words.txt"), SyntheticCorpus.chineseWords());
        String yaml = "task: ner.lattice-lstm\n"
                + "data: { train: " + train + ", dev: " + dev + ", test: " + dev + ", format: bmes }\n"
                + "model: { charDim: 8, bigramDim: 4, wordDim: 4, hidden: 8, lexicon: [" + words + "] }\n"
                + "train: { epochs: 1, batchSize: 8, optimizer: adam, lr: 0.01, device: cpu, threads: 1, seed: 7 }\n";
        String log = Training.run(dir, yaml, dir.resolve("lattice"));
        assertTrue(log.contains("dev f1"), log);
        assertTrue(Files.exists(dir.resolve("lattice/model.json")));
    }

    @Test
    void devDataOfNoTypeTheTrainingDataHasIsRefused() throws IOException {
        // an example's dev split left in place beside one's own training data: no type in common
        Path train = Files.writeString(dir.resolve("own.bmes"), "张 B-PERSON\n伟 E-PERSON\n来 O\n\n李 B-PERSON\n四 E-PERSON\n去 O\n\n");
        Path dev = SyntheticCorpus.chinese(dir.resolve("other-dev.bmes"), 10, 3);
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> Training.run(dir, Training.chineseYaml(train, dev, dev), dir.resolve("mismatch"), "train.epochs=1"));
        assertTrue(e.getMessage().contains("never occur in the training data's [PERSON]") && e.getMessage().contains("--set data.dev="),
                e.getMessage());
    }

    @Test
    void testDataOfNoTypeTheTrainingDataHasIsRefusedBeforeTraining() throws IOException {
        Path train = Files.writeString(dir.resolve("own-t.bmes"), "张 B-PERSON\n伟 E-PERSON\n来 O\n\n李 B-PERSON\n四 E-PERSON\n去 O\n\n");
        Path test = SyntheticCorpus.chinese(dir.resolve("other-test.bmes"), 10, 4);
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> Training.run(dir, Training.chineseYaml(train, train, test), dir.resolve("mismatch-test"), "train.epochs=1"));
        assertTrue(e.getMessage().contains("the test data's entity types") && e.getMessage().contains("never occur in the training data's"
                + " [PERSON]: test F1 would stay 0") && e.getMessage().contains("--set data.test= to score no test split"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("mismatch-test/model.json")), "refused before training");
    }

    @Test
    void aDevFractionBesideDataDevIsSaidToHoldNothingOut() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train-f.bmes"), 40, 1);
        Path dev = SyntheticCorpus.chinese(dir.resolve("dev-f.bmes"), 10, 2);
        String log = Training.run(dir, Training.chineseYaml(train, dev, dev), dir.resolve("fraction"), "train.epochs=1",
                "train.devFraction=0.1");
        assertTrue(log.contains("warning: train.devFraction 0.1 holds nothing out, as data.dev " + dev + " is the dev data"), log);
    }

    @Test
    void aDevFractionThatHoldsOutNoneTrainsWithoutDevDataAsItsWarningSays() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train-n.bmes"), 40, 1);
        String log = Training.run(dir, Training.chineseYaml(train, train, train), dir.resolve("none-held"), "train.epochs=1", "data.dev=",
                "train.devFraction=0.001");
        assertTrue(log.contains("holds out none: no dev data"), log);
        assertTrue(Files.exists(dir.resolve("none-held/model.json")), "trained without dev data: " + log);
    }
}
