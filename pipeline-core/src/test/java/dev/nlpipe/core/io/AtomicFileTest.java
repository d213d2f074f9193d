package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.Writer;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
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
    void aTargetUnderARegularFileIsExplainedInWords() throws Exception {
        Path file = Files.writeString(tmp.resolve("in.txt"), "x");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> AtomicFile.create(file.resolve("x.jsonl")));
        assertEquals(file + ": a file, not a directory, so x.jsonl cannot be written under it", IoErrors.explain(e));
        assertTrue(IoErrors.describe(new java.nio.file.FileAlreadyExistsException("a")).contains("exists already"));
    }

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
    void aFailedRenameLeavesNoTemporaryFileOnceClosed() throws Exception {
        // a directory with a file in it cannot be replaced by a file
        Path target = tmp.resolve("out.txt");
        Files.createDirectories(target.resolve("inside"));
        try (AtomicFile f = AtomicFile.create(target)) {
            f.writer().write("data");
            assertThrows(java.io.IOException.class, f::commit);
        }
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList(), "the temporary file is deleted when the failed file is closed");
        }
    }

    @Test
    void aFinishedFileWaitingToBePublishedHoldsNoBuffers() throws Exception {
        // a run into a directory keeps each finished file until it commits: 50,000 files held 64 KiB each
        Path target = tmp.resolve("out.jsonl.gz");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.writer().write("{\"id\": 1}\n");
            WeakReference<Writer> writer = new WeakReference<>(f.writer());
            WeakReference<OutputStream> stream = new WeakReference<>(f.stream());
            f.finishWriting();
            for (int i = 0; i < 20 && (writer.get() != null || stream.get() != null); i++) {
                System.gc();
                Thread.sleep(10);
            }
            assertNull(writer.get(), "the writer and its buffer are released");
            assertNull(stream.get(), "the byte stream, its buffer and the deflater are released");
            assertThrows(IllegalStateException.class, f::writer);
            f.commit();
        }
        assertTrue(Files.size(target) > 0);
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
        Path dead = Files.createDirectories(tmp.resolve("a/b")).resolve(".x.jsonl.tmp-" + dev.nlpipe.core.testing.DeadProcesses.pid()
                + "-1f2e");
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

    @Test
    void aTemporaryFileOfAnEarlierProcessWithThisProcesssIdIsRemoved() throws Exception {
        // in a container every run is process 1: the id alone would keep an earlier run's leftovers forever
        long pid = ProcessHandle.current().pid();
        long started = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        Path earlierRun = Files.writeString(tmp.resolve(".x.jsonl.tmp-" + pid + "-s" + Long.toHexString(started - 60_000) + "-1f2e"), "{");
        Path thisRun = Files.writeString(tmp.resolve(".y.jsonl.tmp-" + pid + "-s" + Long.toHexString(started) + "-1f2e"), "{");
        Path olderName = Files.writeString(tmp.resolve(".z.jsonl.tmp-" + pid + "-1f2e"), "{");
        assertEquals(List.of(earlierRun), TempNames.removeAbandoned(tmp));
        assertTrue(Files.exists(thisRun) && Files.exists(olderName), "this process's, and a name without a start time, are kept");
        try (AtomicFile mine = AtomicFile.create(tmp.resolve("w.jsonl"))) {
            assertTrue(mine.temp().getFileName().toString().contains(".tmp-" + pid + "-s"), mine.temp().toString());
            assertEquals(List.of(), TempNames.removeAbandoned(tmp), "the names this process writes are its own");
        }
    }

    @Test
    void aTargetWhoseNameOnlyJustFitsGetsATemporaryNameThatFitsAndIsCleanedUpBesideIt() throws Exception {
        Path target = tmp.resolve("新".repeat(80) + ".jsonl"); // 246 bytes of UTF-8, under the 255 a name may have
        try (AtomicFile f = AtomicFile.create(target)) {
            String temp = f.temp().getFileName().toString();
            assertTrue(temp.getBytes(StandardCharsets.UTF_8).length <= 255, temp);
            assertTrue(TempNames.target(f.temp()).getFileName().toString().endsWith("~"), "the start of the name, marked cut");
            f.writer().write("done");
            f.commit();
        }
        assertEquals("done", Files.readString(target));
        String cut = TempNames.stemFor(target.getFileName().toString(), 200);
        Path dead = Files.writeString(tmp.resolve("." + cut + ".tmp-" + dev.nlpipe.core.testing.DeadProcesses.pid() + "-1f2e"), "{");
        Path other = Files.writeString(tmp.resolve(".other.jsonl.tmp-" + dev.nlpipe.core.testing.DeadProcesses.pid() + "-1f2e"), "{");
        assertEquals(List.of(dead), TempNames.removeAbandonedBeside(target));
        assertTrue(Files.exists(other), "another target's leftovers are its own run's to remove");
    }
}
