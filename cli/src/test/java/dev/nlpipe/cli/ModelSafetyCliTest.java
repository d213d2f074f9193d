package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelDirWriter;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model directories are data: loading one never runs a program, whatever its model.json says. */
class ModelSafetyCliTest {
    @TempDir
    Path dir;

    private Path labelled(String name, int n) {
        String[] good = {"great", "superb", "lovely"};
        String[] bad = {"awful", "dreadful", "poor"};
        StringBuilder sb = new StringBuilder("label\ttext\n");
        for (int i = 0; i < n; i++) {
            boolean pos = i % 2 == 0;
            sb.append(pos ? "1" : "0").append('\t').append("the hotel was ").append((pos ? good : bad)[i % 3]).append('\n');
        }
        return TempFiles.write(dir.resolve(name + ".tsv"), sb.toString());
    }

    private Path train(String name, String stages, String model) {
        Path config = TempFiles.write(dir.resolve(name + ".yaml"), """
                task: classify.linear
                data: { train: %s, format: tsv }
                stages: %s
                model: %s
                """.formatted(labelled("train", 40), stages, model));
        Path out = dir.resolve(name);
        CliTest.Result t = nlpipe("train", config.toString(), "--output", out.toString());
        assertEquals(0, t.code(), t.err());
        return out;
    }

    /** The classifier with a back-translation stage that would run {@code touch marker} added to its recorded preprocessing. */
    @SuppressWarnings("unchecked")
    private Path hostileModel(Path marker) throws IOException {
        Path model = train("cls", "[ { type: tokenize.regex } ]", "{ C: 10 }");
        Path json = model.resolve("model.json");
        Map<String, Object> m = DocumentJson.mapper().readValue(json.toFile(), LinkedHashMap.class);
        List<Object> stages = new ArrayList<>((List<Object>) m.get("stages"));
        stages.add(0, Map.of("type", "augment.backtranslate",
                "with", Map.of("command", List.of("touch", marker.toString()), "pivots", List.of("de"))));
        m.put("stages", stages);
        DocumentJson.mapper().writeValue(json.toFile(), m);
        return model;
    }

    @Test
    void evalRefusesAModelWhosePreprocessingRunsACommand() throws IOException {
        Path marker = dir.resolve("PWNED");
        Path model = hostileModel(marker);
        CliTest.Result r = nlpipe("eval", "classify", "--model", model.toString(), "--data", labelled("test", 10).toString());
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("model.json") && r.err().contains("'augment.backtranslate'"), r.err());
        assertFalse(Files.exists(marker), "the command must not run");
    }

    @Test
    void runRefusesAModelWhosePreprocessingRunsACommand() throws IOException {
        Path marker = dir.resolve("PWNED");
        Path model = hostileModel(marker);
        Path pipeline = TempFiles.write(dir.resolve("run.yaml"), """
                pipeline: p
                input: { path: %s, format: text }
                stages: [ { type: classify, model: %s, with: { preprocess: true } } ]
                output: { path: %s, format: jsonl }
                """.formatted(TempFiles.write(dir.resolve("in.txt"), "the hotel was great\n"), model, dir.resolve("out.jsonl")));
        CliTest.Result r = nlpipe("run", pipeline.toString());
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("model.json") && r.err().contains("'augment.backtranslate'"), r.err());
        assertFalse(Files.exists(marker), "the command must not run");
    }

    @Test
    void listTellsWhichStagesAreSafeInsideAModel() throws IOException {
        CliTest.Result r = nlpipe("list", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Boolean> safe = new LinkedHashMap<>();
        DocumentJson.mapper().readTree(r.out()).forEach(s -> {
            if (s.has("safeInsideModel")) {
                safe.put(s.get("name").asText(), s.get("safeInsideModel").asBoolean());
            }
        });
        assertEquals(true, safe.get("tokenize.regex"));
        assertEquals(true, safe.get("vectorize.tfidf"));
        assertEquals(false, safe.get("augment.backtranslate"));
        assertEquals(false, safe.get("classify"));
    }

    @Test
    void aModelWithoutChecksumsLoadsWithOneWarning() throws IOException {
        Path model = train("old", "[ { type: tokenize.regex } ]", "{ C: 10 }");
        Path json = model.resolve("model.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = DocumentJson.mapper().readValue(json.toFile(), LinkedHashMap.class);
        m.remove("checksums");
        DocumentJson.mapper().writeValue(json.toFile(), m);
        Path test = labelled("test", 10);
        CliTest.Result r = nlpipe("eval", "classify", "--model", model.toString(), "--data", test.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.err().split("records no checksums", -1).length - 1, r.err());
    }

    @Test
    void aDamagedModelFileFailsTheLoadNamingIt() throws IOException {
        Path model = train("damaged", "[ { type: tokenize.regex } ]", "{ C: 10 }");
        Path vocab = model.resolve("features/vocabulary.tsv");
        String content = Files.readString(vocab);
        Files.writeString(vocab, content.substring(0, content.length() / 2));
        CliTest.Result r = nlpipe("eval", "classify", "--model", model.toString(), "--data", labelled("test", 10).toString());
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("features/vocabulary.tsv of "), r.err());
    }

    @Test
    void aClassifierTrainedBehindAVectorizerCarriesThatVectorizerInside() throws IOException {
        Path corpus = labelled("corpus", 20);
        Path tfidfConfig = TempFiles.write(dir.resolve("tfidf.yaml"), """
                task: vectorize.tfidf
                data: { train: %s, format: tsv }
                stages: [ { type: tokenize.regex } ]
                """.formatted(corpus));
        Path tfidf = dir.resolve("tfidf");
        assertEquals(0, nlpipe("train", tfidfConfig.toString(), "--output", tfidf.toString()).code());
        Path model = train("behind", "[ { type: tokenize.regex }, { type: vectorize.tfidf, model: %s } ]".formatted(tfidf),
                "{ features: vector, vector: tfidf }");
        ModelDirWriter.deleteTree(tfidf);
        Path pipeline = TempFiles.write(dir.resolve("run.yaml"), """
                pipeline: p
                input: { path: %s, format: text }
                stages: [ { type: classify, model: %s, with: { preprocess: true } } ]
                output: { path: %s, format: jsonl }
                """.formatted(TempFiles.write(dir.resolve("in.txt"), "the hotel was great\n"), model, dir.resolve("out.jsonl")));
        CliTest.Result r = nlpipe("run", pipeline.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(TempFiles.lines(dir.resolve("out.jsonl")).get(0).contains("\"labels\""));
    }
}
