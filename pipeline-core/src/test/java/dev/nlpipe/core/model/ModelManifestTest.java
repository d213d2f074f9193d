package dev.nlpipe.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTest {
    @TempDir
    Path dir;
    Path model;

    /** A model with a weights file and a nested model, written the way trainers write them. */
    @BeforeEach
    void write() throws IOException {
        model = dir.resolve("m");
        try (ModelDirWriter w = ModelDirWriter.create(model)) {
            ModelDir.writeMeta(w.dir(), ModelMeta.create("test.kind", 1));
            TempFiles.write(w.dir().resolve("weights.bin"), "0123456789");
            ModelDir.writeMeta(Files.createDirectories(w.dir().resolve("features")), ModelMeta.create("test.inner", 1));
            TempFiles.write(w.dir().resolve("features/vocabulary.tsv"), "a\nb\n");
            w.commit();
        }
    }

    @Test
    void everyFileIsRecordedWithItsSizeAndSha256() {
        Map<String, Object> files = ModelDir.read(model).getMap(ModelManifest.KEY);
        assertEquals(java.util.Set.of("weights.bin", "features/model.json", "features/vocabulary.tsv"), files.keySet());
        Map<?, ?> weights = (Map<?, ?>) files.get("weights.bin");
        assertEquals(10, ((Number) weights.get("size")).intValue());
        assertEquals("84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882", weights.get("sha256"));
    }

    @Test
    void aNestedModelRecordsItsOwnFiles() {
        assertEquals(java.util.Set.of("vocabulary.tsv"), ModelDir.read(model.resolve("features")).getMap(ModelManifest.KEY).keySet());
    }

    @Test
    void aFileCutShortFailsNamingItAndBothSizes() throws IOException {
        Files.writeString(model.resolve("features/vocabulary.tsv"), "a\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelDir.read(model));
        assertTrue(e.getMessage().contains("features/vocabulary.tsv of 2 bytes") && e.getMessage().contains("records 4 bytes"), e.getMessage());
    }

    @Test
    void bytesAppendedToAFileFailTheLoad() throws IOException {
        Files.writeString(model.resolve("weights.bin"), "xx", StandardOpenOption.APPEND);
        ModelException e = assertThrows(ModelException.class, () -> ModelDir.read(model));
        assertTrue(e.getMessage().contains("weights.bin of 12 bytes"), e.getMessage());
    }

    @Test
    void aChangedFileOfTheSameSizeFailsOnItsSha256() throws IOException {
        Files.write(model.resolve("weights.bin"), "0123456780".getBytes(StandardCharsets.UTF_8));
        ModelException e = assertThrows(ModelException.class, () -> ModelDir.read(model));
        assertTrue(e.getMessage().contains("weights.bin with SHA-256"), e.getMessage());
    }

    @Test
    void aMissingFileFailsNamingIt() throws IOException {
        Files.delete(model.resolve("weights.bin"));
        ModelException e = assertThrows(ModelException.class, () -> ModelDir.read(model));
        assertTrue(e.getMessage().contains("is missing weights.bin"), e.getMessage());
    }

    @Test
    void aModelWithoutChecksumsStillLoads() throws IOException {
        Path old = TempFiles.write(dir.resolve("old/model.json"), "{\"kind\":\"test.kind\",\"formatVersion\":1}").getParent();
        TempFiles.write(old.resolve("weights.bin"), "w");
        assertEquals("test.kind", ModelDir.read(old).kind());
    }
}
