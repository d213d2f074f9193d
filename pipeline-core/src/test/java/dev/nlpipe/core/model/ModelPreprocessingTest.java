package dev.nlpipe.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelPreprocessingTest {

    private static ModelMeta meta(Map<String, Object> values) {
        return new ModelMeta(new LinkedHashMap<>(values));
    }

    private static List<String> tokens(Pipeline p, String text) {
        return p.process(new Document("d", text)).get(0).tokens().stream().map(t -> t.text()).toList();
    }

    @Test
    void theRecordedStagesAreRebuiltWithTheirOptions() {
        ModelMeta m = meta(Map.of(ModelPreprocessing.KEY, List.of(Map.of("type", "tokenize.regex", "with", Map.of("lowercase", true)))));
        try (Pipeline p = ModelPreprocessing.rebuild(m, "pre")) {
            assertEquals(List.of("hello", "world"), tokens(p, "Hello World"));
        }
    }

    @Test
    void theLegacyKeyOfOldClassifiersWinsOverTheStagesList() {
        ModelMeta m = meta(Map.of(ModelPreprocessing.KEY, List.of(Map.of("type", "tokenize.regex")),
                ModelPreprocessing.LEGACY_KEY, List.of(Map.of("type", "tokenize.regex", "with", Map.of("lowercase", true)))));
        try (Pipeline p = ModelPreprocessing.rebuild(m, "pre")) {
            assertEquals(List.of("hello"), tokens(p, "Hello"));
        }
    }

    @Test
    void aModelWithoutStagesHasNoPreprocessing() {
        ModelMeta m = meta(Map.of(ModelPreprocessing.KEY, List.of()));
        assertNull(ModelPreprocessing.rebuild(m, "pre"));
        assertFalse(ModelPreprocessing.any(m));
    }
}
