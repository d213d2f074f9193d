package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.cli.ChildNlpipe;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.InstanceLock;
import dev.nlpipe.core.io.TempNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler in a child JVM, killed with SIGKILL at random moments, stopped with SIGTERM, and
 * raced by a second instance: whatever happens, each input ends with exactly one complete output,
 * no temporary file survives, and the state database agrees with the files.
 */
class ScheduleCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Slow enough (a few ms per document, one document per batch) that kills land inside files. */
    private static final String SLOW_PIPELINE = """
            input: { format: text }
            stages:
              - type: tokenize.regex
              - type: test.sleep
                with: { millis: %d }
            output: { format: jsonl }
            batchSize: 1
            threads: 2
            """;

    @TempDir
    Path tmp;

    @Test
    void survivesRepeatedSigkillWithExactlyOneCompleteOutputPerInput() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.pipeline(SLOW_PIPELINE.formatted(3));
        writeInputs(f, 300);
        Random random = new Random(20240808L);
        int killedMidRun = 0;
        int tempsLeftByKills = 0;
        for (int round = 0; round < 6; round++) {
            try (ChildNlpipe child = ChildNlpipe.start(tmp, args(f, "--once"))) {
                if (round == 0) {
                    Thread.sleep(random.nextInt(400));  // anywhere in start-up: lock, database creation, first files
                } else {
                    int files = 1 + random.nextInt(25);
                    assertTrue(child.awaitLines(l -> l.contains(" ok "), files, WAIT), "child never processed files:\n" + child.output());
                    Thread.sleep(random.nextInt(30));
                }
                child.kill();
            }
            killedMidRun++;
            tempsLeftByKills += temporaryFiles(f.out).size();
            assertDoneRowsHaveCompleteOutputs(f);
        }
        System.err.printf("crash test: %d kills, %d temporary files left behind by them%n", killedMidRun, tempsLeftByKills);
        long doneBeforeFinal = f.rows().values().stream().filter(r -> r.status() == FileStatus.DONE).count();
        assertTrue(doneBeforeFinal < 300, "the kills must land before the work is done (" + doneBeforeFinal + " done)");

        ScheduleFixture.Result last = f.schedule("--once");
        assertEquals(0, last.code(), last.err());
        f.assertConsistent();
        assertEquals(0, runsWithStatus(f, "running"), "a run left 'running' by a killed process is closed on restart");
        assertTrue(runsWithStatus(f, "killed") >= killedMidRun - 1, "killed runs are recorded as such");
    }

    @Test
    void sigtermFinishesTheFilesInProgressRecordsThemAndExitsZero() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.pipeline(SLOW_PIPELINE.formatted(15));
        writeInputs(f, 60);
        int code;
        String output;
        try (ChildNlpipe child = ChildNlpipe.start(tmp, args(f, "--every", "1h"))) {
            assertTrue(child.awaitLines(l -> l.contains(" ok "), 3, WAIT), child.output());
            // the files the running scheduler is on are in progress, not interrupted (an alert on interrupted would fire)
            String json = ScheduleFixture.main("schedule", "status", "--state", f.state().toString(), "--json").out();
            Map<String, Object> status = dev.nlpipe.core.doc.DocumentJson.mapper().readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            assertEquals(List.of(), status.get("interrupted"), json);
            assertEquals("running", ((Map<?, ?>) status.get("lastRun")).get("status"), json);
            assertEquals(null, status.get("lastFinishedRun"), "the first tick has not ended: " + json);
            code = child.terminate(WAIT);
            output = child.output();
        }
        assertEquals(0, code, output);
        assertTrue(output.contains("SIGTERM received: finishing the files in progress"), output);
        assertTrue(output.contains("stopped (SIGTERM)"), output);
        assertEquals(List.of(), temporaryFiles(f.out));
        Map<String, FileRecord> rows = f.rows();
        long done = rows.values().stream().filter(r -> r.status() == FileStatus.DONE).count();
        long logged = output.lines().filter(l -> l.contains(" ok ")).count();
        assertEquals(logged, done, "every file reported done was recorded, and only those");
        assertTrue(done >= 3 && done < 60, done + " files done");
        assertEquals(60 - done, rows.values().stream().filter(r -> r.status() == FileStatus.PENDING).count(), "the rest stays pending");
        assertDoneRowsHaveCompleteOutputs(f);

        ScheduleFixture.Result rest = f.schedule("--once");
        assertEquals(0, rest.code(), rest.err());
        assertTrue(rest.err().contains((60 - done) + " to process (" + (60 - done) + " pending)"), rest.err());
        f.assertConsistent();
    }

    @Test
    void aFileKilledAfterAStopWasAskedForIsToldApartFromACrash() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.pipeline(SLOW_PIPELINE.formatted(20).replace("threads: 2", "threads: 1"));
        f.write("long.txt", "a line\n".repeat(3000));
        try (ChildNlpipe child = ChildNlpipe.start(tmp, args(f, "--once"))) {
            assertTrue(awaitLastError(f, "long.txt", StateStore.PROCESS_ENDED), child.output());
            child.askToStop();
            assertTrue(child.awaitLines(l -> l.contains("SIGTERM received"), 1, WAIT), child.output());
            // the stop timeout passes before the file is done (a minute of work): systemd or Kubernetes sends SIGKILL
            assertTrue(awaitLastError(f, "long.txt", StateStore.PROCESS_STOPPING), child.output());
            child.kill();
        }
        try (StateStore store = StateStore.open(f.state())) {
            assertEquals(0, store.judgeInterruptedAttempts());
            FileRecord row = store.file("long.txt").orElseThrow();
            assertEquals(StateStore.STOP_TIMED_OUT_ALONE, row.lastError());
            assertEquals(1, row.attempts(), "counted: a file that never finishes must still be quarantined");
        }
    }

    /** Waits for a file's state row to carry an error. */
    private static boolean awaitLastError(ScheduleFixture f, String file, String error) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            FileRecord r = Files.exists(f.state()) ? f.rows().get(file) : null;
            if (r != null && error.equals(r.lastError())) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void aFileThatKillsEveryProcessIsQuarantinedAfterMaxAttempts() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.pipeline("""
                input: { format: text }
                stages:
                  - type: tokenize.regex
                  - type: test.halt
                    with: { marker: POISON }
                output: { format: jsonl }
                threads: 1
                """);
        f.write("a.txt", "fine\n");
        f.write("b-poison.txt", "this one has POISON in it\n");
        f.write("c.txt", "fine too\n");
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (ChildNlpipe child = ChildNlpipe.start(tmp, args(f, "--once", "--max-attempts", "2"))) {
                assertEquals(137, child.awaitExit(WAIT), child.output());
            }
            FileRecord row = f.row("b-poison.txt");
            assertEquals(FileStatus.PENDING, row.status());
            assertEquals(attempt, row.attempts(), "the attempt the process did not survive counts");
            assertEquals(StateStore.PROCESS_ENDED, row.lastError());
            String status = ScheduleFixture.main("schedule", "status", "--state", f.state().toString()).out();
            assertTrue(status.contains("interrupted (the process ended") && status.contains("b-poison.txt  attempt " + attempt + " of 2"),
                    status);
            assertTrue(status.contains(", killed: ") && !status.contains(", running: "), "nobody holds the lock: " + status);
        }
        try (ChildNlpipe child = ChildNlpipe.start(tmp, args(f, "--once", "--max-attempts", "2"))) {
            assertEquals(1, child.awaitExit(WAIT), "the quarantine is a failure of this run: " + child.output());
            assertTrue(child.output().contains("QUARANTINED  b-poison.txt after 2 attempts: " + StateStore.PROCESS_ENDED), child.output());
        }
        assertEquals(FileStatus.QUARANTINED, f.row("b-poison.txt").status());
        assertEquals(FileStatus.DONE, f.row("a.txt").status());
        assertEquals(FileStatus.DONE, f.row("c.txt").status(), "the files after it are processed at last");
        assertEquals(List.of("fine too"), f.output("c.jsonl").stream().map(Document::text).toList());
    }

    @Test
    void aFileThatKillsTheProcessBesideOthersIsRunAloneAndThenCounted() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.pipeline("""
                input: { format: text }
                stages:
                  - type: test.sleep
                    with: { millis: 10 }
                  - type: test.halt
                    with: { marker: POISON }
                output: { format: jsonl }
                batchSize: 1
                threads: 2
                """);
        f.write("a.txt", "fine\n".repeat(100));
        f.write("b-poison.txt", "this one has POISON in it\n");
        try (ChildNlpipe child = ChildNlpipe.start(tmp, args(f, "--once", "--max-attempts", "2"))) {
            assertEquals(137, child.awaitExit(WAIT), child.output());
        }
        // the death came with a.txt in progress too: neither is blamed, and the next run takes them one at a time
        try (ChildNlpipe child = ChildNlpipe.start(tmp, args(f, "--once", "--max-attempts", "2"))) {
            assertEquals(137, child.awaitExit(WAIT), child.output());
            assertTrue(child.output().contains("alone        b-poison.txt"), child.output());
        }
        assertEquals(FileStatus.DONE, f.row("a.txt").status(), "a.txt, run alone first, is done");
        assertEquals(StateStore.PROCESS_ENDED, f.row("b-poison.txt").lastError(), "this time b-poison.txt was alone");
        int runs = 2;
        int exit;
        do {
            try (ChildNlpipe child = ChildNlpipe.start(tmp, args(f, "--once", "--max-attempts", "2"))) {
                exit = child.awaitExit(WAIT);
            }
            runs++;
        } while (exit == 137 && runs < 6);
        assertEquals(1, exit, "the quarantine ends the restarts");
        assertEquals(FileStatus.QUARANTINED, f.row("b-poison.txt").status());
        assertEquals(4, runs, "one shared death, then two counted ones and the run that quarantines it");
    }

    @Test
    void aSecondInstanceExitsAtOnceAndAKilledInstancesLockIsTakenOver() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        writeInputs(f, 10);
        long pid;
        try (ChildNlpipe child = ChildNlpipe.start(tmp, args(f, "--every", "1h"))) {
            pid = child.pid();
            assertTrue(child.awaitLines(l -> l.contains("next tick at"), 1, WAIT), child.output());
            ScheduleFixture.Result second = f.schedule("--once");
            assertEquals(4, second.code(), second.err());
            assertTrue(second.err().contains("another `nlpipe schedule` is using this state database (pid " + pid + " on "), second.err());

            ScheduleFixture.Result status = ScheduleFixture.main("schedule", "status", "--state", f.state().toString());
            assertTrue(status.out().contains("running   pid " + pid), status.out());
            child.kill();
        }
        ScheduleFixture.Result status = ScheduleFixture.main("schedule", "status", "--state", f.state().toString());
        assertTrue(status.out().contains("running   no"), "a killed holder is not reported as running: " + status.out());

        f.write("late.txt", "arrived after the crash\n");
        ScheduleFixture.Result next = f.schedule("--once");
        assertEquals(0, next.code(), next.err());
        assertTrue(next.err().contains("took over the lock left by pid " + pid), next.err());
        assertTrue(next.err().contains("1 to process (1 new)"), next.err());
        f.assertConsistent();
        assertEquals(0L, Files.size(InstanceLock.fileFor(f.state())), "a clean exit empties the lock file");
    }

    private static List<String> args(ScheduleFixture f, String... trigger) {
        List<String> a = new ArrayList<>(List.of("schedule", f.pipeline.toString(), "--input", f.in.toString(), "--output", f.out.toString(),
                "--settle", "0s"));
        a.addAll(List.of(trigger));
        return a;
    }

    private static void writeInputs(ScheduleFixture f, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int line = 1; line <= 4; line++) {
                sb.append("file ").append(i).append(" line ").append(line).append(" 文本\n");
            }
            f.write("d" + (i % 7) + "/f" + i + ".txt", sb.toString());
        }
    }

    /** The invariant at every crash point: a row that says done has its whole output on disk. */
    private static void assertDoneRowsHaveCompleteOutputs(ScheduleFixture f) throws IOException, SQLException {
        if (!Files.exists(f.state())) {
            return;  // killed before it created the database
        }
        for (FileRecord r : f.rows().values()) {
            if (r.status() == FileStatus.DONE) {
                Path out = f.out.resolve(r.outputPath());
                assertEquals(r.outputSize(), Files.size(out), "output of " + r.path());
                assertEquals(r.docsIn(), f.output(r.outputPath()).size(), "documents in " + r.outputPath());
            }
        }
    }

    private static List<Path> temporaryFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> TempNames.owner(p).isPresent()).toList();
        }
    }

    private static int runsWithStatus(ScheduleFixture f, String status) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + f.state());
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM runs WHERE status = '" + status + "'")) {
            assertFalse(!rs.next());
            return rs.getInt(1);
        }
    }
}
