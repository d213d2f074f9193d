package dev.nlpipe.embed.vectorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two vector stages of one pipeline (word and character features, as a FeatureUnion) each keep their vector. */
class VectorNamesTest {
    @Test
    void aSecondStageWritingTheSameVectorNameIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> Pipeline.builder().add("tokenize.regex").add("vectorize.hashing")
                .add("vectorize.hashing", Map.of("analyzer", "char")).build());
        assertTrue(e.getMessage().contains("replacing stage 'vectorize.hashing''s") && e.getMessage().contains("name: hashing_"),
                e.getMessage());
    }

    @Test
    void stagesWithNamesOfTheirOwnKeepBothVectors() {
        try (Pipeline p = Pipeline.builder().add("tokenize.regex").add("vectorize.hashing")
                .add("vectorize.hashing", Map.of("analyzer", "char", "name", "chars")).build()) {
            Document d = p.process(new Document("d", "hello world")).get(0);
            assertEquals(Set.of("hashing", "chars"), d.vectors().keySet());
        }
    }
}
