package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.Tagger;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ner.bilstm-crf} directory written before the model-kind registry (fixtures/bilstm-crf-v1)
 * loads unchanged and finds exactly the entities that version did (fixtures/bilstm-crf-v1.expected.jsonl,
 * written by it from fixtures/bilstm-crf-v1.input.txt), now with scores.
 */
class ModelsOfEarlierVersionsTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ModelsOfEarlierVersionsTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void theNerStageFindsTheEntitiesTheOldVersionFound() throws Exception {
        List<Document> expected = Files.readAllLines(fixture("bilstm-crf-v1.expected.jsonl")).stream().map(DocumentJson::parse).toList();
        try (Pipeline p = Pipeline.builder().add("ner", Map.of("device", "cpu"), fixture("bilstm-crf-v1")).build()) {
            for (Document want : expected) {
                List<Entity> found = p.process(new Document(want.id(), want.text())).get(0).entities();
                // That version wrote no scores; the spans must be the same and each now has one.
                assertEquals(want.entities(), EntityScores.unscored(want.text(), found),
                        want.text());
                assertTrue(found.stream().allMatch(e -> e.score() > 0 && e.score() <= 1), found.toString());
            }
        }
    }

    @Test
    void theRegistryLoadsItAsATagger() throws Exception {
        try (Tagger t = ModelKinds.get().load(fixture("bilstm-crf-v1"), Tagger.class, new LoadOptions("cpu", 4, 1))) {
            assertEquals(Set.of("LOC", "ORG", "PER"), t.types());
            assertEquals(Set.of(), t.requires());
        }
    }

    @Test
    void aModelOfAnUninstalledKindNamesTheInstalledOnes() throws IOException {
        Path m = Files.createDirectories(dir.resolve("uninstalled"));
        Files.writeString(m.resolve("model.json"), "{\"kind\": \"ner.not-installed\", \"formatVersion\": 1}");
        ConfigException e = assertThrows(ConfigException.class, () -> Pipeline.builder().add("ner", Map.of(), m).build());
        assertTrue(e.getMessage().contains("ner.bilstm-crf"), e.getMessage());
    }

    @Test
    void aModelOfAnotherTypeIsRefusedBeforeLoading() throws IOException {
        Path m = Files.createDirectories(dir.resolve("vectors"));
        Files.writeString(m.resolve("model.json"), "{\"kind\": \"embed.word2vec\", \"formatVersion\": 1}");
        ConfigException e = assertThrows(ConfigException.class, () -> Pipeline.builder().add("ner", Map.of(), m).build());
        assertTrue(e.getMessage().contains("Tagger") && e.getMessage().contains("ner.bilstm-crf"), e.getMessage());
    }
}
