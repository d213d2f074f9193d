package dev.nlpipe.classify;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.TextClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A classifier whose model.json names its features model outside its directory is refused, not loaded from there. */
class ModelFileNamesTest {
    @TempDir
    Path dir;

    private Path copyOfFixture(Path to) throws Exception {
        Path from = Path.of(ModelFileNamesTest.class.getResource("/fixtures/linear-v1").toURI());
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    @SuppressWarnings("unchecked")
    private static void setFeaturesModel(Path model, String name) throws IOException {
        Path json = model.resolve("model.json");
        Map<String, Object> m = DocumentJson.mapper().readValue(json.toFile(), LinkedHashMap.class);
        ((Map<String, Object>) m.get("features")).put("model", name);
        DocumentJson.mapper().writeValue(json.toFile(), m);
    }

    private static ModelException refused(Path model) {
        return assertThrows(ModelException.class, () -> {
            try (TextClassifier c = ModelKinds.get().load(model, TextClassifier.class, LoadOptions.DEFAULT)) {
                c.labels();
            }
        });
    }

    @Test
    void aFeaturesModelClimbingOutOfTheDirectoryIsRefused() throws Exception {
        Path model = copyOfFixture(dir.resolve("a/model"));
        copyOfFixture(dir.resolve("a/elsewhere"));
        setFeaturesModel(model, "../elsewhere/features");
        ModelException e = refused(model);
        assertTrue(e.getMessage().contains("features.model") && e.getMessage().contains("outside the model directory"), e.getMessage());
    }

    @Test
    void anAbsoluteFeaturesModelIsRefused() throws Exception {
        Path model = copyOfFixture(dir.resolve("model"));
        Path elsewhere = copyOfFixture(dir.resolve("elsewhere"));
        setFeaturesModel(model, elsewhere.resolve("features").toString());
        ModelException e = refused(model);
        assertTrue(e.getMessage().contains("features.model") && e.getMessage().contains("absolute"), e.getMessage());
    }
}
