package dev.nlpipe.ner.bilstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.ner.data.UnitKeys;
import dev.nlpipe.ner.data.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rows of a table grown with {@code embeddingsVocabulary: all} are trained and which only the vectors file has. */
class PretrainedTableTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void keysTrainingHasBelowMinCountAreAppendedFirstAndTrained(@TempDir Path dir) throws IOException {
        Vocabulary training = Vocabulary.fromCounts(Map.of("甲", 3, "乙", 1, "丙", 1), 2);
        assertEquals(List.of("甲"), training.known());
        assertEquals(Set.of("乙", "丙"), training.belowMinCount());

        Map<String, float[]> vectors = new LinkedHashMap<>();
        vectors.put("丁", new float[] {4, 4});
        vectors.put("乙", new float[] {2, 2});
        vectors.put("甲", new float[] {1, 1});
        Path file = VectorFiles.writeText(dir.resolve("v.txt"), vectors);

        PretrainedTable.Grown all = PretrainedTable.forVocabulary(training, true, file, "auto", new UnitKeys(false, false), 2,
                "charDim", new Random(1), "char", false, QUIET);
        assertEquals(List.of("甲", "乙", "丁"), all.vocabulary().known(),
                "乙 is read in training (as unknown before, its own row now), 丁 only the file has");
        assertEquals(4, all.trained(), "padding, unknown, 甲 and 乙 are trained; 丁 stays fixed");
        assertArrayEquals(new float[] {2, 2}, row(all.table(), 3), 0f);
        assertArrayEquals(new float[] {4, 4}, row(all.table(), 4), 0f);

        PretrainedTable.Grown own = PretrainedTable.forVocabulary(training, false, file, "auto", new UnitKeys(false, false), 2,
                "charDim", new Random(1), "char", false, QUIET);
        assertEquals(List.of("甲"), own.vocabulary().known());
        assertEquals(3, own.trained());
    }

    private static float[] row(float[] table, int id) {
        return new float[] {table[id * 2], table[id * 2 + 1]};
    }
}
