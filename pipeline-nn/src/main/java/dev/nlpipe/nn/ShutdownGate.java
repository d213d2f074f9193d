package dev.nlpipe.nn;

import dev.nlpipe.core.io.AtomicFile;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops threads that run PyTorch at a safe point before the JVM exits on Ctrl-C or SIGTERM. The exit
 * runs libtorch's static destructors, and a thread still inside a PyTorch operator then crashes the
 * JVM (SIGSEGV in {@code libtorch_cpu.so}, an {@code hs_err_pid*.log} left in the working
 * directory): measured at one interrupted FLAT training in five. A training thread
 * {@linkplain #enter() enters} the gate for its whole run and {@linkplain #pass() passes} it between
 * its steps; inference runs each batch as a {@linkplain #step() step}. The {@linkplain #global()
 * process's gate} has a shutdown hook that {@linkplain #closeAndAwait closes} it and waits until each
 * thread inside has parked at the gate or left it, outside native code, before the exit goes on
 * (shutdown hooks run side by side, so this holds whatever else the exit does). Checkpoints are
 * written between the passes, so an interrupt during one waits for it to be complete.
 */
public final class ShutdownGate {
    /**
     * How long the exit waits for the steps under way: a training step, a checkpoint or a batch of a
     * large model on a slow CPU takes minutes at worst; past this the JVM exits anyway.
     */
    public static final Duration STOP_WAIT = Duration.ofMinutes(3);
    private static final ShutdownGate GLOBAL = new ShutdownGate();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(GLOBAL::closeAtExit, "nlpipe-shutdown-gate"));
        } catch (IllegalStateException exiting) {
            // first used while the JVM already exits (by another shutdown hook): nothing left to wait for
        }
        // a checkpoint being written when the exit comes is let finish, so its files must not be removed under it
        AtomicFile.awaitAtExit(() -> {
            try {
                GLOBAL.closeAndAwait(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private final Object lock = new Object();
    /** The threads inside, each with how many registrations it holds (a training run and a dev scoring's steps nest). */
    private final Map<Thread, Integer> working = new HashMap<>();
    private final Set<Thread> parked = new HashSet<>();
    private volatile boolean closed;

    /** A gate of its own, for tests; the training loop uses {@link #global()}. */
    ShutdownGate() {
    }

    /** The process's gate, which {@link TrainingLoop} and inference pass and the JVM's exit closes. */
    public static ShutdownGate global() {
        return GLOBAL;
    }

    /** Marks the calling thread as one a closing hook waits for, until the returned registration is closed. */
    public Registration enter() {
        Thread t = Thread.currentThread();
        synchronized (lock) {
            working.merge(t, 1, Integer::sum);
        }
        return () -> {
            synchronized (lock) {
                working.computeIfPresent(t, (k, n) -> n == 1 ? null : n - 1);
                lock.notifyAll();
            }
        };
    }

    /**
     * One unit of native work, such as an inference batch: {@linkplain #enter() enters} and
     * {@linkplain #pass() passes} the gate, so no step starts once it is closed and a closing hook
     * waits for the one under way. Close the registration when the step is done.
     *
     * @throws IllegalStateException once the gate is closed, for a thread not inside it already
     *     (a training thread's nested step parks instead, as between its steps)
     */
    public Registration step() {
        if (closed) {
            synchronized (lock) {
                if (!working.containsKey(Thread.currentThread())) {
                    // a new unit of work once the exit began, as from the caller's own shutdown hook: parking it would keep
                    // the JVM from exiting (it waits for every hook), and nothing native has started, so it is refused
                    throw new IllegalStateException("the JVM is exiting: no more neural work starts (do not run nlpipe's neural"
                            + " stages from a shutdown hook)");
                }
            }
        }
        Registration inside = enter();
        pass();
        return inside;
    }

    /**
     * A safe point between steps: returns at once while the gate is open; once it is closed, parks
     * the calling thread for good (the JVM is exiting).
     */
    public void pass() {
        if (!closed) {
            return;
        }
        synchronized (lock) {
            parked.add(Thread.currentThread());
            lock.notifyAll();
        }
        while (true) {
            LockSupport.park(this);
        }
    }

    /** Whether a thread has entered and not left, so that closing would have to wait for it. */
    public boolean busy() {
        synchronized (lock) {
            return !allParked();
        }
    }

    /** Whether every thread inside has parked at the gate (or none is inside); called holding {@code lock}. */
    private boolean allParked() {
        return parked.containsAll(working.keySet());
    }

    /**
     * Closes the gate and waits until every thread that entered it has parked at it or left, at most
     * {@code timeout}.
     *
     * @return whether they all did in time
     */
    public boolean closeAndAwait(Duration timeout) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!allParked()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** The exit's hook: waits for the steps under way, and says so when one outlasts {@link #STOP_WAIT}. */
    private void closeAtExit() {
        try {
            if (!closeAndAwait(STOP_WAIT)) {
                System.err.println("nlpipe: a PyTorch step did not end within " + STOP_WAIT.toSeconds() + " s; exiting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A thread's stay inside the gate; closing it leaves. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
