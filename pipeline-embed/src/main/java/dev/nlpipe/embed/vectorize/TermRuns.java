package dev.nlpipe.embed.vectorize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
        mergeTo(files, first, second, sink::accept);
    }

    /**
     * Merges run files into one run file, for a part of a distributed count to hand over one run
     * of its distinct terms instead of all its spills (which repeat the frequent terms each time).
     *
     * @param files the runs, each sorted by term
     * @param first how two entries' first numbers combine
     * @param second how their second numbers combine
     * @param out the merged run (created or replaced)
     * @throws UncheckedIOException when a run cannot be read or the merged one written
     */
    public static void mergeInto(List<Path> files, LongBinaryOperator first, LongBinaryOperator second, Path out) {
        try (TermRun.Writer writer = new TermRun.Writer(out)) {
            mergeTo(files, first, second, writer::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the merged run " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The runs as one: the run itself when there is one, else their merge into a new file of
     * {@code files}.
     *
     * @return the single run, or empty when there are none
     * @throws UncheckedIOException when a run cannot be read or the merged one written
     */
    public static Optional<Path> single(List<Path> runs, LongBinaryOperator first, LongBinaryOperator second, RunFiles files) {
        if (runs.size() <= 1) {
            return runs.stream().findFirst();
        }
        try {
            Path merged = files.next();
            mergeInto(runs, first, second, merged);
            return Optional.of(merged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a run file: " + e.getMessage(), e);
        }
    }

    /** {@link Sink} that may fail with an {@link IOException}, as a run writer does. */
    @FunctionalInterface
    private interface IoSink {
        void accept(String term, long first, long second) throws IOException;
    }

    private static void mergeTo(List<Path> files, LongBinaryOperator first, LongBinaryOperator second, IoSink sink) {
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
            throw new UncheckedIOException("cannot merge run files: " + e.getMessage(), e);
        } finally {
            heap.forEach(TermRun::close);
        }
    }
}
