package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.cli.ExitCodes;
import dev.nlpipe.core.io.InstanceLock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two schedulers with different state databases never share an output directory. */
class OutputLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondSchedulerOnTheSameOutputWithAnotherStateIsRefused() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "hello\n");
        try (InstanceLock other = InstanceLock.acquireOutput(f.out)) {
            ScheduleFixture.Result r = f.schedule("--once", "--state", tmp.resolve("other.db").toString());
            assertEquals(ExitCodes.LOCKED, r.code(), r.err());
        }
    }

    @Test
    void theOutputIsFreeAgainOnceTheOtherSchedulerEnds() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "hello\n");
        try (InstanceLock other = InstanceLock.acquireOutput(f.out)) {
            f.schedule("--once", "--state", tmp.resolve("other.db").toString());
        }
        assertEquals(ExitCodes.OK, f.schedule("--once").code());
    }

    @Test
    void aSecondSchedulerIsRefusedBeforeItLoadsThePipeline() throws Exception {
        ScheduleFixture f = new ScheduleFixture(tmp);
        f.write("a.txt", "hello\n");
        // a pipeline that would fail to load: the lock is checked first, so the answer is "locked", at once
        f.pipeline("input: { format: text }\nstages: [ { type: no.such.stage } ]\n");
        try (InstanceLock running = InstanceLock.acquire(f.state())) {
            assertEquals(ExitCodes.LOCKED, f.schedule("--once").code());
        }
    }
}
