package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home directory is judged as DJL judges it before it picks where to extract the natives. */
class NeuralEngineHomeTest {
    @TempDir
    Path dir;

    @Test
    void aHomeThatCannotBeWrittenIsNamedWithTheFix() {
        // DJL falls back to the shared temporary directory for a home it cannot write (here: one that does not exist)
        String problem = NeuralEngine.homeProblem(dir.resolve("no-such-home"));
        assertNotNull(problem);
        assertTrue(problem.contains("no-such-home") && problem.contains("DJL_CACHE_DIR"), problem);
    }

    @Test
    void aWritableHomeWithAFilledReadOnlyCacheServes() throws IOException {
        Path cache = Files.createDirectories(dir.resolve(".djl.ai/pytorch"));
        Files.setPosixFilePermissions(cache.getParent(), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertNull(NeuralEngine.homeProblem(dir), "DJL uses ~/.djl.ai as it is when the home can be written");
        } finally {
            Files.setPosixFilePermissions(cache.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
