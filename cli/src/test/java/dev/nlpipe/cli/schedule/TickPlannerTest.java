package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's decisions, on made-up scans and rows, without touching a disk. */
class TickPlannerTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final Map<String, String> hashes = new HashMap<>();
    private final Map<String, Long> outputSizes = new HashMap<>();
    private final List<String> hashed = new ArrayList<>();
    private final TickPlanner.Disk disk = new TickPlanner.Disk() {
        @Override
        public String sha256(ScannedFile f) throws IOException {
            hashed.add(f.relative());
            String h = hashes.get(f.relative());
            if (h == null && f.relative().startsWith("moved-away")) {
                throw new java.nio.file.NoSuchFileException(f.relative());
            }
            if (h == null && f.relative().startsWith("huge")) {
                throw new java.io.InterruptedIOException("stopped while reading " + f.relative());
            }
            if (h == null) {
                throw new IOException("Permission denied");
            }
            return h;
        }

        @Override
        public long outputSize(String output) {
            return outputSizes.getOrDefault(output, -1L);
        }
    };
    private final TickPlanner planner = new TickPlanner("jsonl", "cfg1", true, Duration.ZERO);

    private static ScannedFile file(String rel, long size, long mtime) {
        return new ScannedFile(rel, Path.of("in", rel), size, mtime);
    }

    private static FileRecord row(String path, long size, long mtime, String sha, FileStatus status, int attempts, String config,
                                  Instant nextAttempt) {
        String out = path.substring(0, path.lastIndexOf('.')) + ".jsonl";
        return new FileRecord(path, size, mtime, sha, status, attempts, null, status == FileStatus.PENDING ? null : out, 10, config,
                NOW, null, nextAttempt, null, 0, 1, 1, 0);
    }

    private Map<String, FileRecord> rows(FileRecord... rs) {
        Map<String, FileRecord> m = new HashMap<>();
        for (FileRecord r : rs) {
            m.put(r.path(), r);
            outputSizes.put(r.outputPath(), 10L);
        }
        return m;
    }

    @Test
    void unchangedStatIsTrustedWithoutHashingAndATouchedFileWithTheSameHashIsOnlyRestated() throws Exception {
        hashes.put("b.txt", "hb");
        TickPlanner.Plan p = planner.plan(List.of(file("a.txt", 5, 100), file("b.txt", 5, 999)),
                rows(row("a.txt", 5, 100, "ha", FileStatus.DONE, 1, "cfg1", null), row("b.txt", 5, 200, "hb", FileStatus.DONE, 1, "cfg1", null)),
                NOW, disk, TickPlanner.NONE_DELETED);
        assertEquals(List.of(), p.work());
        assertEquals(2, p.unchanged());
        assertEquals(List.of("b.txt"), hashed, "only the file whose stat changed is hashed");
        assertEquals(List.of("b.txt"), p.touched().stream().map(ScannedFile::relative).toList());
    }

    @Test
    void newChangedConfigChangedAndMissingOutputsAreProcessed() throws Exception {
        hashes.putAll(Map.of("new.txt", "hn", "changed.txt", "hc2"));
        Map<String, FileRecord> rows = rows(row("changed.txt", 5, 100, "hc1", FileStatus.DONE, 1, "cfg1", null),
                row("old-config.txt", 5, 100, "ho", FileStatus.DONE, 1, "cfg0", null),
                row("lost.txt", 5, 100, "hl", FileStatus.DONE, 1, "cfg1", null));
        outputSizes.remove("lost.jsonl");
        TickPlanner.Plan p = planner.plan(List.of(file("changed.txt", 6, 101), file("lost.txt", 5, 100), file("new.txt", 3, 1),
                file("old-config.txt", 5, 100)), rows, NOW, disk, TickPlanner.NONE_DELETED);
        assertEquals(Map.of("changed.txt", WorkItem.Reason.CHANGED, "lost.txt", WorkItem.Reason.OUTPUT_MISSING,
                "new.txt", WorkItem.Reason.NEW, "old-config.txt", WorkItem.Reason.CONFIG_CHANGED), reasons(p));
        assertEquals("hc2", p.work().get(0).sha256());
        assertEquals("new.jsonl", p.work().get(2).output());
        TickPlanner keep = new TickPlanner("jsonl", "cfg1", false, Duration.ZERO);
        assertEquals(3, keep.plan(List.of(file("changed.txt", 6, 101), file("lost.txt", 5, 100), file("new.txt", 3, 1),
                file("old-config.txt", 5, 100)), rows, NOW, disk, TickPlanner.NONE_DELETED).work().size(), "without reprocessing, old-config.txt stays");
    }

    @Test
    void deletedInputsAreReportedAndARenameIsRecognisedByItsHash() throws Exception {
        hashes.put("moved/a.txt", "ha");
        Map<String, FileRecord> rows = rows(row("a.txt", 5, 100, "ha", FileStatus.DONE, 1, "cfg1", null),
                row("gone-long-ago.txt", 5, 100, "hg", FileStatus.DELETED, 1, "cfg1", null));
        TickPlanner.Plan p = planner.plan(List.of(file("moved/a.txt", 5, 300)), rows, NOW, disk, TickPlanner.NONE_DELETED);
        assertEquals(List.of("a.txt"), p.deleted().stream().map(FileRecord::path).toList());
        assertEquals(List.of("gone-long-ago.txt"), p.keptOutputs().stream().map(FileRecord::path).toList());
        assertEquals("a.txt", p.work().get(0).renamedFrom());
        assertEquals(WorkItem.Reason.NEW, p.work().get(0).reason());
    }

    @Test
    void aFileMovedAwayBetweenTheScanAndItsHashIsNeitherAnAttemptNorAFailure() throws Exception {
        Map<String, FileRecord> rows = rows(row("moved-away.txt", 5, 100, "hm", FileStatus.DONE, 1, "cfg1", null));
        TickPlanner.Plan p = planner.plan(List.of(file("moved-away.txt", 6, 200), file("moved-away-new.txt", 3, 1)), rows, NOW, disk,
                TickPlanner.NONE_DELETED);
        assertEquals(List.of(), p.work(), "archived by a consumer: the next scan records it gone");
        assertEquals(List.of(), p.deleted());
    }

    @Test
    void aStopRequestWhileHashingPlansNothingInsteadOfFailingTheFile() {
        // were it taken for an unreadable file, the file would be recorded as a failed attempt and retried after a backoff
        assertThrows(java.io.InterruptedIOException.class, () -> planner.plan(List.of(file("a.txt", 1, 1), file("huge.txt", 9, 9)),
                rows(), NOW, disk, TickPlanner.NONE_DELETED));
    }

    @Test
    void theFilesOfADirectoryThatCouldNotBeReadAreNotDeleted() throws Exception {
        Map<String, FileRecord> rows = rows(row("locked/a.txt", 5, 100, "ha", FileStatus.DONE, 1, "cfg1", null),
                row("lockedness.txt", 5, 100, "hl", FileStatus.DONE, 1, "cfg1", null),
                row("gone.txt", 5, 100, "hg", FileStatus.DELETED, 1, "cfg1", null),
                row("locked/old.txt", 5, 100, "ho", FileStatus.DELETED, 1, "cfg1", null));
        TickPlanner.Plan p = planner.plan(List.of(), rows, NOW, disk, TickPlanner.NONE_DELETED).sparing(List.of("locked"));
        assertEquals(List.of("lockedness.txt"), p.deleted().stream().map(FileRecord::path).toList(), "only what lies inside locked/");
        assertEquals(List.of("gone.txt"), p.keptOutputs().stream().map(FileRecord::path).toList());
    }

    @Test
    void aRenameFromAnInputDeletedOnAnEarlierTickIsLookedUpAndTheFirstInPathOrderWins() throws Exception {
        hashes.putAll(Map.of("new/x.txt", "hx", "new/y.txt", "hy"));
        Map<String, FileRecord> rows = rows(row("y-now-gone.txt", 5, 100, "hy", FileStatus.DONE, 1, "cfg1", null));
        List<String> lookedUp = new ArrayList<>();
        TickPlanner.DeletedInputs earlier = (sha, present) -> {
            lookedUp.add(sha);
            return Optional.of(sha.equals("hx") ? "x-last-year.txt" : "a-y-last-year.txt").filter(p -> !present.test(p));
        };
        TickPlanner.Plan p = planner.plan(List.of(file("new/x.txt", 5, 300), file("new/y.txt", 5, 300)), rows, NOW, disk, earlier);
        assertEquals("x-last-year.txt", p.work().get(0).renamedFrom());
        assertEquals("a-y-last-year.txt", p.work().get(1).renamedFrom(), "an earlier deletion first in path order beats this tick's");
        assertEquals(List.of("hx", "hy"), lookedUp, "looked up only for new files");
    }

    @Test
    void failedFilesWaitForTheirBackoffAndQuarantinedOnesWaitForAChange() throws Exception {
        hashes.put("q2.txt", "new content");
        Map<String, FileRecord> rows = rows(
                row("due.txt", 5, 100, "h1", FileStatus.FAILED, 1, "cfg1", NOW.minusSeconds(1)),
                row("later.txt", 5, 100, "h2", FileStatus.FAILED, 2, "cfg1", NOW.plusSeconds(60)),
                row("q.txt", 5, 100, "h3", FileStatus.QUARANTINED, 3, "cfg1", null),
                row("q2.txt", 5, 100, "h4", FileStatus.QUARANTINED, 3, "cfg1", null),
                row("released.txt", 5, 100, "h5", FileStatus.PENDING, 0, null, null));
        TickPlanner.Plan p = planner.plan(List.of(file("due.txt", 5, 100), file("later.txt", 5, 100), file("q.txt", 5, 100),
                file("q2.txt", 9, 200), file("released.txt", 5, 100)), rows, NOW, disk, TickPlanner.NONE_DELETED);
        assertEquals(Map.of("due.txt", WorkItem.Reason.RETRY, "q2.txt", WorkItem.Reason.CHANGED, "released.txt", WorkItem.Reason.PENDING),
                reasons(p));
        assertEquals(2, p.work().get(0).attempt(), "a retry is the next attempt");
        assertEquals(1, p.work().get(1).attempt(), "changed content starts counting again");
        assertEquals(1, p.waiting());
        assertEquals(1, p.quarantined());
    }

    @Test
    void aFailedFileIsDueAtOnceWhenTheConfigurationChangedSinceItFailed() throws Exception {
        Map<String, FileRecord> rows = rows(
                row("old-config.txt", 5, 100, "h1", FileStatus.FAILED, 1, "cfg0", NOW.plusSeconds(3600)),
                row("same-config.txt", 5, 100, "h2", FileStatus.FAILED, 1, "cfg1", NOW.plusSeconds(3600)));
        TickPlanner.Plan p = planner.plan(List.of(file("old-config.txt", 5, 100), file("same-config.txt", 5, 100)), rows, NOW, disk,
                TickPlanner.NONE_DELETED);
        assertEquals(Map.of("old-config.txt", WorkItem.Reason.CONFIG_CHANGED), reasons(p));
        assertEquals(2, p.work().get(0).attempt(), "its attempts are kept");
        assertEquals(1, p.waiting());
    }

    @Test
    void aRetryTimeRecordedWhileTheClockWasAheadDoesNotHoldTheFile() throws Exception {
        // the longest backoff is a day: a retry a year ahead was recorded by a clock a year fast, set right since
        Map<String, FileRecord> rows = rows(
                row("clock-ahead.txt", 5, 100, "h1", FileStatus.FAILED, 1, "cfg1", NOW.plus(Duration.ofDays(365))),
                row("a-day.txt", 5, 100, "h2", FileStatus.FAILED, 9, "cfg1", NOW.plus(ScheduleSettings.MAX_BACKOFF)));
        TickPlanner.Plan p = planner.plan(List.of(file("clock-ahead.txt", 5, 100), file("a-day.txt", 5, 100)), rows, NOW, disk,
                TickPlanner.NONE_DELETED);
        assertEquals(Map.of("clock-ahead.txt", WorkItem.Reason.RETRY), reasons(p));
        assertEquals(1, p.waiting(), "a backoff of the longest length is still waited for");
    }

    @Test
    void collidingOutputsGoToTheFileThatOwnsThemAndUnreadableFilesFailWithTheReason() throws Exception {
        hashes.putAll(Map.of("a.csv", "h1", "a.txt", "h2"));
        TickPlanner.Plan p = planner.plan(List.of(file("a.csv", 5, 1), file("a.txt", 5, 1), file("secret.txt", 5, 1)),
                rows(row("a.txt", 5, 1, "h2", FileStatus.DONE, 1, "cfg1", null)), NOW, disk, TickPlanner.NONE_DELETED);
        WorkItem csv = p.work().get(0);
        assertEquals("a.csv", csv.file().relative());
        assertTrue(csv.problem().contains("its output a.jsonl is already written for a.txt"), csv.problem());
        WorkItem secret = p.work().get(1);
        assertNull(secret.sha256());
        assertTrue(secret.problem().contains("cannot read it: Permission denied"), secret.problem());
        assertEquals(1, p.unchanged());
        // a.txt changed and its new version failed: it still owns the output it published, which a.csv must not take
        hashes.put("a.txt", "h3");
        FileRecord failed = new FileRecord("a.txt", 5, 1, "h2", FileStatus.FAILED, 1, "error", "a.jsonl", 10, "cfg1", NOW, null,
                NOW, null, 0, 1, 1, 0);
        TickPlanner.Plan again = planner.plan(List.of(file("a.csv", 5, 1), file("a.txt", 6, 2)), rows(failed), NOW, disk,
                TickPlanner.NONE_DELETED);
        assertTrue(again.work().get(0).problem().contains("already written for a.txt"), String.valueOf(again.work().get(0).problem()));
        assertNull(again.work().get(1).problem());
    }

    @Test
    void anOutputUnderAnotherInputsOutputFileFailsWithTheReason() throws Exception {
        hashes.putAll(Map.of("a.txt", "h1", "a.jsonl/b.txt", "h2", "c/d.txt", "h3"));
        TickPlanner.Plan p = planner.plan(List.of(file("a.jsonl/b.txt", 5, 1), file("a.txt", 5, 1), file("c/d.txt", 5, 1)), rows(),
                NOW, disk, TickPlanner.NONE_DELETED);
        assertEquals("a.jsonl/b.txt", p.work().get(0).file().relative());
        assertTrue(p.work().get(0).problem().contains("lies under a.jsonl, the output file of a.txt"), p.work().get(0).problem());
        assertNull(p.work().get(1).problem(), "the file whose output is a file is written");
        assertNull(p.work().get(2).problem(), "an ordinary nested output");
    }

    @Test
    void aNewOutputAboveOrBelowAWrittenOneFailsWhicheverCameFirst() throws Exception {
        // a.jsonl/b.txt was processed on an earlier tick; a.txt arrives: its output would have to be b's directory
        hashes.putAll(Map.of("a.txt", "h1", "a.jsonl/b.txt", "h2"));
        FileRecord nested = row("a.jsonl/b.txt", 5, 1, "h2", FileStatus.DONE, 0, "cfg1", null);
        TickPlanner.Plan p = planner.plan(List.of(file("a.jsonl/b.txt", 5, 1), file("a.txt", 5, 1)), rows(nested), NOW, disk,
                TickPlanner.NONE_DELETED);
        assertEquals(1, p.work().size(), "b.txt is unchanged");
        assertEquals("a.txt", p.work().get(0).file().relative());
        assertTrue(p.work().get(0).problem().contains("is the directory of a.jsonl/b.jsonl, the output of a.jsonl/b.txt"),
                p.work().get(0).problem());
        // a.txt was processed and deleted, its output kept: a new a.jsonl/b.txt cannot be written under it
        FileRecord gone = new FileRecord("a.txt", 5, 1, "h1", FileStatus.DELETED, 0, null, "a.jsonl", 10, "cfg1", NOW, NOW, null, NOW,
                0, 1, 1, 0);
        TickPlanner.Plan q = planner.plan(List.of(file("a.jsonl/b.txt", 5, 1)), rows(gone), NOW, disk, TickPlanner.NONE_DELETED);
        assertTrue(q.work().get(0).problem().contains("lies under a.jsonl, the output kept for the deleted input a.txt"),
                q.work().get(0).problem());
        // a tick that prunes removes that output first: no obstacle
        TickPlanner pruning = new TickPlanner("jsonl", "cfg1", true, Duration.ZERO, true);
        TickPlanner.Plan pruned = pruning.plan(List.of(file("a.jsonl/b.txt", 5, 1)), rows(gone), NOW, disk, TickPlanner.NONE_DELETED);
        assertNull(pruned.work().get(0).problem());
    }

    @Test
    void aFilePassedOverForItsNameIsNotRecordedDeleted() throws Exception {
        // a row recorded under a name with replacement characters, by an earlier version: still there, only passed over
        FileRecord odd = row("\uFFFD\uFFFD.txt", 5, 1, "h1", FileStatus.DONE, 0, "cfg1", null);
        TickPlanner.Plan p = planner.plan(List.of(), rows(odd), NOW, disk, TickPlanner.NONE_DELETED).sparing(List.of("\uFFFD\uFFFD.txt"));
        assertEquals(List.of(), p.deleted());
    }

    @Test
    void anUnreadableFileKeepsToTheBackoffAndTheQuarantine() throws Exception {
        // secret*.txt cannot be read (the disk above says "Permission denied" for files without a hash)
        Map<String, FileRecord> rows = rows(
                row("secret-waiting.txt", 5, 1, null, FileStatus.FAILED, 1, "cfg1", NOW.plusSeconds(3600)),
                row("secret-due.txt", 5, 1, null, FileStatus.FAILED, 1, "cfg1", NOW.minusSeconds(1)),
                row("secret-quarantined.txt", 5, 1, null, FileStatus.QUARANTINED, 3, "cfg1", null));
        TickPlanner.Plan p = planner.plan(List.of(file("secret-due.txt", 5, 1), file("secret-new.txt", 5, 1),
                file("secret-quarantined.txt", 5, 1), file("secret-waiting.txt", 5, 1)), rows, NOW, disk, TickPlanner.NONE_DELETED);
        assertEquals(Map.of("secret-due.txt", WorkItem.Reason.RETRY, "secret-new.txt", WorkItem.Reason.NEW), reasons(p));
        assertEquals(1, p.waiting(), "its backoff is kept");
        assertEquals(1, p.quarantined(), "and its quarantine");
        assertEquals(2, p.work().get(0).attempt(), "the retry is its next attempt");
    }

    @Test
    void aFileModifiedWithinTheSettleTimeIsLeftForALaterTick() throws Exception {
        long nowNanos = NOW.getEpochSecond() * 1_000_000_000L;
        TickPlanner settling = new TickPlanner("jsonl", "cfg1", true, Duration.ofSeconds(2));
        Map<String, FileRecord> rows = new HashMap<>();
        rows.put("copying.txt", row("copying.txt", 5, 100, "h1", FileStatus.DONE, 0, "cfg1", null));
        hashes.put("quiet.txt", "hq");
        hashes.put("ahead.txt", "ha");
        hashes.put("during-scan.txt", "hd");
        // one still being copied (modified a second ago, and a changed one among them), one that has been quiet for three
        TickPlanner.Plan p = settling.plan(List.of(file("copying.txt", 9, nowNanos - 1_000_000_000L),
                file("fresh.txt", 3, nowNanos - 500_000_000L), file("quiet.txt", 3, nowNanos - 3_000_000_000L),
                file("during-scan.txt", 3, nowNanos + 3_000_000_000L), file("ahead.txt", 3, nowNanos + 600_000_000_000L)), rows, NOW,
                disk, TickPlanner.NONE_DELETED);
        assertEquals(Map.of("quiet.txt", WorkItem.Reason.NEW, "ahead.txt", WorkItem.Reason.NEW), reasons(p),
                "a modification time ten minutes ahead of the clock cannot be judged, so it is not waited for");
        assertEquals(3, p.settling(), "one written while the tick scanned, seconds after its time, is still settling");
        assertTrue(!hashed.contains("fresh.txt") && !hashed.contains("copying.txt"), "a settling file is not even read");
        assertTrue(p.deleted().isEmpty(), "a settling file is present, not deleted");
    }

    private static Map<String, WorkItem.Reason> reasons(TickPlanner.Plan p) {
        Map<String, WorkItem.Reason> m = new HashMap<>();
        p.work().forEach(w -> m.put(w.file().relative(), w.reason()));
        return m;
    }
}
