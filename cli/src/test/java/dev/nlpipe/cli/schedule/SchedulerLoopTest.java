package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long-running mode: ticks at an interval pick up files that arrive, until a stop request. */
class SchedulerLoopTest {
    @TempDir
    Path tmp;

    @Test
    void everyTickPicksUpNewFilesUntilStopped() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("first.txt", "early\n");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ScheduleSettings s = new ScheduleSettings(f.pipeline, List.of(), f.in, f.out, f.state(), null,
                new Trigger.Every(Duration.ofMillis(200)), ZoneId.of("UTC"), 3, Duration.ZERO, false, true, 1, false, Duration.ZERO);
        StopSignal stop = new StopSignal();
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = exec.submit(() -> new Scheduler(s, new ScheduleLog(log, ZoneId.of("UTC"), false), stop).run());
            waitFor(() -> Files.exists(f.out.resolve("first.jsonl")));
            f.write("later.txt", "arrived while it was running\n");
            waitFor(() -> Files.exists(f.out.resolve("later.jsonl")));
            stop.request("test");
            assertEquals(0, run.get(30, TimeUnit.SECONDS));
        } finally {
            exec.shutdownNow();
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("later.txt -> later.jsonl (new)"), out);
        assertTrue(out.contains("stopped (test)"), out);
        assertTrue(out.lines().filter(l -> l.contains(" tick ") && l.contains(" done in ")).count() >= 2, out);
        f.assertConsistent();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(20);
        }
    }
}
