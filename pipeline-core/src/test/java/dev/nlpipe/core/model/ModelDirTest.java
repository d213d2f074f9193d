package dev.nlpipe.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.io.TempNames;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirTest {
    @TempDir
    Path dir;

    @Test
    void writesAtomicallyAndReadsBackWithChecks() throws IOException {
        Path target = dir.resolve("m");
        try (ModelDirWriter w = ModelDirWriter.create(target)) {
            ModelMeta meta = ModelMeta.create("test.kind", 2).put("seed", 42);
            ModelDir.writeMeta(w.dir(), meta);
            TempFiles.write(w.dir().resolve("weights.bin"), "w");
            assertFalse(Files.exists(target), "invisible until committed");
            w.commit();
        }
        ModelMeta read = ModelDir.read(target, 2, "test.kind");
        assertEquals("test.kind", read.kind());
        assertEquals(42, read.getInt("seed", 0));
        assertTrue(read.getMap("versions").containsKey("nlpipe"));
        assertEquals(List.of("m"), TempFiles.tree(dir).stream().map(p -> p.split("/")[0]).distinct().toList());

        assertTrue(assertThrows(ModelException.class, () -> ModelDir.read(target, 2, "other.kind")).getMessage()
                .contains("holds a 'test.kind' model, but this needs other.kind"));
        assertTrue(assertThrows(ModelException.class, () -> ModelDir.read(target, 1, "test.kind")).getMessage()
                .contains("format version 2, but this nlpipe reads versions 1 to 1; upgrade nlpipe"));
        assertTrue(assertThrows(ModelException.class, () -> ModelDir.read(dir.resolve("none"), 1)).getMessage().contains("does not exist"));
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(assertThrows(ModelException.class, () -> ModelDir.read(dir.resolve("empty"), 1)).getMessage().contains("has no model.json"));
    }

    @Test
    void aModelJsonThatIsNoJsonObjectIsNamedAtItsLine() {
        // Jackson's own text ended in '[Source: REDACTED (StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION disabled); line: 2...]'
        Path cut = dir.resolve("cut");
        TempFiles.write(cut.resolve("model.json"), "{\"kind\": \"classify.linear\",\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelDir.read(cut));
        assertTrue(e.getMessage().contains(cut.resolve("model.json") + ":2:") && !e.getMessage().contains("REDACTED"), e.getMessage());
        Path list = dir.resolve("list");
        TempFiles.write(list.resolve("model.json"), "[]\n");
        ModelException l = assertThrows(ModelException.class, () -> ModelDir.read(list));
        assertTrue(l.getMessage().contains("one JSON object") && !l.getMessage().contains("LinkedHashMap"), l.getMessage());
    }

    @Test
    void aFailedBuildLeavesTheOldModelInPlace() throws IOException {
        Path target = dir.resolve("m");
        TempFiles.write(target.resolve("model.json"), "{\"kind\":\"old\",\"formatVersion\":1}");
        try (ModelDirWriter w = ModelDirWriter.create(target)) {
            TempFiles.write(w.dir().resolve("partial.bin"), "x");
        }
        assertEquals("old", ModelDir.read(target, 1).kind());
        assertEquals(List.of("m/model.json"), TempFiles.tree(dir));
    }

    @Test
    void aModelDirectoryLeftHalfBuiltByAKilledRunIsRemovedByTheNextBuild() throws IOException {
        Path target = dir.resolve("m");
        // pid 2^22 + 1 is above Linux's pid_max default and never alive; the other is this process's own, building now
        Path dead = TempFiles.write(dir.resolve(".m.tmp-4194305-1a2b").resolve("weights.bin"), "half").getParent();
        Path live = Files.createDirectories(TempNames.beside(target));
        try (ModelDirWriter w = ModelDirWriter.create(target)) {
            Files.writeString(w.dir().resolve("model.json"), "{\"kind\":\"new\",\"formatVersion\":1}");
            w.commit();
        }
        assertFalse(Files.exists(dead), "the killed run's copy is gone");
        assertTrue(Files.exists(live), "a running process's build is left alone");
    }

    @Test
    void aTargetNamedWithADotIsTheDirectoryItNames() throws IOException {
        Files.createDirectories(dir.resolve("m"));
        try (ModelDirWriter w = ModelDirWriter.create(dir.resolve("m").resolve("."))) {
            ModelDir.writeMeta(w.dir(), ModelMeta.create("test.kind", 1));
            w.commit();
        }
        assertEquals("test.kind", ModelDir.read(dir.resolve("m"), 1).kind());
        assertEquals(List.of("m/model.json"), TempFiles.tree(dir), "no hidden leftovers");
    }

    @Test
    void aFailedMoveIntoPlacePutsTheOldModelBackAndSaysWhereTheNewOneIs() throws IOException {
        Path target = dir.resolve("m");
        TempFiles.write(target.resolve("model.json"), "{\"kind\":\"old\",\"formatVersion\":1}");
        int[] moves = {0};
        ModelDirWriter.Mover failingSecond = (from, to) -> {
            if (++moves[0] == 2) {
                throw new IOException("Device or resource busy");
            }
            Files.move(from, to);
        };
        Path built;
        try (ModelDirWriter w = ModelDirWriter.create(target, failingSecond)) {
            built = w.dir();
            ModelDir.writeMeta(w.dir(), ModelMeta.create("new.kind", 1));
            IOException e = assertThrows(IOException.class, w::commit);
            assertTrue(e.getMessage().contains("earlier model is back in place") && e.getMessage().contains(built.toString()),
                    e.getMessage());
        }
        assertEquals("old", ModelDir.read(target, 1).kind());
        assertEquals("new.kind", ModelDir.read(built, 1).kind(), "the new model is kept where the error says");
    }

    @Test
    void fingerprintsData() throws IOException {
        Path f = TempFiles.write(dir.resolve("d/a.txt"), "abc");
        var fp = Provenance.fingerprint(List.of(dir.resolve("d")));
        assertEquals(1, fp.size());
        assertEquals(3L, fp.get(0).get("bytes"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", fp.get(0).get("sha256"));
        assertEquals(f.toString(), fp.get(0).get("path"));
    }
}
