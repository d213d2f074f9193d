package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A death with several files in progress is not counted against them; one with a single file is. */
class InterruptedAttemptsTest {
    @TempDir
    Path tmp;

    /** Plans and starts {@code names} as a process would right before it is killed. */
    private static void startAndDie(StateStore store, String... names) throws Exception {
        List<WorkItem> work = new ArrayList<>();
        for (String n : names) {
            int before = store.file(n).map(FileRecord::attempts).orElse(0);
            work.add(new WorkItem(new ScannedFile(n, Path.of(n), 1, 1), "h-" + n, WorkItem.Reason.PENDING, before,
                    n + ".jsonl", null, null, null));
        }
        store.recordPlan(work, List.of(), Instant.now());
        for (WorkItem w : work) {
            store.recordStart(w);
        }
    }

    @Test
    void filesInProgressTogetherAreNotBlamedForTheDeath() throws Exception {
        try (StateStore store = StateStore.open(tmp.resolve("s.db"))) {
            for (int death = 0; death < 3; death++) {
                startAndDie(store, "a.txt", "b.txt");
                assertEquals(2, store.judgeInterruptedAttempts());
            }
            assertEquals(0, store.file("a.txt").orElseThrow().attempts());
            assertEquals(0, store.file("b.txt").orElseThrow().attempts());
        }
    }

    @Test
    void aFileAloneInProgressAtEachDeathIsCounted() throws Exception {
        try (StateStore store = StateStore.open(tmp.resolve("s.db"))) {
            for (int death = 0; death < 3; death++) {
                startAndDie(store, "poison.txt");
                assertEquals(0, store.judgeInterruptedAttempts());
            }
            assertEquals(3, store.file("poison.txt").orElseThrow().attempts());
        }
    }

    @Test
    void aKillAfterAStopWasAskedForCountsAloneAndIsForgivenShared() throws Exception {
        try (StateStore store = StateStore.open(tmp.resolve("s.db"))) {
            startAndDie(store, "slow.txt");
            store.recordStopping(List.of(item(store, "slow.txt")));
            assertEquals(0, store.judgeInterruptedAttempts());
            FileRecord slow = store.file("slow.txt").orElseThrow();
            assertEquals(StateStore.STOP_TIMED_OUT_ALONE, slow.lastError());
            assertEquals(1, slow.attempts());
            assertEquals(List.of("slow.txt"), store.interrupted().stream().map(FileRecord::path).toList(), "listed as interrupted");

            startAndDie(store, "c.txt", "d.txt");
            store.recordStopping(List.of(item(store, "c.txt"), item(store, "d.txt")));
            assertEquals(2, store.judgeInterruptedAttempts());
            assertEquals(StateStore.PROCESS_ENDED_SHARED, store.file("c.txt").orElseThrow().lastError());
            assertEquals(0, store.file("d.txt").orElseThrow().attempts());
        }
    }

    private static WorkItem item(StateStore store, String name) throws Exception {
        return new WorkItem(new ScannedFile(name, Path.of(name), 1, 1), "h-" + name, WorkItem.Reason.PENDING,
                store.file(name).orElseThrow().attempts(), name + ".jsonl", null, null, null);
    }

    @Test
    void aDeathIsJudgedOnce() throws Exception {
        try (StateStore store = StateStore.open(tmp.resolve("s.db"))) {
            startAndDie(store, "poison.txt");
            store.judgeInterruptedAttempts();
            startAndDie(store, "other.txt");
            assertEquals(0, store.judgeInterruptedAttempts(), "poison.txt's earlier death is not judged again with other.txt's");
            assertEquals(1, store.file("poison.txt").orElseThrow().attempts());
        }
    }

    @Test
    void aRunLeftRunningIsClosedEvenWhenThisProcessHasItsId() throws Exception {
        // the instance lock is held when this is called: a run still 'running' is a dead process's, even one that was
        // process 1 in an earlier container as this one is now
        try (StateStore store = StateStore.open(tmp.resolve("s.db"))) {
            store.startRun("once", Instant.now());
            assertEquals(1, store.closeAbandonedRuns());
            assertEquals(0, store.closeAbandonedRuns());
        }
    }
}
