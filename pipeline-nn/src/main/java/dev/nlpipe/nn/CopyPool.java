package dev.nlpipe.nn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Copies of something that is not thread-safe (a predictor with its own copy of a network's
 * weights), shared by many threads: a thread borrows an idle copy, or makes one when none is idle,
 * and gives it back; so there are never more copies than threads that ran at once. Closing closes
 * the idle copies at once and each borrowed one when it is given back (closing it under the thread
 * using it would free the weights its forward pass reads); a pool once closed makes no new copy.
 *
 * @param <T> the copy
 */
public final class CopyPool<T extends AutoCloseable> implements AutoCloseable {
    private final Supplier<T> factory;
    private final Object lock = new Object();
    private final Deque<T> idle = new ArrayDeque<>();
    private boolean closed;

    /** @param factory makes a new copy */
    public CopyPool(Supplier<T> factory) {
        this.factory = factory;
    }

    /**
     * Runs {@code work} with a copy that no other thread uses meanwhile.
     *
     * @throws IllegalStateException once the pool is closed
     */
    public <R> R apply(Function<T, R> work) {
        T copy;
        synchronized (lock) {
            refuseIfClosed();
            copy = idle.pollFirst();
        }
        if (copy == null) {
            copy = factory.get();
        }
        try {
            return work.apply(copy);
        } finally {
            giveBack(copy);
        }
    }

    private void giveBack(T copy) {
        synchronized (lock) {
            if (!closed) {
                idle.addFirst(copy);
                return;
            }
        }
        RuntimeException failure = closeAll(List.of(copy));
        if (failure != null) {
            throw failure;
        }
    }

    private void refuseIfClosed() {
        if (closed) {
            throw new IllegalStateException("this model was closed (its pipeline or stage closed); build a new one");
        }
    }

    /** Closes the idle copies now and the borrowed ones as they are given back. */
    @Override
    public void close() {
        List<T> now;
        synchronized (lock) {
            closed = true;
            now = new ArrayList<>(idle);
            idle.clear();
        }
        RuntimeException failure = closeAll(now);
        if (failure != null) {
            throw failure;
        }
    }

    private static <T extends AutoCloseable> RuntimeException closeAll(List<T> copies) {
        RuntimeException failure = null;
        for (T copy : copies) {
            try {
                copy.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing a copy failed: " + e.getMessage(), e);
                }
            }
        }
        return failure;
    }
}
