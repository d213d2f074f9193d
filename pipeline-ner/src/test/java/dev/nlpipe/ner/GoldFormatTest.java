package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.ner.bilstm.SyntheticCorpus;
import dev.nlpipe.ner.bilstm.Training;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NER task given data in a format without gold entities is told which formats carry them. */
class GoldFormatTest {
    @TempDir
    static Path dir;

    @Test
    void aFormatWithoutEntitiesNamesTheFormatsThatCarryThem() throws IOException {
        // the BMES file read as plain text (no data.format): the advice was to add a stage that provides entities, which is refused
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 10, 1);
        ConfigException e = assertThrows(ConfigException.class, () -> Training.run(dir,
                "task: ner.bilstm-crf\ndata: { train: " + train + " }\n", dir.resolve("model")));
        assertTrue(e.getMessage().contains("data.format 'text' carries no gold entities: set data.format to bmes, conll, cluener or"
                + " jsonl"), e.getMessage());
    }
}
