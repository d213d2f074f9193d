package dev.nlpipe.core.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run removes the temporary files that killed runs to the same output left, and only those. */
class AbandonedTempFilesTest {
    @TempDir
    Path dir;

    private long deadPid;

    @BeforeEach
    void findADeadProcessId() throws Exception {
        deadPid = dev.nlpipe.core.testing.DeadProcesses.pid();
    }

    private void run(String output) throws IOException {
        TempFiles.write(dir.resolve("in.txt"), "one\ntwo\n");
        Path yaml = TempFiles.write(dir.resolve("p.yaml"), "pipeline: t\ninput: { path: " + dir.resolve("in.txt") + ", format: text }\n"
                + "stages: []\noutput: { path: " + output + ", format: jsonl }\n");
        try (Pipeline p = Pipeline.fromYaml(yaml)) {
            p.run(p.defaultRunOptions(false), null);
        }
    }

    private Path temp(String name, long pid) throws IOException {
        return Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("." + name + ".tmp-" + pid + "-1a2b"), "partial");
    }

    @Test
    void aDeadRunsTemporaryOutputAndErrorsFilesAreRemoved() throws IOException {
        Path output = temp("out.jsonl", deadPid);
        Path errors = temp("out.jsonl.errors.jsonl", deadPid);
        run(dir.resolve("out/out.jsonl").toString());
        assertFalse(Files.exists(output));
        assertFalse(Files.exists(errors));
    }

    @Test
    void aLiveProcesssTemporaryFileIsKept() throws IOException {
        Path live = temp("out.jsonl", ProcessHandle.current().pid());
        run(dir.resolve("out/out.jsonl").toString());
        assertTrue(Files.exists(live));
    }

    @Test
    void anotherOutputsTemporaryFileIsKept() throws IOException {
        Path other = temp("other.jsonl", deadPid);
        run(dir.resolve("out/out.jsonl").toString());
        assertTrue(Files.exists(other));
    }

    @Test
    void aDirectoryOutputIsCleanedThroughout() throws IOException {
        Path nested = Files.writeString(Files.createDirectories(dir.resolve("outdir/sub")).resolve(".a.jsonl.tmp-" + deadPid + "-9"), "x");
        run(dir.resolve("outdir").toString() + "/");
        assertFalse(Files.exists(nested));
    }
}
