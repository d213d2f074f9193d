package dev.nlpipe.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.TextClassifier;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code classify.linear} directory written before the model-kind registry (fixtures/linear-v1,
 * with its preprocessing under the old {@code preprocess} key) loads unchanged and scores every
 * document exactly as that version did (fixtures/linear-v1.expected.jsonl, written by it).
 */
class ModelsOfEarlierVersionsTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ModelsOfEarlierVersionsTest.class.getResource("/fixtures/" + name).toURI());
    }

    private static List<Document> expected() throws IOException, URISyntaxException {
        return Files.readAllLines(fixture("linear-v1.expected.jsonl")).stream().map(DocumentJson::parse).toList();
    }

    @Test
    void theClassifyStageGivesTheScoresTheOldVersionGave() throws Exception {
        try (Pipeline p = Pipeline.builder().add("classify", Map.of("preprocess", true), fixture("linear-v1")).build()) {
            for (Document want : expected()) {
                Document got = p.process(new Document(want.id(), want.text())).get(0);
                assertEquals(want.labels(), got.labels(), want.text());
            }
        }
    }

    @Test
    void theRegistryLoadsItAsATextClassifier() throws Exception {
        try (TextClassifier c = ModelKinds.get().load(fixture("linear-v1"), TextClassifier.class, LoadOptions.DEFAULT)) {
            assertEquals(List.of("neg", "pos"), c.labels());
        }
    }

    @Test
    void theLinearClassifierNeedsNoNeuralEngine() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ai.djl.engine.Engine"));
    }
}
