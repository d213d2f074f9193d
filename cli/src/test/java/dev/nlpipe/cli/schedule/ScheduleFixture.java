package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.cli.Main;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.InstanceLock;
import dev.nlpipe.core.io.TempNames;
import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** An input directory, an output directory and a pipeline file, with helpers to run the scheduler and check its results. */
final class ScheduleFixture {
    final Path root;
    final Path in;
    final Path out;
    final Path pipeline;

    /** What a command printed and returned. */
    record Result(int code, String out, String err) {
    }

    /** The pipeline a fixture starts with: regex tokens written as JSON lines. */
    static final String DEFAULT_PIPELINE = """
            pipeline: test
            input: { format: text }
            stages:
              - type: tokenize.regex
            output: { format: jsonl }
            """;

    ScheduleFixture(Path root) throws IOException {
        this.root = root;
        this.in = Files.createDirectories(root.resolve("in"));
        this.out = root.resolve("out");
        this.pipeline = root.resolve("pipe.yaml");
        pipeline(DEFAULT_PIPELINE);
    }

    void pipeline(String yaml) throws IOException {
        Files.writeString(pipeline, yaml);
    }

    Path write(String relative, String content) {
        return TempFiles.write(in.resolve(relative), content);
    }

    Path state() {
        return ScheduleSettings.defaultState(out);
    }

    /**
     * {@code nlpipe schedule PIPE --input IN --output OUT --settle 0s ARGS...} in this JVM: the tests
     * write their inputs just before, which the default settle time would leave for a later tick.
     */
    Result schedule(String... args) {
        List<String> all = new ArrayList<>(List.of("schedule", pipeline.toString(), "--input", in.toString(), "--output", out.toString(),
                "--settle", "0s"));
        all.addAll(List.of(args));
        return main(all.toArray(String[]::new));
    }

    /** {@code nlpipe ARGS...} in this JVM, capturing standard output and error. */
    static Result main(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8); PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            System.setOut(po);
            System.setErr(pe);
            int code = Main.execute(args, po, pe);
            Result r = new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
            oldErr.print(r.err());
            return r;
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    Map<String, FileRecord> rows() throws IOException, SQLException {
        try (StateStore s = StateStore.openExisting(state())) {
            return s.files();
        }
    }

    FileRecord row(String path) throws IOException, SQLException {
        FileRecord r = rows().get(path);
        assertNotNull(r, "no state row for " + path);
        return r;
    }

    /** The documents of an output file, parsed (fails on a truncated or malformed line). */
    List<Document> output(String relative) throws IOException {
        List<Document> docs = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(relative))) {
            docs.add(DocumentJson.parse(line));
        }
        return docs;
    }

    /** Regular files under the output directory, relative, excluding the state database and the locks. */
    List<String> outputFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
                    .filter(p -> !p.startsWith(ScheduleSettings.DEFAULT_STATE_NAME))
                    .filter(p -> !p.equals(InstanceLock.fileForOutput(out).getFileName().toString())).sorted().toList();
        }
    }

    /**
     * The end state every run must reach: each input has exactly one complete output (one parsed
     * document per input line, same text), nothing else is in the output directory (no temporary
     * or stray files), and each state row says done with the input's current hash, size and time
     * and the output's path and size.
     */
    void assertConsistent() throws IOException, SQLException {
        List<String> inputs;
        try (Stream<Path> walk = Files.walk(in)) {
            inputs = walk.filter(Files::isRegularFile).map(p -> in.relativize(p).toString()).sorted().toList();
        }
        Map<String, FileRecord> rows = rows();
        TreeSet<String> expectedOutputs = new TreeSet<>();
        for (String rel : inputs) {
            String outRel = rel.substring(0, rel.lastIndexOf('.')) + ".jsonl";
            expectedOutputs.add(outRel);
            List<String> lines = Files.readAllLines(in.resolve(rel)).stream().filter(l -> !l.isBlank()).toList();
            List<Document> docs = output(outRel);
            assertEquals(lines.size(), docs.size(), "documents in " + outRel);
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(lines.get(i), docs.get(i).text(), outRel + " line " + (i + 1));
            }
            FileRecord r = rows.get(rel);
            assertNotNull(r, "state row of " + rel);
            assertEquals(FileStatus.DONE, r.status(), rel + ": " + r.lastError());
            assertEquals(FileHasher.sha256(in.resolve(rel)), r.sha256(), "hash of " + rel);
            assertEquals(Files.size(in.resolve(rel)), r.size(), "size of " + rel);
            assertEquals(outRel, r.outputPath());
            assertEquals(Files.size(out.resolve(outRel)), r.outputSize(), "output size of " + rel);
            assertEquals(lines.size(), r.docsIn());
        }
        assertEquals(inputs.size(), rows.values().stream().filter(r -> r.status() != FileStatus.DELETED).count(), "live rows");
        List<String> present = outputFiles();
        assertEquals(List.copyOf(expectedOutputs), present, "files under the output directory");
        try (Stream<Path> walk = Files.walk(out)) {
            assertFalse(walk.anyMatch(p -> TempNames.owner(p).isPresent()), "a temporary file was left");
        }
        assertTrue(inputs.size() > 0);
    }
}
