package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownGateTest {

    @Test
    void anOpenGateLetsThreadsPassAndClosingWithNobodyInsideDoesNotWait() throws InterruptedException {
        ShutdownGate gate = new ShutdownGate();
        try (ShutdownGate.Registration inside = gate.enter()) {
            gate.pass();
            assertTrue(gate.busy());
        }
        assertFalse(gate.busy(), "a thread that left is not waited for");
        assertTrue(gate.closeAndAwait(Duration.ZERO));
    }

    @Test
    void closingWaitsForTheStepUnderWayAndNoStepStartsAfterItEvenInsideARun() throws InterruptedException {
        ShutdownGate gate = new ShutdownGate();
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch endStep = new CountDownLatch(1);
        AtomicInteger steps = new AtomicInteger();
        Thread worker = new Thread(() -> {
            try (ShutdownGate.Registration run = gate.enter()) {
                try (ShutdownGate.Registration step = gate.step()) {
                    steps.incrementAndGet();
                    inStep.countDown();
                    endStep.await();
                }
                try (ShutdownGate.Registration step = gate.step()) {
                    steps.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.setDaemon(true);
        worker.start();
        inStep.await();
        assertFalse(gate.closeAndAwait(Duration.ofMillis(50)), "the step under way is waited for");
        endStep.countDown();
        assertTrue(gate.closeAndAwait(Duration.ofMinutes(1)), "the thread parks at its next step, still inside its run");
        assertParks(worker);
        assertEquals(1, steps.get(), "the step after the close never started");
    }

    @Test
    void aStepStartedAfterTheCloseByAThreadNotInsideIsRefusedNotParked() throws InterruptedException {
        // a user's own shutdown hook tagging its last document: parked, it would keep the JVM from ever exiting
        ShutdownGate gate = new ShutdownGate();
        assertTrue(gate.closeAndAwait(Duration.ZERO));
        IllegalStateException e = assertThrows(IllegalStateException.class, gate::step);
        assertTrue(e.getMessage().contains("the JVM is exiting"), e.getMessage());
        assertFalse(gate.busy(), "and it left nothing registered");
    }

    @Test
    void inferenceRunsEachBatchAsAStepOfTheProcesssGate() {
        try (ToyRegression m = new ToyRegression(3, 20)) {
            assertFalse(ShutdownGate.global().busy());
            List<Boolean> insideTheGate = LengthBatches.map(m.params, List.of(1, 2, 3, 4, 5), i -> i, 2, (batch, scope) -> {
                boolean busy = ShutdownGate.global().busy();
                return batch.stream().map(i -> busy).toList();
            });
            assertEquals(List.of(true, true, true, true, true), insideTheGate, "every batch ran as a step of the gate the exit closes");
            assertFalse(ShutdownGate.global().busy(), "the thread left the gate with the last batch");
        }
    }

    @Test
    void anInterruptedTrainingParksBetweenStepsWithItsLastCheckpointComplete(@TempDir Path dir) throws Exception {
        ShutdownGate gate = new ShutdownGate();
        ToyRegression m = new ToyRegression(3, 200);
        int perEpoch = 20; // 160 training examples in batches of 8
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch inEpochTwo = new CountDownLatch(1);
        m.beforeBatch = () -> {
            if (batches.incrementAndGet() == perEpoch + 5) {
                inEpochTwo.countDown();
            }
            return 0;
        };
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true);
        Thread training = new Thread(() -> {
            try {
                new TrainingLoop(TrainingLoopTest.settings(Map.of("epochs", 50, "patience", 0)), "score", new Checkpoints(dir), "toy", log)
                        .withGate(gate).run(m, m.train, ToyRegression::length);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        training.setDaemon(true);
        training.start();
        inEpochTwo.await();
        assertTrue(gate.closeAndAwait(Duration.ofMinutes(1)));
        int atClose = batches.get();
        Thread.sleep(50);
        assertEquals(atClose, batches.get(), "no batch runs after the gate closed");
        assertParks(training);
        assertEquals(1, new Checkpoints(dir).read().epoch(), "epoch 1's checkpoint is complete and readable");
    }

    /** The thread reaches its park: closeAndAwait returns once it is at the gate, a moment before it parks. */
    private static void assertParks(Thread t) throws InterruptedException {
        for (int i = 0; i < 1000 && t.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(10);
        }
        assertEquals(Thread.State.WAITING, t.getState(), "parked at the gate");
    }
}
