package dev.nlpipe.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    @TempDir
    Path dir;

    private Path pipeline(String stages, String extra) {
        return TempFiles.write(dir.resolve("p.yaml"), "pipeline: t\n"
                + "input: { path: " + dir.resolve("in") + ", format: text }\n"
                + "stages:\n" + stages
                + "output: { path: " + dir.resolve("out.jsonl") + ", format: jsonl }\n" + extra);
    }

    private RunSummary run(Path yaml, int threads, int batch) throws IOException {
        try (Pipeline p = Pipeline.fromYaml(yaml)) {
            RunOptions d = p.defaultRunOptions(false);
            return p.run(new RunOptions(threads, batch, d.onError(), false), null);
        }
    }

    private void corpus(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i % 7 == 0 ? "短句" : "line number " + i + " with 中文 words").append('\n');
        }
        TempFiles.write(dir.resolve("in/a.txt"), sb.toString());
    }

    @Test
    void aDocumentFailingInAStageWithoutABatchFormLeavesTheOthersAnnotatedOnce() {
        // HanLP's recognizers append entities and can throw on one sentence: the documents before it ran once only
        dev.nlpipe.core.stage.Processor appendThenFail = d -> {
            d.addEntities(List.of(new dev.nlpipe.core.doc.Entity("PER", 0, 1, d.text().substring(0, 1), Double.NaN)));
            if (d.id().equals("bad")) {
                throw new IllegalStateException("recognizer failed");
            }
            return List.of(d);
        };
        List<dev.nlpipe.core.io.BadRecord> bad = new java.util.ArrayList<>();
        List<Document> out = PipelineRunner.processBatch(List.of(new dev.nlpipe.core.stage.ConfiguredStage("ner", "test.ner", appendThenFail)),
                List.of(new Document("a", "张三"), new Document("bad", "李四"), new Document("c", "王五")), bad::add, null);
        assertEquals(List.of("a", "c"), out.stream().map(Document::id).toList());
        assertEquals(List.of(1, 1), out.stream().map(d -> d.entities().size()).toList(), "each document annotated once");
        assertEquals(1, bad.size());
    }

    @Test
    void parallelOutputEqualsSequentialOutputInOrder() throws IOException {
        corpus(5000);
        Path yaml = pipeline("  - type: tokenize.regex\n  - type: test.duplicate\n  - type: filter.length\n    with: { minTokens: 3 }\n", "");
        RunSummary one = run(yaml, 1, 64);
        String sequential = Files.readString(dir.resolve("out.jsonl"));
        RunSummary four = run(yaml, 4, 7);
        String parallel = Files.readString(dir.resolve("out.jsonl"));
        assertEquals(sequential, parallel);
        assertEquals(5000, one.read());
        assertEquals(one.written(), four.written());
        assertEquals(2 * (5000 - 715), one.written(), "715 short lines dropped, the rest duplicated");
        assertEquals(List.of("tokenize.regex", "test.duplicate", "filter.length"), four.stages().stream().map(StageStats::id).toList());
        assertEquals(5000, four.stages().get(0).docsIn());
        assertEquals(10000, four.stages().get(2).docsIn());
        assertEquals(0, one.exitCode());
        assertEquals(0, four.failed());
        assertEquals("line number 1 with 中文 words", DocumentJson.parse(sequential.lines().findFirst().orElseThrow()).text());
    }

    @Test
    void badRecordsGoToTheErrorsFileWithLineNumbersAndTheRunContinues() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("good one\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xFE, '\n'});
        in.writeBytes("this will FAIL in a stage\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes(new byte[] {'n', 'u', 0, 'l', '\n'});
        in.writeBytes("good two\n".getBytes(StandardCharsets.UTF_8));
        TempFiles.writeBytes(dir.resolve("in/a.txt"), in.toByteArray());
        Path yaml = pipeline("  - type: tokenize.regex\n  - type: test.fail\n", "");
        RunSummary s = run(yaml, 2, 2);
        assertEquals(1, s.exitCode());
        assertEquals(3, s.failed());
        assertEquals(2, s.written());
        List<String> out = TempFiles.lines(dir.resolve("out.jsonl"));
        assertEquals(List.of("good one", "good two"), out.stream().map(l -> DocumentJson.parse(l).text()).toList());
        List<Map<String, Object>> errors = TempFiles.lines(dir.resolve("out.jsonl.errors.jsonl")).stream().map(RunnerTest::json).toList();
        assertEquals(3, errors.size());
        Map<Object, Object> byLine = new java.util.HashMap<>();
        errors.forEach(e -> byLine.put(((Number) e.get("line")).intValue(), e.get("reason")));
        assertEquals("invalid UTF-8", byLine.get(2));
        assertEquals("binary content (NUL byte at column 3)", byLine.get(4));
        assertTrue(byLine.get(3).toString().contains("cannot handle a.txt:3"), byLine.toString());
        Map<String, Object> stageError = errors.stream().filter(e -> e.containsKey("stage")).findFirst().orElseThrow();
        assertEquals("test.fail", stageError.get("stage"));
        assertEquals("a.txt:3", stageError.get("id"));
        assertEquals(dir.resolve("in/a.txt").toString(), stageError.get("source"));
    }

    @Test
    void aBadRecordIsLocatedWhereItWasReadEvenWhenTheDataHasSourceAndLineFields() throws IOException {
        // news data with fields of its own named source and line: they stay the document's, and do not move its bad record
        TempFiles.write(dir.resolve("in/news.jsonl"), "{\"text\": \"fine\", \"source\": \"Reuters\", \"line\": 7}\n"
                + "{\"text\": \"this will FAIL here\", \"source\": \"Reuters\", \"line\": 99}\n");
        Path yaml = TempFiles.write(dir.resolve("p.yaml"), "pipeline: t\n"
                + "input: { path: " + dir.resolve("in") + ", format: jsonl }\n"
                + "stages:\n  - type: tokenize.regex\n  - type: test.fail\n"
                + "output: { path: " + dir.resolve("out.jsonl") + ", format: jsonl }\n");
        RunSummary s = run(yaml, 1, 1);
        assertEquals(1, s.failed());
        Map<String, Object> error = json(TempFiles.lines(dir.resolve("out.jsonl.errors.jsonl")).get(0));
        assertEquals(dir.resolve("in/news.jsonl").toString(), error.get("source"));
        assertEquals(2, ((Number) error.get("line")).intValue());
        Document kept = DocumentJson.parse(TempFiles.lines(dir.resolve("out.jsonl")).get(0));
        assertEquals("Reuters", kept.meta().get("source"), "the data's own field is kept");
        assertEquals(7, ((Number) kept.meta().get("line")).intValue());
    }

    @Test
    void theErrorsFileAndTheFirstFailureAreTheSameOnOneThreadAndOnMany() throws IOException {
        // unreadable lines (the reader's records, met ahead of the workers) and stage failures (the workers') through many batches
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (int i = 1; i <= 3000; i++) {
            if (i % 37 == 0) {
                in.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xFE, '\n'});
            } else {
                in.writeBytes(((i % 13 == 0 ? "this will FAIL " : "fine ") + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        TempFiles.writeBytes(dir.resolve("in/a.txt"), in.toByteArray());
        Path yaml = pipeline("  - type: tokenize.regex\n  - type: test.fail\n", "");
        Path errors = dir.resolve("out.jsonl.errors.jsonl");
        run(yaml, 1, 8);
        List<String> sequential = TempFiles.lines(errors);
        assertTrue(sequential.size() > 250, "both kinds of records: " + sequential.size());
        for (int threads : new int[] {2, 4}) {
            run(yaml, threads, 8);
            assertEquals(sequential, TempFiles.lines(errors), threads + " threads: the same records in the same order");
        }
        Path failing = pipeline("  - type: tokenize.regex\n  - type: test.fail\n", "onError: fail\n");
        long firstLine = assertThrows(RecordFailedException.class, () -> run(failing, 1, 8)).record().line();
        assertEquals(13, firstLine);
        assertEquals(firstLine, assertThrows(RecordFailedException.class, () -> run(failing, 4, 8)).record().line(),
                "onError: fail stops at the same record");
    }

    @Test
    void aStaleErrorsFileIsRemovedWhenARunHasNoErrors() throws IOException {
        corpus(10);
        TempFiles.write(dir.resolve("out.jsonl.errors.jsonl"), "{\"old\":true}\n");
        run(pipeline("  - type: tokenize.regex\n", ""), 1, 4);
        assertFalse(Files.exists(dir.resolve("out.jsonl.errors.jsonl")));
    }

    @Test
    void onErrorFailStopsAtTheFirstBadRecordAndPublishesNothing() throws IOException {
        corpus(1000);
        TempFiles.write(dir.resolve("in/b.txt"), "ok\nFAIL here\nok again\n");
        Path yaml = pipeline("  - type: tokenize.regex\n  - type: test.fail\n", "onError: fail\n");
        RecordFailedException e = assertThrows(RecordFailedException.class, () -> run(yaml, 2, 16));
        assertEquals(2, e.record().line());
        assertTrue(e.getMessage().contains("b.txt"), "the record it stopped at is in the message: " + e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.jsonl")), "no final output");
        assertEquals(List.of("in/a.txt", "in/b.txt", "p.yaml"), TempFiles.tree(dir), "no errors file, no temporary files left");
    }

    @Test
    void aFailedRunKeepsTheErrorsFileOfTheOutputItKeeps() throws IOException {
        corpus(10);
        TempFiles.write(dir.resolve("in/b.txt"), "ok\nFAIL here\nFAIL again\n");
        run(pipeline("  - type: tokenize.regex\n  - type: test.fail\n", ""), 1, 4);
        List<String> output = TempFiles.lines(dir.resolve("out.jsonl"));
        List<String> errors = TempFiles.lines(dir.resolve("out.jsonl.errors.jsonl"));
        assertEquals(2, errors.size());
        Path failing = pipeline("  - type: tokenize.regex\n  - type: test.fail\n", "onError: fail\n");
        assertThrows(RecordFailedException.class, () -> run(failing, 1, 4));
        assertEquals(output, TempFiles.lines(dir.resolve("out.jsonl")), "the output is kept");
        assertEquals(errors, TempFiles.lines(dir.resolve("out.jsonl.errors.jsonl")), "and the errors file that describes it");
        // a run that fails before any bad record (a stage that breaks) must not delete it either
        Path breaking = pipeline("  - type: test.fail\n    with: { marker: 'number 5 ', fatal: true }\n", "");
        assertThrows(AssertionError.class, () -> run(breaking, 1, 4));
        assertEquals(errors, TempFiles.lines(dir.resolve("out.jsonl.errors.jsonl")));
    }

    @Test
    void aStageThatThrowsAnErrorMidwayLeavesNoOutputFile() throws IOException {
        corpus(3000);
        TempFiles.write(dir.resolve("out.jsonl"), "previous complete output\n");
        Path yaml = pipeline("  - type: test.fail\n    with: { marker: 'number 2000 ', fatal: true }\n", "");
        assertThrows(AssertionError.class, () -> run(yaml, 2, 10));
        assertEquals(List.of("previous complete output"), TempFiles.lines(dir.resolve("out.jsonl")), "old output untouched");
        assertEquals(List.of("in/a.txt", "out.jsonl", "p.yaml"), TempFiles.tree(dir), "no temporary files left");
    }

    @Test
    void directoryOutputMirrorsTheInputTree() throws IOException {
        TempFiles.write(dir.resolve("in/a.txt"), "alpha\n");
        TempFiles.write(dir.resolve("in/sub/b.txt.gz"), "");
        TempFiles.write(dir.resolve("in/sub/c.txt"), "gamma one\ngamma two\n");
        // an earlier run's output for the input that now gives no document must not stay as if this run wrote it
        TempFiles.write(dir.resolve("out/sub/b.txt"), "stale\n");
        runToDirectory("", "tokenize.regex", "", OnError.SKIP);
        assertEquals(List.of("a.txt", "sub/b.txt", "sub/c.txt"), TempFiles.tree(dir.resolve("out")));
        assertEquals(List.of(), TempFiles.lines(dir.resolve("out/sub/b.txt")), "an input without documents has an empty output");
        assertEquals(List.of("gamma one", "gamma two"), TempFiles.lines(dir.resolve("out/sub/c.txt")));
    }

    @Test
    void directoryOutputFollowsTheFileReadNotTheSourceTheDataCarries() throws IOException {
        // both files were made by an earlier run from files named a.txt: meta.source says so, but they are two inputs here
        TempFiles.write(dir.resolve("in/2024.jsonl"), "{\"id\": \"x1\", \"text\": \"one\", \"meta\": {\"source\": \"a.txt\"}}\n");
        TempFiles.write(dir.resolve("in/2025.jsonl"), "{\"id\": \"x2\", \"text\": \"two\", \"meta\": {\"source\": \"a.txt\"}}\n"
                + "{\"id\": \"x3\", \"text\": \"three\", \"source\": \"news\"}\n");
        runToDirectory(", format: jsonl", "tokenize.regex", "", OnError.SKIP);
        assertEquals(List.of("2024.txt", "2025.txt"), TempFiles.tree(dir.resolve("out")));
        assertEquals(List.of("two", "three"), TempFiles.lines(dir.resolve("out/2025.txt")), "every document, in its input's file");
    }

    @Test
    void aFailedRunToADirectoryPublishesNoneOfItsFiles() throws IOException {
        TempFiles.write(dir.resolve("in/a.txt"), "fine\n");
        TempFiles.write(dir.resolve("in/b.txt"), "ok\nFAIL here\n");
        TempFiles.write(dir.resolve("out/b.txt"), "an earlier run's output\n");
        assertThrows(RecordFailedException.class, () -> runToDirectory("", "test.fail", "onError: fail\n", OnError.FAIL));
        assertEquals(List.of("b.txt"), TempFiles.tree(dir.resolve("out")), "a.txt's output is not published, and no temporary file is left");
        assertEquals(List.of("an earlier run's output"), TempFiles.lines(dir.resolve("out/b.txt")));
    }

    /** Runs in/ through one stage into the directory out/ (text), two threads, one document per batch. */
    private void runToDirectory(String inputOptions, String stage, String extra, OnError onError) throws IOException {
        Path yaml = TempFiles.write(dir.resolve("d.yaml"), "input: { path: " + dir.resolve("in") + inputOptions + " }\n"
                + "stages: [ {type: " + stage + "} ]\noutput: { path: " + dir.resolve("out") + "/, format: text }\n" + extra);
        try (Pipeline p = Pipeline.fromYaml(yaml)) {
            p.run(new RunOptions(2, 1, onError, false), null);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String line) {
        try {
            return DocumentJson.mapper().readValue(line, Map.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void summaryReportsCountsAndStages() throws IOException {
        corpus(100);
        RunSummary s = run(pipeline("  - type: util.noop\n", ""), 1, 10);
        String text = s.format();
        assertTrue(text.startsWith("t: read 100, wrote 100, failed 0 documents"), text);
        assertTrue(text.contains("util.noop"), text);
        Map<String, Object> m = s.toMap();
        assertEquals(100L, m.get("documents_written"));
        assertEquals(List.of(dir.resolve("out.jsonl").toString()), m.get("outputs"));
    }

    @Test
    void documentsFlowThroughTheJavaApi() {
        try (Pipeline p = Pipeline.builder().add("normalize.text").add("tokenize.regex", Map.of("lowercase", true)).build()) {
            Document d = p.process(new Document("x", "ＡＢＣ Straße")).get(0);
            assertEquals(List.of("abc", "straße"), d.tokens().stream().map(t -> t.text()).toList());
            assertEquals(List.of(0, 4), d.tokens().stream().map(t -> t.start()).toList());
            assertEquals(3, p.process(java.util.stream.Stream.of(new Document("a", "x"), new Document("b", "y"),
                    new Document("c", "z"))).count());
        }
    }
}
