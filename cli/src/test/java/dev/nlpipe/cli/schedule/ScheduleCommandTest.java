package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Token;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlpipe schedule --once}, {@code status} and {@code retry}, run in this JVM over small directories. */
class ScheduleCommandTest {

    @TempDir
    Path tmp;

    @Test
    void processesNewModifiedRenamedAndDeletedInputsIncrementally() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "Alpha one\nAlpha two\n");
        f.write("sub/b.txt", "Beta\n");
        ScheduleFixture.Result r = f.schedule("--once");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("2 to process (2 new)"), r.err());
        assertTrue(r.err().contains("tick #1 (once)"), r.err());
        f.assertConsistent();
        assertEquals(List.of("alpha", "one"), f.output("a.jsonl").get(0).tokens().stream().map(t -> t.text().toLowerCase()).toList());

        r = f.schedule("--once");
        assertTrue(r.err().contains("0 to process, 2 unchanged"), r.err());
        // numbered as schedule status numbers runs, so the logs of successive --once processes are told apart
        assertTrue(r.err().contains("tick #2 (once)") && r.err().contains("tick #2 done"), r.err());
        FileRecord before = f.row("a.txt");

        // a new modification time with the same content: the hash says unchanged, only the stat is updated
        Files.setLastModifiedTime(f.in.resolve("a.txt"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        r = f.schedule("--once");
        assertTrue(r.err().contains("0 to process, 2 unchanged"), r.err());
        FileRecord touched = f.row("a.txt");
        assertEquals(before.processedAt(), touched.processedAt());
        assertTrue(touched.mtimeNanos() != before.mtimeNanos());

        f.write("a.txt", "Alpha one\nAlpha two\nAlpha three\n");
        r = f.schedule("--once");
        assertTrue(r.err().contains("1 to process (1 changed)"), r.err());
        assertEquals(3, f.output("a.jsonl").size());
        f.assertConsistent();

        Files.move(f.in.resolve("sub/b.txt"), f.in.resolve("sub/c.txt"));
        r = f.schedule("--once");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("sub/c.txt -> sub/c.jsonl (new, renamed from sub/b.txt)"), r.err());
        assertTrue(r.err().contains("deleted      sub/b.txt (output kept: sub/b.jsonl)"), r.err());
        assertEquals(FileStatus.DELETED, f.row("sub/b.txt").status());
        assertEquals("sub/b.jsonl", f.row("sub/b.txt").outputPath());
        assertTrue(Files.exists(f.out.resolve("sub/b.jsonl")), "outputs of deleted inputs are kept without --prune");
        assertEquals("Beta", f.output("sub/c.jsonl").get(0).text());

        Files.delete(f.in.resolve("a.txt"));
        r = f.schedule("--once", "--prune");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(f.out.resolve("a.jsonl")));
        assertFalse(Files.exists(f.out.resolve("sub/b.jsonl")), "--prune also removes outputs kept from earlier deletions");
        assertNull(f.row("a.txt").outputPath());
        assertEquals(FileStatus.DELETED, f.row("a.txt").status());
        f.assertConsistent();

        // a deleted input that comes back is new again
        f.write("a.txt", "Alpha again\n");
        r = f.schedule("--once");
        assertTrue(r.err().contains("1 to process (1 new)"), r.err());
        f.assertConsistent();
    }

    @Test
    void anInputDirectoryFoundEmptyRecordsNoDeletionAndPrunesNothing() throws Exception {
        // an unmounted share leaves an empty mount point
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "Alpha\n");
        f.write("b.txt", "Beta\n");
        assertEquals(0, f.schedule("--once").code());
        Files.delete(f.in.resolve("a.txt"));
        Files.delete(f.in.resolve("b.txt"));
        ScheduleFixture.Result r = f.schedule("--once", "--prune");
        assertTrue(r.err().contains("lists no file while 2 recorded"), r.err());
        assertTrue(Files.exists(f.out.resolve("a.jsonl")) && Files.exists(f.out.resolve("b.jsonl")), "no output pruned");
        assertEquals(FileStatus.DONE, f.row("a.txt").status());
        f.write("a.txt", "Alpha\n");
        f.write("b.txt", "Beta\n");
        r = f.schedule("--once");
        assertTrue(r.err().contains("0 to process, 2 unchanged"), "back: nothing to redo: " + r.err());
    }

    @Test
    void anInboxEmptiedByArchivingItsFilesIsAnOrdinaryPass() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "Alpha\n");
        assertEquals(0, f.schedule("--once").code());
        Files.createDirectories(tmp.resolve("archive"));
        Files.move(f.in.resolve("a.txt"), tmp.resolve("archive/a.txt"));
        for (int pass = 2; pass <= 3; pass++) {
            ScheduleFixture.Result r = f.schedule("--once");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("tick #" + pass + " done"), r.err());
            assertEquals(1, r.err().lines().filter(l -> l.contains("lists no file")).count(), r.err());
        }
    }

    @Test
    void documentIdsNameTheFilesPathUnderTheInputAsRunDoes() throws Exception {
        // by the file name alone, both files' first documents were a.txt:1
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("2024/a.txt", "Alpha\n");
        f.write("2025/a.txt", "Beta\n");
        assertEquals(0, f.schedule("--once").code());
        assertEquals("2024/a.txt:1", f.output("2024/a.jsonl").get(0).id());
        assertEquals("2025/a.txt:1", f.output("2025/a.jsonl").get(0).id());
    }

    @Test
    void anOutputStartingWithAnUnexpandedTildeIsAUsageError() throws Exception {
        // --output=~/out: the shell leaves ~ there; the scheduler made ./~/out and then failed every file
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "Alpha\n");
        ScheduleFixture.Result r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", f.in.toString(), "--output",
                "~/nlpipe-test-out", "--once");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("starts with ~"), r.err());
        assertFalse(Files.exists(Path.of("~")), "no directory named ~");
    }

    @Test
    void aCronExpressionThatNeverMatchesIsAUsageError() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        ScheduleFixture.Result r = f.schedule("--cron", "0 0 30 2 *");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("never matches"), r.err());
    }

    @Test
    void twoSchedulersWithTheirOutputsInsideOneInputLeaveEachOthersOutputsAlone() throws Exception {
        // each processed the other's outputs, one level deeper on every pass
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "Alpha\n");
        Path tok = f.in.resolve("tok");
        Path vec = f.in.resolve("vec");
        for (int pass = 0; pass < 2; pass++) {
            for (Path out : List.of(tok, vec)) {
                ScheduleFixture.Result r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", f.in.toString(), "--output",
                        out.toString(), "--settle", "0s", "--once");
                assertEquals(0, r.code(), r.err());
                assertTrue(r.err().contains("1 files under"), r.err());
            }
        }
        try (Stream<Path> walk = Files.walk(vec)) {
            assertEquals(List.of("a.jsonl"), walk.filter(Files::isRegularFile).map(p -> vec.relativize(p).toString())
                    .filter(p -> !p.startsWith(".")).toList());
        }
    }

    @Test
    void aFailedFileIsRetriedAtOnceAfterTheConfigurationChanges() throws Exception {
        // it waited out its backoff under the new configuration, contrary to the docs
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.pipeline("""
                input: { format: text }
                stages: [ { type: tokenize.regex } ]
                onError: fail
                """);
        Files.write(f.in.resolve("bad.txt"), new byte[] {'o', 'k', '\n', (byte) 0xff, '\n'});
        assertEquals(1, f.schedule("--once", "--retry-backoff", "1h").code());
        assertEquals(FileStatus.FAILED, f.row("bad.txt").status());
        f.pipeline("""
                input: { format: text }
                stages: [ { type: tokenize.regex } ]
                onError: skip
                """);
        ScheduleFixture.Result r = f.schedule("--once", "--retry-backoff", "1h");
        assertTrue(r.err().contains("1 to process (1 config-changed)"), r.err());
        assertEquals(FileStatus.DONE, f.row("bad.txt").status(), r.err());
        assertEquals(2, f.row("bad.txt").attempts(), "the failed attempt still counts");
    }

    @Test
    void anErrorsFileAmongTheInputsIsNoInput() throws Exception {
        // a scheduler over another one's output: its errors file would be this one's output name for a.jsonl's errors
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "Alpha\n");
        f.write("a.txt.errors.jsonl", "{\"source\": \"x\", \"line\": 1, \"reason\": \"bad\"}\n");
        ScheduleFixture.Result r = f.schedule("--once");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 to process (1 new)"), r.err());
        assertFalse(Files.exists(f.out.resolve("a.txt.errors.jsonl")), "not processed as documents");
    }

    @Test
    void aFileDeletedOnAnEarlierTickIsRecognisedWhenItComesBackUnderAnotherName() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("2025-01.log", "January\n");
        f.write("other.txt", "Other\n");
        assertEquals(0, f.schedule("--once").code());
        Files.delete(f.in.resolve("2025-01.log"));
        ScheduleFixture.Result r = f.schedule("--once");
        assertTrue(r.err().contains("deleted      2025-01.log"), r.err());
        f.write("archive/2025-01.log", "January\n");
        r = f.schedule("--once");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("archive/2025-01.log -> archive/2025-01.jsonl (new, renamed from 2025-01.log)"), r.err());
    }

    @Test
    void aFileJustWrittenIsLeftForALaterTickAndAQuietOneIsRead() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("copying.txt", "Alpha one\n");
        // an hour rather than the default 2 s, so a slow start of this tick cannot let the file through
        ScheduleFixture.Result r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", f.in.toString(), "--output",
                f.out.toString(), "--once", "--settle", "1h");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("0 to process") && r.err().contains("1 modified in the last moments (left for a later tick)"),
                r.err());
        assertTrue(!Files.exists(f.out.resolve("copying.jsonl")), "not read while it may still be being written");
        Files.setLastModifiedTime(f.in.resolve("copying.txt"), FileTime.fromMillis(System.currentTimeMillis() - 5_000));
        r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", f.in.toString(), "--output", f.out.toString(), "--once");
        assertTrue(r.err().contains("1 to process"), r.err());
        assertTrue(Files.exists(f.out.resolve("copying.jsonl")));
    }

    @Test
    void aFileTooLargeForTheHeapIsThatFilesFailureNotTheSchedulers() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.pipeline("""
                input: { format: text }
                stages: [ { type: test.fail, with: { marker: HUGE, outOfMemory: true } } ]
                """);
        f.write("fine.txt", "fine text\n");
        f.write("huge.txt", "HUGE text\n");
        ScheduleFixture.Result r = f.schedule("--once", "--max-attempts", "1");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("QUARANTINED  huge.txt") && r.err().contains("needs more memory than the JVM has"), r.err());
        assertEquals(FileStatus.DONE, f.row("fine.txt").status(), "the other file is done");
    }

    @Test
    void aFailedAttemptLeavesThePreviousOutputAndItsErrorsFileAsTheyWere() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.pipeline("""
                input: { format: text }
                stages:
                  - { id: bad, type: test.fail, with: { marker: BAD } }
                  - { id: huge, type: test.fail, with: { marker: HUGE, outOfMemory: true } }
                """);
        f.write("a.txt", "fine\nBAD line\n");
        assertEquals(1, f.schedule("--once").code(), "a bad record under onError: skip");
        Path output = f.out.resolve("a.jsonl");
        Path errors = f.out.resolve("a.jsonl.errors.jsonl");
        String published = Files.readString(output);
        String publishedErrors = Files.readString(errors);
        assertTrue(publishedErrors.contains("cannot handle"), publishedErrors);

        f.write("a.txt", "fine\nHUGE text\n");
        ScheduleFixture.Result r = f.schedule("--once", "--max-attempts", "1");
        assertTrue(r.err().contains("QUARANTINED  a.txt"), r.err());
        assertEquals(published, Files.readString(output), "the old output stays");
        assertEquals(publishedErrors, Files.readString(errors), "and so does its errors file, which belongs to it");
        try (Stream<Path> left = Files.list(f.out)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".a.jsonl")).toList(),
                    "no temporary errors file left");
        }

        f.write("a.txt", "fine\nall good\n");
        assertEquals(0, ScheduleFixture.main("schedule", "retry", "--state", f.state().toString(), f.in.resolve("a.txt").toString())
                .code());
        assertEquals(0, f.schedule("--once").code());
        assertFalse(Files.exists(errors), "a published output without bad records has no errors file");
    }

    @Test
    void failedFilesAreRetriedWithBackoffThenQuarantinedUntilReleased() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.pipeline("""
                input: { format: text }
                stages: [ { type: tokenize.regex } ]
                onError: fail
                """);
        f.write("good.txt", "fine text\n");
        Path bad = f.in.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', (byte) 0xff, (byte) 0xfe, '\n'});

        ScheduleFixture.Result r = f.schedule("--once", "--max-attempts", "2", "--retry-backoff", "1h");
        assertEquals(1, r.code(), "a failed file makes --once exit 1");
        assertTrue(r.err().contains("FAILED       bad.txt (attempt 1 of 2"), r.err());
        FileRecord row = f.row("bad.txt");
        assertEquals(FileStatus.FAILED, row.status());
        assertEquals(1, row.attempts());
        assertTrue(row.lastError().contains("invalid UTF-8"), row.lastError());
        assertFalse(Files.exists(f.out.resolve("bad.jsonl")), "a failed file publishes no output");
        assertEquals(FileStatus.DONE, f.row("good.txt").status(), "other files go on");

        assertTrue(row.nextAttemptAt().isAfter(Instant.now().plusSeconds(3500)), "retried after the backoff: " + row.nextAttemptAt());

        r = f.schedule("--once", "--max-attempts", "2", "--retry-backoff", "1h");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 waiting to retry"), r.err());

        // the hour passes
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + f.state());
             Statement st = db.createStatement()) {
            st.executeUpdate("UPDATE files SET next_attempt_at = 0 WHERE path = 'bad.txt'");
        }
        r = f.schedule("--once", "--max-attempts", "2", "--retry-backoff", "1h");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("QUARANTINED  bad.txt after 2 attempts"), r.err());
        assertEquals(FileStatus.QUARANTINED, f.row("bad.txt").status());

        r = f.schedule("--once", "--max-attempts", "2", "--retry-backoff", "0s");
        assertEquals(0, r.code(), "quarantined files are left alone");
        assertTrue(r.err().contains("1 quarantined"), r.err());

        ScheduleFixture.Result status = ScheduleFixture.main("schedule", "status", "--state", f.state().toString(), "--json");
        assertEquals(0, status.code(), status.err());
        Map<String, Object> json = DocumentJson.mapper().readValue(status.out(), new TypeReference<Map<String, Object>>() { });
        assertEquals(Map.of("pending", 0, "done", 1, "failed", 0, "quarantined", 1, "deleted", 0), json.get("counts"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> quarantined = (List<Map<String, Object>>) json.get("quarantined");
        assertEquals("bad.txt", quarantined.get(0).get("path"));
        assertTrue(quarantined.get(0).get("error").toString().contains("invalid UTF-8"));
        assertTrue(((Map<?, ?>) json.get("lastRun")).get("finishedAt") != null);
        assertEquals(json.get("lastRun"), json.get("lastFinishedRun"), "no tick runs now: the last is the last that ended");
        status = ScheduleFixture.main("schedule", "status", "--output", f.out.toString());
        assertTrue(status.out().contains("1 quarantined"), status.out());
        assertTrue(status.out().contains("bad.txt  2 attempts"), status.out());

        ScheduleFixture.Result retry = ScheduleFixture.main("schedule", "retry", "--state", f.state().toString(), bad.toString());
        assertEquals(0, retry.code(), retry.err());
        assertTrue(retry.out().contains("released bad.txt"), retry.out());
        assertEquals(FileStatus.PENDING, f.row("bad.txt").status());
        assertEquals(0, f.row("bad.txt").attempts());
        assertNull(f.row("bad.txt").lastError(), "a released file carries no earlier error");
        ScheduleFixture.Result none = ScheduleFixture.main("schedule", "retry", "--state", f.state().toString(), "good.txt");
        assertEquals(2, none.code(), "releasing a file that is not failed is an error");
        assertTrue(none.err().contains("no file released") && !none.err().contains("the next tick processes them"), none.err());

        r = f.schedule("--once", "--max-attempts", "2", "--retry-backoff", "0s");
        assertEquals(FileStatus.FAILED, f.row("bad.txt").status());
        assertEquals(1, f.row("bad.txt").attempts(), "a released file starts counting again");

        // fixing the content makes it a changed file, processed at once
        Files.writeString(bad, "repaired\n");
        r = f.schedule("--once", "--max-attempts", "2", "--retry-backoff", "1h");
        assertEquals(0, r.code(), r.err());
        f.assertConsistent();
    }

    @Test
    void aChangedConfigurationReprocessesEveryFileUnlessDisabled() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("x/one.txt", "Hello World\n");
        f.write("two.txt", "Second File\n");
        assertEquals(0, f.schedule("--once").code());
        assertEquals("Hello", f.output("x/one.jsonl").get(0).tokens().get(0).text());

        f.pipeline("""
                input: { format: text }
                stages:
                  - type: tokenize.regex
                    with: { lowercase: true }
                """);
        ScheduleFixture.Result r = f.schedule("--once");
        assertTrue(r.err().contains("2 to process (2 config-changed)"), r.err());
        assertEquals("hello", f.output("x/one.jsonl").get(0).tokens().get(0).text());
        String hash = f.row("two.txt").configHash();

        // renaming the pipeline or adding threads changes nothing that outputs depend on
        f.pipeline("""
                pipeline: renamed
                threads: 3
                input: { format: text }
                stages:
                  - type: tokenize.regex
                    with: { lowercase: true }
                """);
        r = f.schedule("--once");
        assertTrue(r.err().contains("0 to process"), r.err());

        f.pipeline("""
                input: { format: text }
                stages:
                  - type: tokenize.regex
                    with: { lowercase: false }
                """);
        r = f.schedule("--once", "--no-reprocess-on-config-change");
        assertTrue(r.err().contains("0 to process"), r.err());
        assertEquals(hash, f.row("two.txt").configHash());
        f.write("three.txt", "Third File\n");
        r = f.schedule("--once", "--no-reprocess-on-config-change");
        assertTrue(r.err().contains("1 to process (1 new)"), r.err());
        assertEquals("Third", f.output("three.jsonl").get(0).tokens().get(0).text());
    }

    @Test
    void anOutputLeftUnderItsOldNameByAFormatChangeIsRemovedByALaterPrune() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("one.txt", "Hello World\n");
        assertEquals(0, f.schedule("--once").code());
        assertTrue(Files.exists(f.out.resolve("one.jsonl")));

        f.pipeline(pipelineWritingText());
        ScheduleFixture.Result r = f.schedule("--once");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("one.jsonl kept until --prune"), r.err());
        assertTrue(Files.exists(f.out.resolve("one.txt")) && Files.exists(f.out.resolve("one.jsonl")), "kept without --prune");

        r = f.schedule("--once", "--prune");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("0 to process"), r.err());
        assertFalse(Files.exists(f.out.resolve("one.jsonl")), "a later --prune removes the superseded output");
        assertTrue(Files.exists(f.out.resolve("one.txt")));

        // back to jsonl and to text again: an output written again is its input's, never pruned as superseded
        f.pipeline(ScheduleFixture.DEFAULT_PIPELINE);
        assertEquals(0, f.schedule("--once").code());
        f.pipeline(pipelineWritingText());
        assertEquals(0, f.schedule("--once").code());
        f.pipeline(ScheduleFixture.DEFAULT_PIPELINE);
        r = f.schedule("--once", "--prune");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(f.out.resolve("one.jsonl")), r.err());
        assertFalse(Files.exists(f.out.resolve("one.txt")), r.err());
        f.assertConsistent();
    }

    private static String pipelineWritingText() {
        return ScheduleFixture.DEFAULT_PIPELINE.replace("format: jsonl", "format: text");
    }

    @Test
    void aWordListEditedInPlaceCountsAsAConfigurationChange() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        Path stopWords = Files.writeString(tmp.resolve("stop.txt"), "hello\n");
        f.pipeline("""
                input: { format: text }
                stages:
                  - type: tokenize.regex
                  - type: stopwords.remove
                    with: { languages: [], files: [%s] }
                """.formatted(stopWords.toAbsolutePath()));
        f.write("one.txt", "Hello World\n");
        assertEquals(0, f.schedule("--once").code());
        assertEquals(List.of("World"), f.output("one.jsonl").get(0).tokens().stream().map(Token::text).toList());

        Files.writeString(stopWords, "world\n#\n");
        ScheduleFixture.Result r = f.schedule("--once");
        assertTrue(r.err().contains("1 to process (1 config-changed)"), r.err());
        assertEquals(List.of("Hello"), f.output("one.jsonl").get(0).tokens().stream().map(Token::text).toList());
        r = f.schedule("--once");
        assertTrue(r.err().contains("0 to process"), r.err());
    }

    @Test
    void aMissingOrDamagedOutputIsWrittenAgain() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "one\n");
        f.write("b.txt", "two\n");
        assertEquals(0, f.schedule("--once").code());
        Files.delete(f.out.resolve("a.jsonl"));
        Files.writeString(f.out.resolve("b.jsonl"), "{\"id\":");
        ScheduleFixture.Result r = f.schedule("--once");
        assertTrue(r.err().contains("2 to process (2 output-missing)"), r.err());
        f.assertConsistent();
    }

    @Test
    void inputsWhoseOutputsWouldCollideFailInsteadOfOverwriting() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "from txt\n");
        assertEquals(0, f.schedule("--once").code());
        f.write("a.csv", "text\nfrom csv\n");
        ScheduleFixture.Result r = f.schedule("--once", "--max-attempts", "1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("its output a.jsonl is already written for a.txt"), r.err());
        assertEquals(FileStatus.QUARANTINED, f.row("a.csv").status());
        assertEquals("from txt", f.output("a.jsonl").get(0).text());
    }

    @Test
    void globSelectsInputsAndTheOutputDirectoryInsideTheInputIsSkipped() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("keep.txt", "kept\n");
        f.write("skip.log", "skipped\n");
        Path nestedOut = f.in.resolve("out");
        ScheduleFixture.Result r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", f.in.toString(), "--output",
                nestedOut.toString(), "--once", "--glob", "*.txt", "--settle", "0s");
        assertEquals(0, r.code(), r.err());
        r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", f.in.toString(), "--output", nestedOut.toString(), "--once",
                "--settle", "0s");
        assertTrue(r.err().contains("2 files under"), "the output directory's own files are not inputs: " + r.err());
        assertTrue(Files.exists(nestedOut.resolve("keep.jsonl")));
        assertTrue(Files.exists(nestedOut.resolve("skip.jsonl")));
    }

    @Test
    void anOutputInsideTheInputReachedThroughALinkIsStillSkipped() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "one\n");
        Path link = Files.createSymbolicLink(tmp.resolve("inbox"), f.in);
        Path out = f.in.resolve("processed");
        for (int pass = 0; pass < 3; pass++) {
            ScheduleFixture.Result r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", link.toString(), "--output",
                    out.toString(), "--once", "--settle", "0s");
            assertEquals(0, r.code(), r.err());
            assertFalse(r.err().contains(" processed/a.jsonl ->"), "pass " + pass + ": outputs are no inputs: " + r.err());
        }
        assertFalse(Files.exists(out.resolve("processed")), "no output of an output");
        // a link inside the input that leads to the output
        ScheduleFixture g = new ScheduleFixture(Files.createDirectories(tmp.resolve("g")));
        g.write("a.txt", "one\n");
        Files.createDirectories(g.out);
        Files.createSymbolicLink(g.in.resolve("mirror"), g.out);
        for (int pass = 0; pass < 3; pass++) {
            ScheduleFixture.Result r = g.schedule("--once");
            assertEquals(0, r.code(), r.err());
            assertFalse(r.err().contains("mirror/"), "pass " + pass + ": outputs are no inputs: " + r.err());
        }
        // the output given through a link to a directory that is the input's: refused as the same directory
        Path same = Files.createSymbolicLink(tmp.resolve("same"), f.in);
        ScheduleFixture.Result r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", f.in.toString(), "--output",
                same.toString(), "--once", "--settle", "0s");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--output must differ from --input"), r.err());
    }

    @Test
    void aFileMovedAwayBeforeItsTurnIsNeitherAnAttemptNorAFailure() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "MOVE\n");
        Path b = f.write("b.txt", "second\n");
        f.pipeline("""
                pipeline: test
                input: { format: text }
                stages:
                  - type: tokenize.regex
                  - type: test.move-away
                    with: { file: '%s' }
                output: { format: jsonl }
                """.formatted(b));
        ScheduleFixture.Result r = f.schedule("--once", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("gone         b.txt (moved away before its turn; no attempt counted)"), r.err());
        assertFalse(r.err().contains("FAILED"), r.err());
        ScheduleFixture.Result again = f.schedule("--once", "--threads", "1");
        assertEquals(0, again.code(), again.err());
        ScheduleFixture.Result status = ScheduleFixture.main("schedule", "status", "--state", f.state().toString());
        assertFalse(status.out().contains("failed: 1") || status.out().contains("b.txt"), status.out());
    }

    @Test
    void statusOnlyReadsAndRefusesAFileThatIsNoStateDatabase() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "one\n");
        assertEquals(0, f.schedule("--once").code());
        ScheduleFixture.Result ok = ScheduleFixture.main("schedule", "status", "--state", f.state().toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("1 done"), ok.out());
        // an empty lock file named by mistake was turned into a database and reported as one never run
        Path lock = Files.createFile(tmp.resolve("x.db.lock"));
        ScheduleFixture.Result wrong = ScheduleFixture.main("schedule", "status", "--state", lock.toString());
        assertTrue(wrong.code() != 0 && wrong.err().contains("is not an nlpipe state database"), wrong.err());
        assertEquals(0, Files.size(lock), "nothing written into it");
    }

    @Test
    void usageErrorsExitWithCodeTwoAndSayWhatToDo() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        assertUsage(f.schedule(), "exactly one of --once, --every DURATION or --cron");
        assertUsage(f.schedule("--once", "--every", "10m"), "exactly one of");
        assertUsage(f.schedule("--every", "ten minutes"), "invalid duration 'ten minutes'");
        assertUsage(f.schedule("--cron", "61 * * * *"), "invalid cron expression '61 * * * *'");
        assertUsage(f.schedule("--once", "--zone", "Mars/Olympus"), "unknown time zone 'Mars/Olympus'");
        assertUsage(f.schedule("--once", "--threads", "-3"), "--threads must be between 1 and");
        assertUsage(f.schedule("--once", "--max-attempts", "0"), "--max-attempts must be at least 1");
        assertUsage(ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", tmp.resolve("nope").toString(), "--output",
                f.out.toString(), "--once"), "does not exist");
        assertUsage(ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", f.in.toString(), "--output", f.in.toString(),
                "--once"), "--output must differ from --input");
        assertUsage(ScheduleFixture.main("schedule", "status", "--state", tmp.resolve("none.db").toString()), "no state database");
        f.pipeline("stages:\n  - type: tokenize.regexx\n");
        ScheduleFixture.Result r = f.schedule("--once");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pipe.yaml:2:5: unknown stage type 'tokenize.regexx'"), r.err());
    }

    @Test
    void aStateDatabaseBelongsToOneInputAndOutput() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "one\n");
        assertEquals(0, f.schedule("--once").code());
        Path other = Files.createDirectories(tmp.resolve("other"));
        ScheduleFixture.Result r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", other.toString(), "--output",
                f.out.toString(), "--once");
        assertUsage(r, "belongs to --input " + f.in.toAbsolutePath());
    }

    @Test
    void theSameDirectoriesReachedThroughLinksKeepTheirStateDatabase() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "one\n");
        assertEquals(0, f.schedule("--once").code());
        Path inLink = Files.createSymbolicLink(tmp.resolve("inlink"), f.in);
        Path outLink = Files.createSymbolicLink(tmp.resolve("outlink"), f.out);
        ScheduleFixture.Result r = ScheduleFixture.main("schedule", f.pipeline.toString(), "--input", inLink.toString(), "--output",
                outLink.toString(), "--state", f.state().toString(), "--settle", "0s", "--once");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("0 to process, 1 unchanged"), r.err());
        Files.delete(inLink);
        assertEquals(0, f.schedule("--once").code(), "the directories as first given still belong to it");
    }

    @Test
    void aStateThatIsNoDatabaseIsNamedWithTheFileToGive() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "these are notes, not a database\n");
        ScheduleFixture.Result r = ScheduleFixture.main("schedule", "status", "--state", notes.toString());
        assertUsage(r, "is not an nlpipe state database");
        r = ScheduleFixture.main("schedule", "status", "--state", f.in.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("these are notes, not a database\n", Files.readString(notes), "the file is left as it was");
    }

    private static void assertUsage(ScheduleFixture.Result r, String message) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), "expected '" + message + "' in: " + r.err());
    }
}
