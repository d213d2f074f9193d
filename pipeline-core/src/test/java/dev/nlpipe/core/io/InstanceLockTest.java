package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock within one JVM; across processes (a live holder, a killed one) it is tested in the scheduler's ScheduleCrashTest and in {@link TrainingLockTest}. */
class InstanceLockTest {
    @TempDir
    Path tmp;

    @Test
    void oneHolderAtATimeAndTheFileNamesIt() throws Exception {
        Path state = tmp.resolve("s.db");
        try (InstanceLock lock = InstanceLock.acquire(state)) {
            assertTrue(lock.takenOverFrom().isEmpty());
            InstanceLock.HeldException e = assertThrows(InstanceLock.HeldException.class, () -> InstanceLock.acquire(state));
            assertEquals(ProcessHandle.current().pid(), e.owner().orElseThrow().pid());
            assertTrue(e.getMessage().contains("another `nlpipe schedule` is using this state database"), e.getMessage());
            InstanceLock.Owner recorded = InstanceLock.recordedOwner(state).orElseThrow();
            assertTrue(recorded.isAlive());
        }
        assertEquals(0, Files.size(InstanceLock.fileFor(state)), "released cleanly: the file is emptied, not deleted");
        assertTrue(InstanceLock.recordedOwner(state).isEmpty());
        try (InstanceLock again = InstanceLock.acquire(state)) {
            assertTrue(again.takenOverFrom().isEmpty());
        }
    }

    @Test
    void aLockFileLeftByADeadProcessIsTakenOverAndNamed() throws Exception {
        Path state = tmp.resolve("s.db");
        long dead = dev.nlpipe.core.testing.DeadProcesses.pid();
        Files.writeString(InstanceLock.fileFor(state), "{\"pid\":" + dead + ",\"host\":\"" + InstanceLock.hostName()
                + "\",\"processStart\":\"2020-01-01T00:00:00Z\",\"since\":\"2020-01-01T00:00:01Z\"}\n");
        InstanceLock.Owner left = InstanceLock.recordedOwner(state).orElseThrow();
        assertFalse(left.isAlive());
        try (InstanceLock lock = InstanceLock.acquire(state)) {
            assertEquals(dead, lock.takenOverFrom().orElseThrow().pid());
            assertEquals(ProcessHandle.current().pid(), InstanceLock.recordedOwner(state).orElseThrow().pid());
        }
        // a half-written file (holder killed while writing it) is taken over too
        Files.writeString(InstanceLock.fileFor(state), "{\"pid\":12");
        try (InstanceLock lock = InstanceLock.acquire(state)) {
            assertTrue(lock.takenOverFrom().isEmpty());
        }
    }

    @Test
    void aHolderOnAnotherHostIsJudgedByTheLockItself() throws Exception {
        Path state = tmp.resolve("s.db");
        // left by a scheduler killed on another pod: its process cannot be looked for from here, but nothing holds the lock
        Files.writeString(InstanceLock.fileFor(state), "{\"pid\":4242,\"host\":\"another-pod\",\"processStart\":\"2020-01-01T00:00:00Z\","
                + "\"since\":\"2020-01-01T00:00:01Z\"}\n");
        assertTrue(InstanceLock.recordedOwner(state).orElseThrow().isAlive(), "by its process alone it would seem alive");
        assertTrue(InstanceLock.liveOwner(state).isEmpty(), "the lock is free: not running");
        try (InstanceLock lock = InstanceLock.acquire(state)) {
            assertEquals(ProcessHandle.current().pid(), InstanceLock.liveOwner(state).orElseThrow().pid(), "held: running");
            assertThrows(InstanceLock.HeldException.class, () -> InstanceLock.acquire(state));
            // a lock belongs to the process: had the probe, the reading of the owner or the refused second acquire opened and
            // closed the file here, the lock would be gone for every other process
            assertEquals("held", lockSeenFromAnotherProcess(lock.file()));
        }
        assertTrue(InstanceLock.liveOwner(state).isEmpty());
        assertEquals("free", lockSeenFromAnotherProcess(InstanceLock.fileFor(state)));
    }

    @Test
    void aLinkToTheStatesDirectoryIsTheSameLock() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        try (InstanceLock lock = InstanceLock.acquire(real.resolve("s.db"))) {
            assertThrows(InstanceLock.HeldException.class, () -> InstanceLock.acquire(link.resolve("s.db")));
            assertEquals(ProcessHandle.current().pid(), InstanceLock.liveOwner(link.resolve("s.db")).orElseThrow().pid());
            assertEquals("held", lockSeenFromAnotherProcess(lock.file()), "reached by another name, the file was not opened and closed");
        }
    }

    /** What another process finds when it tries the lock: held or free. */
    private String lockSeenFromAnotherProcess(Path lockFile) throws Exception {
        Path probe = Files.writeString(tmp.resolve("Probe.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Probe {
                    public static void main(String[] a) throws Exception {
                        try (FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                            System.out.print(ch.tryLock() == null ? "held" : "free");
                        }
                    }
                }
                """);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), probe.toString(),
                lockFile.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }
}
