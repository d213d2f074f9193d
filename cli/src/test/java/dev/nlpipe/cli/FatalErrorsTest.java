package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Error that reaches the top (out of memory, a bug) is one line and exit code 3, as the README promises. */
class FatalErrorsTest {
    @TempDir
    Path dir;

    @Test
    void anErrorInAStageExitsWithTheRuntimeCodeAndOneLine() {
        Path in = TempFiles.write(dir.resolve("in.txt"), "ok\nFAIL here\n");
        Path yaml = TempFiles.write(dir.resolve("p.yaml"), "pipeline: x\ninput: { path: " + in + ", format: text }\n"
                + "stages:\n  - type: test.fail\n    with: { fatal: true }\noutput: { path: " + dir.resolve("out.jsonl") + " }\n");
        CliTest.Result r = nlpipe("run", yaml.toString());
        assertEquals(ExitCodes.RUNTIME, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void outOfMemoryNamesTheOptionsToChange() {
        String line = FatalErrors.describe(new OutOfMemoryError("Java heap space"));
        assertTrue(line.contains("batchSize") && line.contains("-Xmx"), line);
    }

    @Test
    void outOfThreadsNamesTheThreadsOption() {
        String line = FatalErrors.describe(new OutOfMemoryError("unable to create native thread: possibly out of memory"));
        assertTrue(line.contains("threads"), line);
    }
}
