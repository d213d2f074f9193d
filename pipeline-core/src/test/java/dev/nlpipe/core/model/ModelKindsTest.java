package dev.nlpipe.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Registry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelKindsTest {
    @TempDir
    Path dir;

    /** A tagger that marks the whole text as one entity of the type its model.json names. */
    static final class WholeTextKind implements ModelKind<Tagger> {
        final List<LoadOptions> loads = new ArrayList<>();

        @Override
        public String name() {
            return "ner.whole-text";
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
            return 2;
        }

        @Override
        public Set<Layer> requires(Path dir, ModelMeta meta) {
            return Set.of(Layer.TOKENS);
        }

        @Override
        public Tagger load(Path dir, ModelMeta meta, LoadOptions options) {
            loads.add(options);
            String type = meta.getString("entityType");
            return new Tagger() {
                @Override
                public Set<String> types() {
                    return Set.of(type);
                }

                @Override
                public Set<Layer> requires() {
                    return Set.of();
                }

                @Override
                public List<List<Entity>> tag(List<Document> docs) {
                    return docs.stream().map(d -> List.of(Entity.of(d.text(), type, 0, d.text().length()))).toList();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** A classifier kind, for the wrong-type checks. */
    static final class ConstantClassifierKind implements ModelKind<TextClassifier> {
        @Override
        public String name() {
            return "classify.constant";
        }

        @Override
        public String description() {
            return "test classifier";
        }

        @Override
        public Class<TextClassifier> type() {
            return TextClassifier.class;
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
        public TextClassifier load(Path dir, ModelMeta meta, LoadOptions options) {
            throw new UnsupportedOperationException("not loaded in these tests");
        }
    }

    private final WholeTextKind tagger = new WholeTextKind();
    private final ModelKinds kinds = new ModelKinds(Registry.of("model kind", List.of(tagger, new ConstantClassifierKind())));

    private Path model(String name, String kind, int version) throws IOException {
        Path d = dir.resolve(name);
        java.nio.file.Files.createDirectories(d);
        ModelMeta meta = new ModelMeta(new java.util.LinkedHashMap<>()).put("kind", kind).put("formatVersion", version)
                .put("entityType", "PER");
        ModelDir.writeMeta(d, meta);
        return d;
    }

    @Test
    void aModelLoadsThroughTheKindItsModelJsonNames() throws IOException {
        Path m = model("m", "ner.whole-text", 2);
        LoadOptions options = new LoadOptions("cpu", 8, 2);
        try (Tagger t = kinds.load(m, Tagger.class, options)) {
            assertEquals(List.of(List.of(Entity.of("张伟", "PER", 0, 2))), t.tag(List.of(new Document("d", "张伟"))));
        }
        assertEquals(List.of(options), tagger.loads);
    }

    @Test
    void anUnknownKindListsTheInstalledOnes() throws IOException {
        Path m = model("m", "embed.word2vec", 1);
        ModelException e = assertThrows(ModelException.class, () -> kinds.load(m, Tagger.class, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("classify.constant, ner.whole-text"), e.getMessage());
        assertTrue(e.getMessage().contains("pipeline-embed"), "names the artifact of the embed family: " + e.getMessage());
    }

    @Test
    void anUnknownKindOfAnInstalledFamilyIsANewerOne() throws IOException {
        // the ner artifact is there (ner.whole-text): adding it to the class path is no advice
        Path m = model("m", "ner.lattice-lstm", 1);
        ModelException e = assertThrows(ModelException.class, () -> kinds.load(m, Tagger.class, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("newer nlpipe") && !e.getMessage().contains("pipeline-ner"), e.getMessage());
    }

    @Test
    void aKindOrVersionOfTheWrongTypeNamesTheField() throws IOException {
        Path d = java.nio.file.Files.createDirectories(dir.resolve("typed"));
        java.nio.file.Files.writeString(d.resolve("model.json"), "{\"kind\": 5, \"formatVersion\": 1}");
        ModelException kind = assertThrows(ModelException.class, () -> kinds.load(d, Tagger.class, LoadOptions.DEFAULT));
        assertTrue(kind.getMessage().contains("'kind' is 5"), kind.getMessage());
        java.nio.file.Files.writeString(d.resolve("model.json"), "{\"kind\": \"ner.whole-text\", \"formatVersion\": \"1\"}");
        ModelException version = assertThrows(ModelException.class, () -> kinds.load(d, Tagger.class, LoadOptions.DEFAULT));
        assertTrue(version.getMessage().contains("'formatVersion' is \"1\", not a whole number"), version.getMessage());
        java.nio.file.Files.writeString(d.resolve("model.json"), "{\"kind\": \"ner.whole-text\", \"formatVersion\": 1.5}");
        assertThrows(ModelException.class, () -> kinds.load(d, Tagger.class, LoadOptions.DEFAULT), "1.5 is no version 1");
    }

    @Test
    void aKindOfAnotherTypeIsRefusedWithTheKindsOfTheWantedType() throws IOException {
        Path m = model("m", "classify.constant", 1);
        ModelException e = assertThrows(ModelException.class, () -> kinds.load(m, Tagger.class, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("Tagger") && e.getMessage().contains("ner.whole-text"), e.getMessage());
        assertEquals(List.of(), tagger.loads);
    }

    @Test
    void aNewerFormatVersionIsRefusedBeforeLoading() throws IOException {
        Path m = model("m", "ner.whole-text", 3);
        ModelException e = assertThrows(ModelException.class, () -> kinds.load(m, Tagger.class, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("upgrade nlpipe"), e.getMessage());
        assertEquals(List.of(), tagger.loads);
    }

    @Test
    void requiredLayersComeFromTheKindWithoutLoading() throws IOException {
        assertEquals(Set.of(Layer.TOKENS), kinds.requires(model("m", "ner.whole-text", 1), Tagger.class));
        assertEquals(List.of(), tagger.loads);
    }

    @Test
    void kindsAreListedByTheTypeTheyLoad() {
        assertEquals(List.of("ner.whole-text"), kinds.namesOf(Tagger.class));
        assertEquals(List.of("classify.constant"), kinds.namesOf(TextClassifier.class));
    }
}
