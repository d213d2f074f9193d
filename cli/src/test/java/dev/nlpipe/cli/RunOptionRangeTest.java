package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --threads and --batch-size outside their range are usage errors, like the same keys in the pipeline file. */
class RunOptionRangeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"--threads,-5", "--threads,0", "--threads,50000", "--batch-size,-1", "--batch-size,0", "--batch-size,2147483647"})
    void anOutOfRangeRunOptionExitsWithTheUsageCode(String option, String value) {
        Path in = TempFiles.write(dir.resolve("in.txt"), "a\n");
        Path yaml = TempFiles.write(dir.resolve("p.yaml"), "pipeline: x\ninput: { path: " + in + ", format: text }\nstages: []\n"
                + "output: { path: " + dir.resolve("out.jsonl") + " }\n");
        assertEquals(ExitCodes.CONFIG, nlpipe("run", yaml.toString(), option, value).code());
    }
}
