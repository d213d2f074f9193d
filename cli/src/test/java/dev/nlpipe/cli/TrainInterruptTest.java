package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code nlpipe train} says when it is interrupted (Ctrl-C). */
class TrainInterruptTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedRunNamesItsCheckpointAndTheCommandThatResumes() throws IOException {
        Path out = dir.resolve("m");
        Files.createDirectories(dir.resolve("m.checkpoint"));
        String message = TrainCommand.interrupted(Path.of("ner.yaml"), out, List.of("train.epochs=3"), true);
        assertTrue(message.contains(dir.resolve("m.checkpoint").toAbsolutePath().toString()), message);
        assertTrue(message.contains("nlpipe train ner.yaml --output " + out + " --set train.epochs=3"), message);
        String notAgain = TrainCommand.interrupted(Path.of("my ner.yaml"), out, List.of("train.resume=false", "model.C=[1, 3]"), false);
        // resume false (here or in the file) would delete the checkpoint the command names: it continues with resume true
        assertTrue(notAgain.contains("nlpipe train 'my ner.yaml' --output " + out + " --set 'model.C=[1, 3]' --set train.resume=true\n"),
                notAgain);
    }

    @Test
    void anInterruptBeforeTheFirstCheckpointSaysNothingWasSaved() {
        String message = TrainCommand.interrupted(Path.of("ner.yaml"), dir.resolve("m"), List.of(), true);
        assertTrue(message.contains("before a checkpoint was written"), message);
    }

    @Test
    void anInterruptAfterTheModelIsPublishedSaysItIsComplete() {
        String message = TrainCommand.publishedThenInterrupted(dir.resolve("m"));
        assertTrue(message.contains("complete in " + dir.resolve("m")), message);
        assertFalse(message.contains("Resume"), message);
    }

    @Test
    void aDiskFullDuringTrainingSaysTheLastCheckpointContinuesTheRun() throws IOException {
        Path out = dir.resolve("full");
        IOException plain = TrainCommand.resumable(new IOException("No space left on device"), out);
        assertFalse(plain.getMessage().contains("checkpointed"), "no checkpoint yet: the error alone");
        Files.createDirectories(dir.resolve("full.checkpoint"));
        String message = TrainCommand.resumable(new java.io.UncheckedIOException(new IOException("No space left on device")), out).getMessage();
        assertTrue(message.contains("the disk is full") && message.contains("checkpointed in " + dir.resolve("full.checkpoint").toAbsolutePath())
                && message.contains("the same command continues"), message);
    }

    @Test
    void aDamagedCheckpointSaysToStartOverAlone() throws IOException {
        Path out = dir.resolve("damaged");
        Path checkpoint = Files.createDirectories(dir.resolve("damaged.checkpoint"));
        Files.writeString(checkpoint.resolve("state.json"), "{\"epoch\": 1, \"fingerpr");
        IOException e = assertThrows(IOException.class, () -> new dev.nlpipe.nn.Checkpoints(checkpoint).read());
        // it went on to say that the same command continues from that checkpoint
        String message = TrainCommand.resumable(e, out).getMessage();
        assertTrue(message.contains("train.resume: false") && !message.contains("continues from it"), message);
    }
}
