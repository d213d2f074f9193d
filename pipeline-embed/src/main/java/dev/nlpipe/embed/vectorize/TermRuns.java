package dev.nlpipe.embed.vectorize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongBinaryOperator;

/**
 * Merges {@link TermRun} files — the spills of one counter, or the parts of a count split across
 * machines — into one stream of distinct terms in code point order, combining the numbers that
 * several runs hold for the same term. Only one entry per run is in memory at a time.
 */
public final class TermRuns {
    private TermRuns() {
    }

    /** Receives each distinct term once, in code point order, with its combined numbers. */
    @FunctionalInterface
    public interface Sink {
        void accept(String term, long first, long second);
    }

    /**
     * Merges run files.
     *
     * @param files the runs, each sorted by term
     * @param first how two entries' first numbers combine (a sum, a minimum)
     * @param second how their second numbers combine
     * @param sink every distinct term and its combined numbers
     * @throws UncheckedIOException when a run cannot be read
     */
    public static void merge(List<Path> files, LongBinaryOperator first, LongBinaryOperator second, Sink sink) {
        PriorityQueue<TermRun> heap = new PriorityQueue<>((a, b) -> PyText.compare(a.term, b.term));
        try {
            for (Path f : files) {
                TermRun r = TermRun.open(f);
                if (r != null) {
                    heap.add(r);
                }
            }
            while (!heap.isEmpty()) {
                TermRun r = heap.poll();
                String term = r.term;
                long a = r.first;
                long b = r.second;
                while (true) {
                    if (r.advance()) {
                        heap.add(r);
                    } else {
                        r.close();
                    }
                    if (heap.isEmpty() || !heap.peek().term.equals(term)) {
                        break;
                    }
                    r = heap.poll();
                    a = first.applyAsLong(a, r.first);
                    b = second.applyAsLong(b, r.second);
                }
                sink.accept(term, a, b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a run file: " + e.getMessage(), e);
        } finally {
            heap.forEach(TermRun::close);
        }
    }
}
