package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path tmp;

    @Test
    void aTargetAppearsOnlyWhenCommitted() throws Exception {
        Path target = tmp.resolve("sub/out.txt");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.writer().write("hello");
            assertFalse(Files.exists(target));
            assertEquals(OptionalLong.of(ProcessHandle.current().pid()), TempNames.owner(f.temp()));
            f.commit();
        }
        assertEquals("hello", Files.readString(target));
        try (AtomicFile f = AtomicFile.create(target)) {
            f.writer().write("half");
        }
        assertEquals("hello", Files.readString(target), "an aborted write leaves the target as it was");
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "and no temporary file");
        }
    }

    @Test
    void theExitLetsAwaitedWorkCommitItsFileBeforeRemovingTheUncommittedOnes() throws Exception {
        Path done = tmp.resolve("checkpoint.bin");
        AtomicFile finishing = AtomicFile.create(done);
        finishing.writer().write("complete");
        AtomicFile abandoned = AtomicFile.create(tmp.resolve("output.jsonl"));
        abandoned.writer().write("{\"id\":");
        boolean[] ran = {false};
        // what the shutdown gate does: the step under way (here the checkpoint's commit) finishes first
        AtomicFile.awaitAtExit(() -> {
            if (!ran[0]) {
                ran[0] = true;
                try {
                    finishing.commit();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        AtomicFile.cleanUpAtExit();
        assertEquals("complete", Files.readString(done), "the awaited write was committed, not removed under it");
        assertFalse(Files.exists(abandoned.temp()), "an uncommitted temporary file is removed");
        finishing.close();
        abandoned.close();
    }

    @Test
    void temporaryFilesOfDeadProcessesAreRemovedAndLiveOnesKept() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        Path dead = Files.createDirectories(tmp.resolve("a/b")).resolve(".x.jsonl.tmp-" + p.pid() + "-1f2e");
        Files.writeString(dead, "{\"id\":");
        Path keep = tmp.resolve("a/.y.jsonl.tmp-notapid-1");
        Files.writeString(keep, "");
        try (AtomicFile mine = AtomicFile.create(tmp.resolve("a/z.jsonl"))) {
            assertEquals(List.of(dead), TempNames.removeAbandoned(tmp));
            assertTrue(Files.exists(mine.temp()), "this process's temporary file is in use");
            assertTrue(Files.exists(keep), "not an AtomicFile name");
        }
        assertEquals(List.of(), TempNames.removeAbandoned(tmp.resolve("missing")));
    }
}
