package dev.nlpipe.ner.bilstm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev data with no gold entity would score 0 every epoch and keep epoch 1: it is refused before training. */
class DevWithoutEntitiesTest {
    @TempDir
    Path dir;

    @Test
    void aDevFileWithoutEntitiesIsRefusedNamingIt() throws Exception {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 20, 1);
        // read with the wrong tag column, as a user might: every tag is "O"
        Path dev = Files.writeString(dir.resolve("dev.bmes"), "我 O\n在 O\n\n他 O\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", dev: " + dev + ", format: bmes }\n"
                + "model: { charDim: 8, hidden: 8 }\n"
                + "train: { epochs: 1, device: cpu, threads: 1 }\n", dir.resolve("m")));
        assertTrue(e.getMessage().contains("data.dev") && e.getMessage().contains("no gold entities"), e.getMessage());
    }
}
