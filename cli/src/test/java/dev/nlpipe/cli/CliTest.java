package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts use it: exit codes, messages, JSON listings. */
class CliTest {
    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one in-process invocation. */
    record Result(int code, String out, String err) {
    }

    static Result nlpipe(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Result r = nlpipe(out, args);
        return new Result(r.code(), out.toString(StandardCharsets.UTF_8), r.err());
    }

    /** Runs the command line with standard output going to {@code stdout}; the result's {@code out} is empty. */
    static Result nlpipe(java.io.OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int code = Main.execute(args, o, e);
            return new Result(code, "", err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The repository's examples directory (tests run in the cli module directory). */
    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("examples")) ? here : here.getParent();
    }

    @Test
    void quickstartWritesTokensWhoseOffsetsMatchTheText() throws IOException {
        Path out = dir.resolve("q.jsonl");
        Result r = nlpipe("run", repo().resolve("examples/quickstart.yaml").toString(), "--output", out.toString(),
                "--set", "input.path=" + repo().resolve("examples/data/sample-zh-en.txt"), "--metrics", dir.resolve("reports/new/m.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("quickstart: read 40, wrote"), r.err());
        List<String> lines = TempFiles.lines(out);
        assertTrue(lines.size() >= 38, "almost every sample line has three tokens");
        int tokens = 0;
        for (String line : lines) {
            Document d = DocumentJson.parse(line);
            for (Token t : d.tokens()) {
                String original = d.text().substring(t.start(), t.end());
                assertEquals(t.text(), java.text.Normalizer.normalize(original, java.text.Normalizer.Form.NFKC), line);
                tokens++;
            }
        }
        assertTrue(tokens > 500, "tokens: " + tokens);
        // the metrics directory did not exist: it is made, as the output's is
        JsonNode metrics = DocumentJson.mapper().readTree(dir.resolve("reports/new/m.json").toFile());
        assertEquals(40, metrics.get("documents_read").asInt());
    }

    @Test
    void aStandardOutputThatCannotBeWrittenFailsTheRunInsteadOfLosingItSilently() {
        // a full disk or a closed pipe (| head): a PrintStream swallows the error, and the run exited 0
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        Result r = nlpipe(full, "run", repo().resolve("examples/quickstart.yaml").toString(), "--input",
                repo().resolve("examples/data/sample-zh-en.txt").toString(), "--output", "-");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("cannot write to standard output"), r.err());
    }

    @Test
    void unknownStageTypeExitsTwoAndNamesTheLine() {
        Path yaml = TempFiles.write(dir.resolve("bad.yaml"), "pipeline: x\nstages:\n  - type: tokenize.regex\n  - type: segment.magic\n");
        Result r = nlpipe("run", yaml.toString(), "--input", yaml.toString(), "--output", "-");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(yaml + ":4:5: unknown stage type 'segment.magic'"), r.err());
    }

    @Test
    void aMissingColumnNamesThePipelinesInputKeys() {
        Path tsv = TempFiles.write(dir.resolve("cols.tsv"), "label\tbody\n1\tgood\n");
        Path yaml = TempFiles.write(dir.resolve("cols.yaml"), "pipeline: x\ninput: { format: tsv }\nstages:\n  - type: tokenize.regex\n");
        Result r = nlpipe("run", yaml.toString(), "--input", tsv.toString(), "--output", "-");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("set input.textColumn, or input.header: false if"), r.err());
    }

    @Test
    void misspeltStageOfAnInstalledModuleSuggestsTheNameNotAnArtifact() {
        Path yaml = TempFiles.write(dir.resolve("typo.yaml"), "pipeline: x\nstages:\n  - type: vectorize.tfidff\n");
        Result r = nlpipe("run", yaml.toString(), "--input", yaml.toString(), "--output", "-");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("did you mean 'vectorize.tfidf'"), r.err());
        assertFalse(r.err().contains("artifact"), r.err());
    }

    @Test
    void aMisspeltRemovalExitsTwoBeforeAnyWork() {
        Path out = dir.resolve("never.jsonl");
        Result r = nlpipe("run", repo().resolve("examples/quickstart.yaml").toString(), "--output", out.toString(),
                "--set", "input.pth=");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("--set input.pth=:1:1: 'pth' is not set, so there is nothing to remove; did you mean 'path'?"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anOutputFormatWithoutItsLayerExitsTwoBeforeWritingAnything() throws IOException {
        Path in = TempFiles.write(dir.resolve("in.txt"), "hello world\n");
        Path out = dir.resolve("out.conll");
        Path yaml = TempFiles.write(dir.resolve("p.yaml"), "input: { path: " + in + " }\nstages: [ {type: normalize.text} ]\n"
                + "output: { path: " + out + ", format: conll }\n");
        Result r = nlpipe("run", yaml.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith(yaml + ":3:9: output format 'conll' needs the 'tokens' layer"), r.err());
        assertFalse(Files.exists(out));
        List<String> required = new ArrayList<>();
        DocumentJson.mapper().readTree(nlpipe("list", "formats", "--json").out()).forEach(f -> {
            if (f.get("kind").asText().equals("output-format") && f.get("name").asText().equals("conll")) {
                required.add(f.get("requires").toString());
            }
        });
        assertEquals(List.of("[\"tokens\"]"), required, "nlpipe list formats says what conll needs");
    }

    @Test
    void someBadRecordsExitOne() {
        Path in = TempFiles.writeBytes(dir.resolve("in.jsonl"), "{\"text\":\"ok\"}\nnot json\n".getBytes(StandardCharsets.UTF_8));
        Path yaml = TempFiles.write(dir.resolve("p.yaml"), "input: { path: " + in + ", format: jsonl }\nstages: [ {type: tokenize.regex} ]\n"
                + "output: { path: " + dir.resolve("o.jsonl") + " }\n");
        Result r = nlpipe("run", yaml.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("bad record: " + in + ":2: invalid JSON"), r.err());
        assertTrue(Files.exists(dir.resolve("o.jsonl.errors.jsonl")));
    }

    @Test
    void listJsonDescribesTheBasicStages() throws IOException {
        Result r = nlpipe("list", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode stages = DocumentJson.mapper().readTree(r.out());
        assertTrue(stages.isArray());
        List<String> names = new ArrayList<>();
        stages.forEach(s -> names.add(s.get("name").asText()));
        assertTrue(names.containsAll(List.of("tokenize.regex", "normalize.text", "filter.length", "util.noop")), names.toString());
        JsonNode regex = find(stages, "tokenize.regex");
        assertEquals("stage", regex.get("kind").asText());
        assertEquals(List.of("tokens"), List.of(regex.get("provides").get(0).asText()));
        JsonNode lowercase = null;
        for (JsonNode o : regex.get("options")) {
            if (o.get("name").asText().equals("lowercase")) {
                lowercase = o;
            }
        }
        assertEquals("boolean", lowercase.get("type").asText());
        assertEquals(false, lowercase.get("default").asBoolean());
        assertTrue(lowercase.get("description").asText().length() > 5);

        JsonNode formats = DocumentJson.mapper().readTree(nlpipe("list", "formats", "--json").out());
        assertEquals("input-format", find(formats, "csv").get("kind").asText());
        List<String> outputs = new ArrayList<>();
        formats.forEach(f -> {
            if (f.get("kind").asText().equals("output-format")) {
                outputs.add(f.get("name").asText());
            }
        });
        assertTrue(outputs.containsAll(List.of("conll", "jsonl", "text")), outputs.toString());
        assertTrue(nlpipe("list").out().contains("tokenize.regex"));
    }

    @Test
    void theExampleOfAFineTuningTaskNamesItsEncoder() {
        // without it the printed example failed: "give either encoder: DIR ... or vocabulary: DIR"
        for (String task : List.of("pretrain.mlm", "classify.bert", "ner.bert")) {
            String out = nlpipe("list", task).out();
            assertTrue(out.contains("    task: " + task + "\n    data: { train: data/train.") && out.contains("\n    model: { encoder:"
                    + " models/bge-small-zh }\n"), out);
        }
        assertFalse(nlpipe("list", "classify.linear").out().contains("model: {"));
    }

    @Test
    void theTrainingExamplesThatListPrintsTrainOnDataOfTheirShape() throws IOException {
        // every task's example read data/train.txt as plain text, which a NER or classification task refused (no entities,
        // no labels, no tokens), and the advice to add a stage that provides entities was refused in turn
        Path data = Files.createDirectories(dir.resolve("example-run/data"));
        StringBuilder bmes = new StringBuilder();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            bmes.append("张 B-PER\n三 E-PER\n在 O\n北 B-LOC\n京 E-LOC\n\n");
            jsonl.append(i % 2 == 0 ? "{\"text\": \"房间 很 干净\", \"label\": \"pos\"}\n" : "{\"text\": \"服务 很 差\", \"label\": \"neg\"}\n");
        }
        Files.writeString(data.resolve("train.bmes"), bmes);
        Files.writeString(data.resolve("train.jsonl"), jsonl);
        for (String task : List.of("ner.bilstm-crf", "classify.linear")) {
            String listed = nlpipe("list", task).out();
            String yaml = listed.substring(listed.indexOf("  example:\n") + "  example:\n".length(), listed.indexOf("  then:"))
                    .replace("\n    ", "\n").strip().replace("data/", data + "/") + "\n";
            Path cfg = Files.writeString(dir.resolve("example-run/" + task + ".yaml"), yaml);
            Result r = task.startsWith("ner") ? nlpipe("train", cfg.toString(), "--output", dir.resolve("example-run/" + task).toString(),
                    "--set", "train.epochs=1") : nlpipe("train", cfg.toString(), "--output", dir.resolve("example-run/" + task).toString());
            assertEquals(0, r.code(), yaml + r.err());
        }
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not listed");
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, nlpipe("run").code());
        assertEquals(2, nlpipe("frobnicate").code());
        Result r = nlpipe("run", dir.resolve("missing.yaml").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing.yaml: file not found"), r.err());
        assertTrue(r.err().contains("working directory"), r.err());
        assertFalse(r.err().contains(":0:0"), r.err());
        Path t = TempFiles.write(dir.resolve("t.yaml"), "task: no.such.task\ndata: { train: x }\n");
        Result tr = nlpipe("train", t.toString(), "--output", dir.resolve("m").toString());
        assertEquals(2, tr.code());
        assertTrue(tr.err().contains(":1:7: unknown training task 'no.such.task'"), tr.err());
    }

    @Test
    void versionAndHelp() {
        Result v = nlpipe("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("nlpipe "), v.out());
        Result h = nlpipe("run", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--threads"), h.out());
    }

    @Test
    void runsTheEmbeddingExample() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try (PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            dev.nlpipe.cli.examples.EmbedExample.main(new String[] {repo().resolve("examples/quickstart.yaml").toString()});
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("river"), printed);
    }
}
