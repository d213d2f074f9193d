package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tick reads only the rows it plans from: inputs deleted on earlier ticks stay in the database,
 * found by content when a new file may be one of them renamed.
 */
class StateStoreRowsToPlanTest {
    @TempDir
    Path tmp;

    private static WorkItem item(String path, String sha256) {
        return new WorkItem(new ScannedFile(path, Path.of(path), 1, 1), sha256, WorkItem.Reason.NEW, 0, path + ".jsonl", null, null, null);
    }

    @Test
    void deletedInputsAreLeftOnDiskExceptPresentOnesAndKeptOutputsWhenPruning() throws Exception {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        try (StateStore store = StateStore.open(tmp.resolve("s.db"))) {
            store.recordPlan(List.of(item("live.txt", "h1"), item("old-b.txt", "same"), item("old-a.txt", "same"),
                    item("back.txt", "h3"), item("kept.txt", "h4")), List.of(), now);
            store.recordDeleted("old-a.txt", null, now);
            store.recordDeleted("old-b.txt", null, now);
            store.recordDeleted("back.txt", null, now);
            store.recordDeleted("kept.txt", "kept.txt.jsonl", now);

            assertEquals(Set.of("live.txt", "back.txt"), new TreeSet<>(store.rowsToPlan(List.of("live.txt", "back.txt", "new.txt"), false).keySet()),
                    "a deleted input is read only when it is present again");
            assertEquals(Set.of("live.txt", "kept.txt"), new TreeSet<>(store.rowsToPlan(List.of("live.txt"), true).keySet()),
                    "with --prune, deleted inputs whose outputs are kept are read too");

            assertEquals(Optional.of("old-a.txt"), store.firstDeletedWithHash("same", p -> false), "the first in path order");
            assertEquals(Optional.of("old-b.txt"), store.firstDeletedWithHash("same", "old-a.txt"::equals),
                    "one present again is not where a new file came from");
            assertEquals(Optional.empty(), store.firstDeletedWithHash("h1", p -> false), "live.txt is not deleted");
        }
    }

    @Test
    void aReleaseWhileATickPlansIsNotUndoneByItsPlan() throws Exception {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        try (StateStore store = StateStore.open(tmp.resolve("r.db"))) {
            WorkItem bad = item("bad.txt", "hb");
            store.recordPlan(List.of(bad), List.of(), now);
            store.recordFailure(bad, 2, "broken", FileStatus.QUARANTINED, null, "cfg");
            // the tick read the row (2 attempts) and plans it; meanwhile the operator releases it
            WorkItem planned = new WorkItem(bad.file(), "hb", WorkItem.Reason.CHANGED, 2, "bad.txt.jsonl", null, null, null);
            assertEquals(java.util.List.of("bad.txt"), store.release(List.of("bad.txt")));
            store.recordPlan(List.of(planned), List.of(), now);
            assertEquals(0, store.rowsToPlan(List.of("bad.txt"), false).get("bad.txt").attempts(), "the release counts");
        }
    }
}
