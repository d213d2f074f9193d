package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model directory holding only a minimal model.json is a configuration error in words, not a NullPointerException's text. */
class MinimalNerModelTest {
    @TempDir
    Path dir;

    @Test
    void aMinimalNerModelDirectoryIsRefusedInWords() {
        Path m = dir.resolve("m");
        TempFiles.write(m.resolve("model.json"), "{\"kind\":\"ner.bilstm-crf\",\"formatVersion\":1}");
        Path in = TempFiles.write(dir.resolve("in.txt"), "张三在北京\n");
        Path yaml = TempFiles.write(dir.resolve("p.yaml"), "pipeline: x\ninput: { path: " + in + ", format: text }\n"
                + "stages:\n  - type: ner\n    model: " + m + "\noutput: { path: " + dir.resolve("o.jsonl") + " }\n");
        CliTest.Result r = CliTest.nlpipe("run", yaml.toString());
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertFalse(r.err().contains("Cannot invoke") || r.err().contains("NullPointerException"), r.err());
    }
}
