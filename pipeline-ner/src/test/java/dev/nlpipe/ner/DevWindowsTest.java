package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.ner.bilstm.SyntheticCorpus;
import dev.nlpipe.ner.bilstm.Training;
import dev.nlpipe.ner.data.SequenceWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev F1 during training is scored on the decoding the model is used with: a sentence longer than
 * {@link SequenceWindows#RECURRENT_LIMIT} units is tagged in windows, and dev read it whole, so the
 * epoch kept was chosen on scores the tagger never gives.
 */
class DevWindowsTest {
    @TempDir
    static Path dir;

    @Test
    void aLongDevSentenceIsScoredInTheWindowsItIsTaggedIn() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 80, 1);
        // 150 sentences joined into one of well over 1,000 characters
        String joined = Files.readString(SyntheticCorpus.chinese(dir.resolve("source.bmes"), 150, 2)).replace("\n\n", "\n");
        Path longOne = Files.writeString(dir.resolve("long.bmes"), joined);
        assertTrue(joined.lines().count() > SequenceWindows.RECURRENT_LIMIT, "units: " + joined.lines().count());
        Path out = dir.resolve("model");
        String log = Training.run(dir, Training.chineseYaml(train, longOne, longOne), out, "train.epochs=3");
        assertTrue(log.contains("dev: 1 sequence longer than 1,000 units scored in the overlapping windows tagging reads it in"), log);
        Map<?, ?> metrics = DocumentJson.mapper().readValue(out.resolve("metrics.json").toFile(), Map.class);
        double dev = ((Number) ((Map<?, ?>) metrics.get("dev")).get("f1")).doubleValue();
        double test = ((Number) ((Map<?, ?>) metrics.get("test")).get("f1")).doubleValue();
        assertTrue(test > 0.2, "the model finds entities: " + metrics);
        assertEquals(test, dev, 1e-9, "the kept epoch's dev F1 is what the tagger gives on the same file: " + metrics);
    }
}
