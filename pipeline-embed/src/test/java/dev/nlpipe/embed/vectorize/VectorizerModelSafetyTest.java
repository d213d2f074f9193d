package dev.nlpipe.embed.vectorize;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.testing.TrainingRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TF-IDF model directory is read only from inside itself, and only when its files are the ones it was written with. */
class VectorizerModelSafetyTest {
    @TempDir
    Path dir;
    Path model;

    @BeforeEach
    void train() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), "the cat sat\nthe dog sat\nthe cat ran\n", StandardCharsets.UTF_8);
        model = TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                stages: [ { type: tokenize.regex } ]
                """.formatted(corpus), "tfidf");
    }

    @SuppressWarnings("unchecked")
    private void setVocabularyFile(String name) throws IOException {
        Path json = model.resolve("model.json");
        Map<String, Object> m = DocumentJson.mapper().readValue(json.toFile(), LinkedHashMap.class);
        m.put("vocabularyFile", name);
        DocumentJson.mapper().writeValue(json.toFile(), m);
    }

    private ModelException refused() {
        return assertThrows(ModelException.class, () -> VectorizerModelDir.read(model, "test", VectorizerModelDir.TFIDF));
    }

    @Test
    void aVocabularyFileClimbingOutOfTheModelIsRefused() throws IOException {
        Files.writeString(dir.resolve("outside.tsv"), "term\tdf\tcf\tidf\n");
        setVocabularyFile("../outside.tsv");
        ModelException e = refused();
        assertTrue(e.getMessage().contains("vocabularyFile") && e.getMessage().contains("outside the model directory"), e.getMessage());
    }

    @Test
    void anAbsoluteVocabularyFileIsRefused() throws IOException {
        setVocabularyFile("/etc/passwd");
        ModelException e = refused();
        assertTrue(e.getMessage().contains("vocabularyFile") && e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void aVocabularyCutInTheMiddleIsRefusedNamingIt() throws IOException {
        Path vocab = model.resolve("vocabulary.tsv");
        List<String> lines = Files.readAllLines(vocab);
        String cut = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + lines.get(lines.size() - 1).substring(0, 3);
        Files.writeString(vocab, cut, StandardCharsets.UTF_8);
        ModelException e = refused();
        assertTrue(e.getMessage().contains("vocabulary.tsv of "), e.getMessage());
    }
}
