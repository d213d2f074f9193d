package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CopyPoolTest {

    /** A copy that counts how many threads use it at once. */
    static final class Copy implements AutoCloseable {
        final AtomicInteger users = new AtomicInteger();
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A pool whose copies are added to {@code made} as they are made. */
    private static CopyPool<Copy> recording(List<Copy> made) {
        return new CopyPool<>(() -> {
            Copy c = new Copy();
            synchronized (made) {
                made.add(c);
            }
            return c;
        });
    }

    @Test
    void threadsRunningAtOnceGetDistinctCopies() throws Exception {
        List<Copy> made = new ArrayList<>();
        CopyPool<Copy> pool = recording(made);
        CountDownLatch together = new CountDownLatch(3);
        Set<Copy> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                results.add(threads.submit(() -> pool.apply(c -> {
                    seen.add(c);
                    int n = c.users.incrementAndGet();
                    together.countDown();
                    try {
                        together.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    c.users.decrementAndGet();
                    return n;
                })));
            }
            for (Future<Integer> r : results) {
                assertEquals(1, r.get(), "no copy is shared by two threads at once");
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(3, seen.size());
    }

    @Test
    void anIdleCopyIsReused() {
        AtomicInteger made = new AtomicInteger();
        CopyPool<Copy> pool = new CopyPool<>(() -> {
            made.incrementAndGet();
            return new Copy();
        });
        Copy first = pool.apply(c -> c);
        Copy second = pool.apply(c -> c);
        assertTrue(first == second);
        assertEquals(1, made.get());
    }

    @Test
    void closingClosesEveryCopyMade() {
        List<Copy> made = new ArrayList<>();
        CopyPool<Copy> pool = new CopyPool<>(() -> {
            Copy c = new Copy();
            made.add(c);
            return c;
        });
        pool.apply(outer -> pool.apply(inner -> inner));
        pool.close();
        assertEquals(2, made.size());
        assertTrue(made.stream().allMatch(c -> c.closed));
    }
    @Test
    void closingWhileACopyIsInUseClosesItWhenGivenBackAndRefusesLaterUse() throws Exception {
        List<Copy> made = new ArrayList<>();
        CopyPool<Copy> pool = recording(made);
        pool.apply(c -> null);
        CountDownLatch inUse = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> closedWhileUsed = thread.submit(() -> pool.apply(c -> {
                inUse.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return c.closed;
            }));
            assertTrue(inUse.await(10, TimeUnit.SECONDS));
            pool.close();
            release.countDown();
            assertEquals(false, closedWhileUsed.get(10, TimeUnit.SECONDS), "not closed under the thread using it");
            assertTrue(made.get(0).closed, "closed once given back");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.apply(c -> null));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertEquals(1, made.size(), "no copy made after closing, none left unclosed");
        } finally {
            thread.shutdownNow();
        }
    }
}
