package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nlpipe run` refuses outputs that would destroy an input or another input's output, before building any stage. */
class OutputSafetyCliTest {
    @TempDir
    Path dir;

    private Path pipeline(String input, String output) {
        return TempFiles.write(dir.resolve("p.yaml"), """
                pipeline: p
                input: { path: %s, format: text }
                stages: [ { type: tokenize.regex } ]
                output: { path: %s, format: jsonl }
                """.formatted(input, output));
    }

    @Test
    void anOutputEqualToTheInputIsAConfigurationError() throws IOException {
        Path data = TempFiles.write(dir.resolve("same/data.txt"), "keep me\n");
        CliTest.Result r = nlpipe("run", pipeline(data.toString(), "x.jsonl").toString(), "--output", data.toString());
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("is the input file"), r.err());
        assertEquals("keep me\n", Files.readString(data));
    }

    @Test
    void neitherTheOutputNorTheMetricsReplaceThePipelineFileOrTheInput() throws IOException {
        Path data = TempFiles.write(dir.resolve("in.txt"), "keep me\n");
        Path p = pipeline(data.toString(), dir.resolve("out.jsonl").toString());
        String yaml = Files.readString(p);
        for (String[] args : new String[][] {{"--metrics", data.toString()}, {"--metrics", p.toString()},
                {"--metrics", dir.resolve("out.jsonl").toString()}, {"--output", p.toString()}}) {
            CliTest.Result r = nlpipe("run", p.toString(), args[0], args[1]);
            assertEquals(ExitCodes.CONFIG, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("writing it would replace what is read"), r.err());
        }
        assertEquals("keep me\n", Files.readString(data));
        assertEquals(yaml, Files.readString(p));
        assertFalse(Files.exists(dir.resolve("out.jsonl")), "refused before running");
    }

    @Test
    void anInputDirectoryOrGlobMatchingNoFileIsRefusedAndTheEarlierOutputKept() throws IOException {
        TempFiles.write(dir.resolve("g/a.txt"), "one\n");
        Path out = dir.resolve("keep.jsonl");
        Path p = pipeline(dir.resolve("g") + "/", out.toString());
        assertEquals(0, nlpipe("run", p.toString()).code());
        String earlier = Files.readString(out);
        CliTest.Result typo = nlpipe("run", p.toString(), "--set", "input.glob=*.txtt");
        assertEquals(ExitCodes.CONFIG, typo.code(), typo.err());
        assertTrue(typo.err().contains("holds no file matching glob '*.txtt'"), typo.err());
        Files.createDirectories(dir.resolve("empty"));
        CliTest.Result empty = nlpipe("run", p.toString(), "--input", dir.resolve("empty").toString());
        assertEquals(ExitCodes.CONFIG, empty.code(), empty.err());
        assertTrue(empty.err().contains("empty holds no file;"), empty.err());
        assertEquals(earlier, Files.readString(out), "the earlier output is kept");
    }

    @Test
    void aRerunWithTheOutputDirectoryInsideTheInputNamesTheLayout() throws IOException {
        TempFiles.write(dir.resolve("nest/a.txt"), "one\n");
        Path p = pipeline(dir.resolve("nest") + "/", dir.resolve("nest/out") + "/");
        assertEquals(0, nlpipe("run", p.toString()).code());
        CliTest.Result again = nlpipe("run", p.toString());
        assertEquals(ExitCodes.CONFIG, again.code(), again.err());
        assertTrue(again.err().contains("lies inside the output directory") && again.err().contains("beside the input"), again.err());
        // the input directory itself as the output, or one above it: its inputs are no earlier output
        TempFiles.write(dir.resolve("same/a.txt"), "one\n");
        CliTest.Result same = nlpipe("run", pipeline(dir.resolve("same") + "/", dir.resolve("same") + "/").toString(), "--set",
                "input.glob=*.txt");
        assertEquals(0, same.code(), same.err());
        assertTrue(Files.exists(dir.resolve("same/a.jsonl")));
        // a single output file inside the input: its errors file is never read back as input
        TempFiles.write(dir.resolve("bad/a.txt"), "one\n");
        Path q = TempFiles.write(dir.resolve("q.yaml"), """
                pipeline: p
                input: { path: %s, format: text, glob: '*.txt*' }
                stages: [ { type: tokenize.regex } ]
                output: { path: %s, format: jsonl, errors: %s }
                """.formatted(dir.resolve("bad") + "/", dir.resolve("all.jsonl"), dir.resolve("bad/all.txt.errors.jsonl")));
        Files.writeString(dir.resolve("bad/all.txt.errors.jsonl"), "{\"reason\": \"an earlier run's\"}\n");
        CliTest.Result r = nlpipe("run", q.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, Files.readAllLines(dir.resolve("all.jsonl")).size(), "the errors file is no input");
    }

    @Test
    void aMissingInputIsReportedWithTheFilesOtherMistakes() {
        Path p = TempFiles.write(dir.resolve("bad.yaml"), """
                pipeline: p
                input: { path: nope/, format: text }
                stages: [ { type: tokenize.regx } ]
                output: { path: out.jsonl, format: jsonl }
                """);
        CliTest.Result r = nlpipe("run", p.toString());
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("input not found") && r.err().contains("unknown stage type 'tokenize.regx'")
                && r.err().contains("2 errors"), r.err());
    }

    @Test
    void twoInputsWithOneOutputNameAreAConfigurationError() {
        TempFiles.write(dir.resolve("coll/a.txt"), "one\n");
        TempFiles.write(dir.resolve("coll/a.log"), "two\n");
        CliTest.Result r = nlpipe("run", pipeline(dir.resolve("coll") + "/", dir.resolve("coll_out") + "/").toString());
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("a.txt") && r.err().contains("a.log"), r.err());
        assertFalse(Files.exists(dir.resolve("coll_out")));
    }
    @Test
    void metricsNamingADirectoryIsRefusedBeforeTheRun() throws IOException {
        Path data = TempFiles.write(dir.resolve("in.txt"), "one\n");
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path out = dir.resolve("out.jsonl");
        CliTest.Result r = nlpipe("run", pipeline(data.toString(), out.toString()).toString(), "--metrics", reports.toString(), "--quiet");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("--metrics " + reports + " is a directory"), r.err());
        assertFalse(Files.exists(out), "refused before any document is read");
    }

    @Test
    void aReportFileStartingWithAnUnexpandedTildeIsRefused() throws IOException {
        String data = TempFiles.write(dir.resolve("d.txt"), "not read\n").toString();
        CliTest.Result r = nlpipe("eval", "segment", "--gold", data, "--pred", data, "--json", "~/scores.json");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("--json ~/scores.json starts with ~"), r.err());
    }

    @Test
    void everyEvaluationsReportFileNamingADirectoryIsRefusedBeforeReading() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path analogy = TempFiles.write(dir.resolve("analogy.txt"), ": s\na b c d\n");
        String data = TempFiles.write(dir.resolve("d.txt"), "not read\n").toString();
        // no model or vectors exist and the data is no data set: the refusal comes before any of them is read
        String[][] commands = {
            {"eval", "classify", "--model", "m", "--data", data, "--json", reports.toString()},
            {"eval", "ner", "--model", "m", "--data", data, "--json", reports.toString()},
            {"eval", "segment", "--gold", data, "--pred", data, "--json", reports.toString()},
            {"eval", "segment", "--gold", data, "--pipeline", "p.yaml", "--write-pred", reports.toString()},
            {"eval", "embed", "--vectors", "v.vec", "--analogy", analogy.toString(), "--json", reports.toString()},
        };
        for (String[] args : commands) {
            CliTest.Result r = nlpipe(args);
            String option = args[args.length - 2];
            assertEquals(ExitCodes.CONFIG, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(option + " " + reports + " is a directory"), String.join(" ", args) + ": " + r.err());
        }
    }

    @Test
    void anEvaluationsReportInsideTheVectorsDirectoryIsRefusedAndTheModelKept() throws IOException {
        Path model = TempFiles.write(dir.resolve("w2v/model.json"), "{\"kind\": \"embed.word2vec\"}\n");
        Path pairs = TempFiles.write(dir.resolve("pairs.tsv"), "king\tqueen\t7\n");
        CliTest.Result r = nlpipe("eval", "embed", "--vectors", model.getParent().toString(), "--similarity", pairs.toString(), "--json",
                model.toString());
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("--json " + model + " is inside the --vectors directory"), r.err());
        assertEquals("{\"kind\": \"embed.word2vec\"}\n", Files.readString(model));
    }

    @Test
    void anEvaluationsReportInsideTheDataDirectoryItReadsIsRefusedBeforeReading() throws IOException {
        Path data = TempFiles.write(dir.resolve("gold/part-1.tsv"), "label\ttext\n1\tgood\n");
        Path report = data.resolveSibling("metrics.json");
        // no model exists: the refusal comes before it is read
        for (String task : new String[] {"classify", "ner"}) {
            CliTest.Result r = nlpipe("eval", task, "--model", dir.resolve("m").toString(), "--data", data.getParent().toString(), "--json",
                    report.toString());
            assertEquals(ExitCodes.CONFIG, r.code(), task + ": " + r.err());
            assertTrue(r.err().contains("--json " + report + " is inside the --data directory"), task + ": " + r.err());
            assertFalse(Files.exists(report), task);
        }
    }
}
