package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/build-lock.sh, which ./nlpipe and ./run-tests source so that two builds never write one
 * checkout's target directories at once. Where the machine has no flock the function must do
 * nothing and let the script go on.
 */
class BuildLockTest {
    private static final Path SCRIPT = Path.of("..", "bin", "build-lock.sh").toAbsolutePath().normalize();

    private static boolean hasFlock() throws IOException, InterruptedException {
        return new ProcessBuilder("bash", "-c", "command -v flock").start().waitFor() == 0;
    }

    private static Process bash(Path dir, String script) throws IOException {
        return new ProcessBuilder("bash", "-c", "source '" + SCRIPT + "'; " + script).directory(dir.toFile())
                .redirectError(dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile()).start();
    }

    private static String stderr(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("stderr-")).toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static void awaitFile(Path file, Process owner) throws InterruptedException {
        while (!Files.exists(file) && owner.isAlive()) {
            Thread.sleep(20);
        }
    }

    @Test
    void aSecondBuildWaitsUntilTheFirstHasFinished(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.txt");
        Process first = bash(dir, "nlpipe_build_lock . first; echo first-start >> log.txt; sleep 2; echo first-end >> log.txt");
        awaitFile(log, first);
        Process second = bash(dir, "nlpipe_build_lock . second; echo second >> log.txt");
        assertEquals(0, first.waitFor());
        assertEquals(0, second.waitFor());
        if (hasFlock()) {
            assertEquals(List.of("first-start", "first-end", "second"), Files.readAllLines(log));
            assertTrue(stderr(dir).contains("second: another build or test run is using this checkout; waiting"), stderr(dir));
        } else {
            assertEquals(3, Files.readAllLines(log).size(), "without flock both run, unlocked");
        }
    }

    @Test
    void aProcessStartedAfterTheUnlockDoesNotHoldTheLock(@TempDir Path dir) throws Exception {
        Path started = dir.resolve("started.txt");
        Process launcher = bash(dir, "nlpipe_build_lock . nlpipe; nlpipe_build_unlock; echo > started.txt; exec sleep 5");
        awaitFile(started, launcher);
        Process next = bash(dir, "command -v flock >/dev/null || exit 0; exec 9>target/build.lock; flock -n 9");
        assertEquals(0, next.waitFor(), "the lock is free while the program the launcher started still runs");
        launcher.destroy();
        launcher.waitFor();
    }
}
