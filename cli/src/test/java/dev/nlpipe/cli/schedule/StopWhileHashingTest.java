package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop request (SIGTERM) while the changed inputs are hashed ends the tick at once and records nothing. */
class StopWhileHashingTest {
    @TempDir
    Path tmp;

    @Test
    void hashingGivesUpBetweenBlocksOnceAStopIsRequested() throws Exception {
        Path file = Files.write(tmp.resolve("big.bin"), new byte[3 << 16]);
        assertEquals(FileHasher.sha256(Files.readAllBytes(file)), FileHasher.sha256(file, () -> false));
        int[] blocks = {0};
        assertThrows(InterruptedIOException.class, () -> FileHasher.sha256(file, () -> ++blocks[0] > 2));
        assertEquals(3, blocks[0], "asked after each of the three reads; the third read's bytes were not hashed");
    }

    @Test
    void aTickStoppedWhileHashingPlansNothingAndTheNextRunProcessesTheFile() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "hello world\n");
        ScheduleSettings s = new ScheduleSettings(f.pipeline, List.of(), f.in, f.out, f.state(), null, new Trigger.Once(),
                ZoneId.of("UTC"), 3, Duration.ZERO, false, true, 1, false, Duration.ZERO);
        Files.createDirectories(f.out);
        StopSignal stop = new StopSignal();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TickSummary summary;
        try (StateStore store = StateStore.open(f.state());
             LoadedPipeline pipeline = LoadedPipeline.load(s, null)) {
            TickRunner runner = new TickRunner(s, store, new ScheduleLog(new PrintStream(buf, true, StandardCharsets.UTF_8),
                    ZoneId.of("UTC"), false), stop);
            summary = runner.run(new Trigger.Once(), () -> {
                stop.request("SIGTERM"); // arrives after the scan, before the new file is hashed
                return pipeline;
            });
        }
        assertTrue(summary.stopped && summary.error == null, buf.toString(StandardCharsets.UTF_8));
        assertTrue(summary.doneLine().contains("stopped before its files were planned"), summary.doneLine());
        assertFalse(Files.exists(f.out.resolve("a.jsonl")));
        ScheduleFixture.Result next = f.schedule("--once");
        assertEquals(0, next.code(), next.err());
        assertTrue(next.err().contains("a.txt -> a.jsonl (new)"), "a new file, not a failed attempt: " + next.err());
        f.assertConsistent();
    }
}
