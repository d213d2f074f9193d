package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    private static Map<String, Object> config(Object averageDecay, Object layerDims) {
        return Map.of("task", "ner.flat", "train", Map.of("averageDecay", averageDecay, "seed", 42),
                "model", Map.of("dims", layerDims));
    }

    @Test
    void aNumberWrittenAsAnIntegerFingerprintsAsTheSameValueWrittenWithADecimalPoint() {
        // --set train.averageDecay=0 reads as a Long, the option's default is the Double 0.0
        String asDefault = Checkpoints.fingerprint(config(0.0, List.of(50.0, 20)));
        assertEquals(asDefault, Checkpoints.fingerprint(config(0L, List.of(50L, 20L))));
        assertEquals(asDefault, Checkpoints.fingerprint(config(0, List.of(50, 20.0))));
    }

    @Test
    void anotherValueIsAnotherFingerprint() {
        String asDefault = Checkpoints.fingerprint(config(0.0, List.of(50, 20)));
        assertNotEquals(asDefault, Checkpoints.fingerprint(config(0.999, List.of(50, 20))));
        assertNotEquals(asDefault, Checkpoints.fingerprint(config(0.0, List.of(50, 21))));
        assertNotEquals(asDefault, Checkpoints.fingerprint(config("0", List.of(50, 20))), "a string is not a number");
    }

    @Test
    void aCommitRemovesTheHalfWrittenFilesOfKilledRunsAndKeepsItsOwn(@TempDir Path dir) throws Exception {
        Checkpoints c = new Checkpoints(dir);
        Files.createDirectories(dir);
        // a run SIGKILLed while writing epoch 3's weights: its temporary file names its process, which has ended
        Path killed = dir.resolve(".epoch-3.weights.tmp-" + dev.nlpipe.core.testing.DeadProcesses.pid() + "-0a1b");
        Files.writeString(killed, "half of the weights");
        Path mine = dir.resolve(".epoch-4.weights.tmp-" + ProcessHandle.current().pid() + "-0c1d");
        Files.writeString(mine, "being written by this process");
        c.commit(new Checkpoints.State("f", 1, 10, 1, 0.5, 0, List.of(), Map.of()));
        assertFalse(Files.exists(killed));
        assertTrue(Files.exists(mine), "a live process's temporary file stays");
    }

    @Test
    void aCheckpointPathHoldingWhatTrainingDidNotWriteIsRefused(@TempDir Path dir) throws Exception {
        Checkpoints absent = new Checkpoints(dir.resolve("m.checkpoint"));
        absent.checkOwned();
        // training deleted this directory, the user's notes with it
        Path own = Files.createDirectories(dir.resolve("m.checkpoint"));
        Files.writeString(own.resolve("epoch-1.weights"), "w");
        Files.writeString(own.resolve(".epoch-2.weights.tmp-" + ProcessHandle.current().pid() + "-0c1d"), "being written");
        Files.writeString(own.resolve(".nfs0000000001"), "a file NFS keeps while a reader holds it open");
        new Checkpoints(own).checkOwned();
        Files.writeString(own.resolve("notes.txt"), "mine");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Checkpoints(own).checkOwned());
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("move them away"), e.getMessage());
        // a plain file failed the run after its first epoch
        Path file = Files.writeString(dir.resolve("f.checkpoint"), "precious");
        IllegalStateException f = assertThrows(IllegalStateException.class, () -> new Checkpoints(file).checkOwned());
        assertTrue(f.getMessage().contains("a file or link"), f.getMessage());
    }
}
