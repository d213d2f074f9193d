package dev.nlpipe.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path dir;
    Path model;
    Path secret;

    @BeforeEach
    void layout() {
        model = TempFiles.write(dir.resolve("model/vocabulary.tsv"), "v").getParent();
        secret = TempFiles.write(dir.resolve("secret.txt"), "s");
    }

    @Test
    void aRelativeNameInsideTheModelResolvesAgainstIt() {
        assertEquals(model.resolve("vocabulary.tsv").toAbsolutePath(), ModelFiles.resolve(model, "sub/../vocabulary.tsv", "vocabularyFile"));
    }

    @Test
    void aNameClimbingOutOfTheModelIsRefused() {
        ModelException e = assertThrows(ModelException.class, () -> ModelFiles.resolve(model, "../secret.txt", "vocabularyFile"));
        assertTrue(e.getMessage().contains("vocabularyFile") && e.getMessage().contains("outside the model directory"), e.getMessage());
    }

    @Test
    void anAbsoluteNameIsRefused() {
        ModelException e = assertThrows(ModelException.class, () -> ModelFiles.resolve(model, secret.toString(), "features.model"));
        assertTrue(e.getMessage().contains("features.model") && e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void aSymbolicLinkLeavingTheModelIsRefused() throws IOException {
        Files.createSymbolicLink(model.resolve("link.tsv"), secret);
        ModelException e = assertThrows(ModelException.class, () -> ModelFiles.resolve(model, "link.tsv", "vocabularyFile"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void aSymbolicLinkStayingInsideTheModelIsAllowed() throws IOException {
        Files.createSymbolicLink(model.resolve("link.tsv"), model.resolve("vocabulary.tsv"));
        assertEquals(model.resolve("link.tsv").toAbsolutePath(), ModelFiles.resolve(model, "link.tsv", "vocabularyFile"));
    }

    @Test
    void aLinkedFileWithAFixedNameIsFoundWhenTheModelIsRead() throws IOException {
        TempFiles.write(model.resolve("model.json"), "{\"kind\":\"test.kind\",\"formatVersion\":1}");
        Files.createSymbolicLink(model.resolve("weights.bin"), secret);
        ModelException e = assertThrows(ModelException.class, () -> ModelDir.read(model));
        assertTrue(e.getMessage().contains("weights.bin") && e.getMessage().contains("symbolic link"), e.getMessage());
    }
}
