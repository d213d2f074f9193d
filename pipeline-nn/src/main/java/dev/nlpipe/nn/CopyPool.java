package dev.nlpipe.nn;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Copies of something that is not thread-safe (a predictor with its own copy of a network's
 * weights), shared by many threads: a thread borrows an idle copy, or makes one when none is idle,
 * and gives it back; so there are never more copies than threads that ran at once. Closing closes
 * every copy made.
 *
 * @param <T> the copy
 */
public final class CopyPool<T extends AutoCloseable> implements AutoCloseable {
    private final Supplier<T> factory;
    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<T> all = new ConcurrentLinkedDeque<>();

    /** @param factory makes a new copy */
    public CopyPool(Supplier<T> factory) {
        this.factory = factory;
    }

    /** Runs {@code work} with a copy that no other thread uses meanwhile. */
    public <R> R apply(Function<T, R> work) {
        T copy = idle.pollFirst();
        if (copy == null) {
            copy = factory.get();
            all.add(copy);
        }
        try {
            return work.apply(copy);
        } finally {
            idle.addFirst(copy);
        }
    }

    /** Closes every copy; the pool must not be used afterwards. */
    @Override
    public void close() {
        RuntimeException failure = null;
        T copy;
        while ((copy = all.pollFirst()) != null) {
            try {
                copy.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing a copy failed: " + e.getMessage(), e);
                }
            }
        }
        idle.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
