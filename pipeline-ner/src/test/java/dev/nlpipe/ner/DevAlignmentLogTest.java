package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.ner.bilstm.Training;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training log says when dev gold entities were dropped, since dev F1 then leaves them out. */
class DevAlignmentLogTest {
    private static final String LINE = "{\"text\": \"张三在华为公司工作\", \"label\": {\"name\": {\"张三\": [[0, 1]]}, \"company\": {\"华为公司\": [[3, 6]]}}}\n";
    // 华为 as an address inside 华为公司: two entities over the same characters, one of which the tags cannot hold
    private static final String OVERLAP = "{\"text\": \"张三在华为公司工作\", \"label\": {\"name\": {\"张三\": [[0, 1]]}, \"company\": {\"华为公司\": [[3, 6]]},"
            + " \"address\": {\"华为\": [[3, 4]]}}}\n";

    @Test
    void droppedDevEntitiesAreLoggedAndCleanDevDataSaysNothing(@TempDir Path dir) throws IOException {
        Path train = Files.writeString(dir.resolve("train.json"), LINE.repeat(20));
        Path clean = Files.writeString(dir.resolve("clean.json"), LINE.repeat(3));
        Path overlapping = Files.writeString(dir.resolve("overlapping.json"), OVERLAP + LINE);
        String yaml = "task: ner.bilstm-crf\ndata: { train: %s, dev: %s, format: cluener }\nmodel: { charDim: 4, bigramDim: 4, hidden: 4 }\n"
                + "train: { epochs: 1, device: cpu, threads: 1 }\n";
        String cleanLog = Training.run(dir, yaml.formatted(train, clean), dir.resolve("clean-model"));
        assertFalse(cleanLog.contains("dev: gold entities"), cleanLog);
        String log = Training.run(dir, yaml.formatted(train, overlapping), dir.resolve("overlap-model"));
        assertTrue(log.contains("dev: gold entities 4 exact, 0 shrunk to char boundaries, 1 dropped"), log);
    }
}
