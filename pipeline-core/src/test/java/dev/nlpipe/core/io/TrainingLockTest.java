package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim a training takes on its model directory, in this process and from another one. */
class TrainingLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondTrainingIntoOneOutputIsRefusedUntilTheFirstEnds() throws Exception {
        Path output = dir.resolve("models/ner");
        try (InstanceLock first = InstanceLock.acquireModel(output)) {
            InstanceLock.HeldException e = assertThrows(InstanceLock.HeldException.class, () -> InstanceLock.acquireModel(output));
            assertTrue(e.getMessage().startsWith("another training is writing " + output + " (pid " + ProcessHandle.current().pid()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("give this run another --output"), e.getMessage());
            assertEquals(dir.resolve("models/.ner.lock"), first.file());
            InstanceLock.acquireModel(dir.resolve("models/other")).close();
        }
        InstanceLock.acquireModel(output).close();
    }

    @Test
    void anotherProcessHoldsTheClaimUntilItIsKilled() throws Exception {
        Path output = dir.resolve("m");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(), output.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("claimed", out.readLine());
            InstanceLock.HeldException e = assertThrows(InstanceLock.HeldException.class, () -> InstanceLock.acquireModel(output));
            assertTrue(e.getMessage().contains("(pid " + holder.pid() + " on "), e.getMessage());
        } finally {
            holder.destroyForcibly(); // as kill -9: the lock goes with the process
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        try (InstanceLock taken = InstanceLock.acquireModel(output)) {
            assertEquals(holder.pid(), taken.takenOverFrom().orElseThrow().pid());
        }
    }

    /** Claims the model directory given and waits to be killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            InstanceLock.acquireModel(Path.of(args[0]));
            System.out.println("claimed");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
