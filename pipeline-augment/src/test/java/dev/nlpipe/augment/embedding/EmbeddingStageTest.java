package dev.nlpipe.augment.embedding;

import static dev.nlpipe.augment.AugmentTesting.doc;
import static dev.nlpipe.augment.AugmentTesting.ops;
import static dev.nlpipe.augment.AugmentTesting.variants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingStageTest {
    @TempDir
    Path tmp;
    Path vectors;

    @BeforeEach
    void vectors() {
        vectors = TempFiles.write(tmp.resolve("v.txt"), """
                8 3
                good 1 0 0
                great 0.95 0.1 0
                fine 0.8 0.45 0
                Good 0.99 0.01 0
                bad -1 0 0
                movie 0 1 0
                film 0 0.97 0.1
                , 0 0.99 0
                """);
    }

    private Set<String> texts(Map<String, Object> options, Document d) {
        Map<String, Object> o = new LinkedHashMap<>(Map.of("vectors", vectors.toString(), "stopWords", List.of(), "numAug", 6));
        o.putAll(options);
        Set<String> out = new HashSet<>();
        try (Pipeline p = Pipeline.builder().add("augment.embedding", o).build()) {
            for (Document v : variants(p.process(d))) {
                assertEquals(List.of("embedding"), ops(v));
                out.add(v.text());
            }
        }
        return out;
    }

    @Test
    void replacesWithNeighboursAboveTheThreshold() {
        // n = max(1, 0.1 * 3) = 1 word per variant; "bad" is too far, "Good" is the word itself, "," is no word
        assertEquals(Set.of("A great movie", "A fine movie", "A good film"), texts(Map.of(), doc("d", " ", "A", "good", "movie")));
    }

    @Test
    void kAndTheThresholdNarrowTheChoice() {
        assertEquals(Set.of("A great movie", "A good film"), texts(Map.of("k", 1), doc("d", " ", "A", "good", "movie")));
        assertEquals(Set.of("A great movie", "A good film"), texts(Map.of("minSimilarity", 0.9), doc("d", " ", "A", "good", "movie")));
        assertEquals(Set.of("A great movie"), texts(Map.of("restrictVocab", 2), doc("d", " ", "A", "good", "movie")),
                "only the first two words of the file can replace");
    }

    @Test
    void stopWordsAndUnknownWordsStay() {
        Path stop = TempFiles.write(tmp.resolve("stop.txt"), "good\n");
        assertEquals(Set.of("A good film"), texts(Map.of("stopWordFiles", List.of(stop.toString())), doc("d", " ", "A", "good", "movie")));
        assertTrue(texts(Map.of(), doc("d", " ", "nothing", "known")).isEmpty());
    }

    @Test
    void aMissingVectorFileIsAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Pipeline.builder().add("augment.embedding", Map.of("vectors", tmp.resolve("none.bin").toString())).build());
        assertTrue(e.getMessage().contains("none.bin"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> Pipeline.builder().add("augment.embedding").build());
        assertTrue(missing.getMessage().contains("vectors"), missing.getMessage());
    }
}
