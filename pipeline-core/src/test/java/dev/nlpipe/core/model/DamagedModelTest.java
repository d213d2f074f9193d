package dev.nlpipe.core.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model.json that lacks what its kind's loader needs is a ModelException naming the directory, not a raw exception's text. */
class DamagedModelTest {
    @TempDir
    Path dir;

    /** A loader that, like real ones, assumes the fields it wrote are there. */
    static final class TrustingKind implements ModelKind<Tagger> {
        @Override
        public String name() {
            return "ner.trusting";
        }

        @Override
        public String description() {
            return "test tagger";
        }

        @Override
        public Class<Tagger> type() {
            return Tagger.class;
        }

        @Override
        public int formatVersion() {
            return 1;
        }

        @Override
        public Set<Layer> requires(Path dir, ModelMeta meta) {
            return Set.of();
        }

        @Override
        public Tagger load(Path dir, ModelMeta meta, LoadOptions options) {
            int n = meta.getString("labelCount").length();
            throw new AssertionError("not reached with a minimal model.json: " + n);
        }
    }

    @Test
    void aMissingFieldNamesTheDirectoryWithoutTheExceptionText() throws IOException {
        Path m = Files.createDirectories(dir.resolve("minimal"));
        ModelDir.writeMeta(m, new ModelMeta(new LinkedHashMap<>()).put("kind", "ner.trusting").put("formatVersion", 1));
        ModelKinds kinds = new ModelKinds(Registry.of("model kind", List.of(new TrustingKind())));
        ModelException e = assertThrows(ModelException.class, () -> kinds.load(m, Tagger.class, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains(m.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("Cannot invoke"), e.getMessage());
    }
}
