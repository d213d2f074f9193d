package dev.nlpipe.nn;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops training threads at a safe point before the JVM exits on Ctrl-C or SIGTERM. The exit runs
 * libtorch's static destructors, and a thread still inside a PyTorch operator then crashes the JVM
 * (SIGSEGV in {@code libtorch_cpu.so}, an {@code hs_err_pid*.log} left in the working directory):
 * measured at one interrupted FLAT training in five. A training thread {@linkplain #enter() enters}
 * the gate and {@linkplain #pass() passes} it between its steps; a shutdown hook
 * {@linkplain #closeAndAwait closes} it and waits until each such thread has parked at the gate,
 * outside native code, before it lets the exit go on. Checkpoints are written between the passes, so
 * an interrupt during one waits for it to be complete.
 */
public final class ShutdownGate {
    private static final ShutdownGate GLOBAL = new ShutdownGate();

    private final Object lock = new Object();
    private final Set<Thread> working = new HashSet<>();
    private final Set<Thread> parked = new HashSet<>();
    private volatile boolean closed;

    /** A gate of its own, for tests; the training loop uses {@link #global()}. */
    ShutdownGate() {
    }

    /** The process's gate, which {@link TrainingLoop} passes and {@code nlpipe train}'s shutdown hook closes. */
    public static ShutdownGate global() {
        return GLOBAL;
    }

    /** Marks the calling thread as one a closing hook waits for, until the returned registration is closed. */
    public Registration enter() {
        Thread t = Thread.currentThread();
        synchronized (lock) {
            working.add(t);
        }
        return () -> {
            synchronized (lock) {
                working.remove(t);
                lock.notifyAll();
            }
        };
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
        return parked.containsAll(working);
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

    /** A thread's stay inside the gate; closing it leaves. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
