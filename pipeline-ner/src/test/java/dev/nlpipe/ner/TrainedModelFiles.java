package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.DocumentJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a tagger's training wrote into its model directory, read the same way by every tagger's tests. */
public final class TrainedModelFiles {
    private TrainedModelFiles() {
    }

    /** Asserts that {@code metrics.jsonl} logs {@code epochs} epochs and the last loss is below a third of the first. */
    public static void assertLossFellOver(Path model, int epochs) throws IOException {
        List<String> lines = Files.readAllLines(model.resolve("metrics.jsonl"));
        assertEquals(epochs, lines.size());
        double first = loss(lines.get(0));
        double last = loss(lines.get(epochs - 1));
        assertTrue(last < first / 3, "loss " + first + " -> " + last);
    }

    /** The test F1 recorded in {@code metrics.json}. */
    public static double testF1(Path model) throws IOException {
        Map<?, ?> metrics = DocumentJson.mapper().readValue(model.resolve("metrics.json").toFile(), Map.class);
        return ((Number) ((Map<?, ?>) metrics.get("test")).get("f1")).doubleValue();
    }

    private static double loss(String line) throws IOException {
        return ((Number) DocumentJson.mapper().readValue(line, Map.class).get("loss")).doubleValue();
    }
}
