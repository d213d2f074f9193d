package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.model.ModelDirWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Counts a corpus' features for fitting, streaming: documents are analyzed and counted (on
 * {@code threads} threads), and when the distinct terms held exceed the memory budget they are
 * written to sorted run files and forgotten. {@link #finish} sums the counts — in memory, or by
 * merging the runs — and only then prunes by document frequency, so the result is exactly what
 * counting everything at once would give.
 */
public final class VocabularyCounter implements AutoCloseable {
    private static final int BATCH = 256;

    private final Analyzer analyzer;
    private final FeatureTable fixed;
    private final long termsPerShard;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final List<Shard> shards = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Shard> local = ThreadLocal.withInitial(this::newShard);
    private List<Document> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private Path tempDir;
    private int runs;

    /**
     * @param analyzer how documents become features
     * @param fixedVocabulary the terms to count, in column order, or {@code null} to fit a vocabulary
     * @param threads counting threads (1: on the caller's thread)
     * @param maxTermsInMemory distinct terms held in memory before spilling to disk
     */
    public VocabularyCounter(Analyzer analyzer, List<String> fixedVocabulary, int threads, long maxTermsInMemory) {
        this.analyzer = analyzer;
        this.fixed = fixedVocabulary == null ? null : fixedTable(fixedVocabulary);
        int n = Math.max(1, threads);
        this.termsPerShard = Math.max(1, maxTermsInMemory / n);
        this.pool = n == 1 ? null : Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "nlpipe-vocab");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(n * 2);
    }

    /** A table of the given terms in order; duplicate or empty lists are errors, as in scikit-learn. */
    static FeatureTable fixedTable(List<String> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("empty vocabulary passed to fit");
        }
        FeatureTable t = new FeatureTable(terms.size());
        for (String term : terms) {
            int before = t.size();
            if (t.add(term) != before) {
                throw new IllegalArgumentException("duplicate term in vocabulary: '" + term + "'");
            }
        }
        return t;
    }

    /** A default memory budget: about a quarter of the maximum heap at ~400 bytes per term. */
    public static long defaultTermsInMemory() {
        return Math.max(100_000, Runtime.getRuntime().maxMemory() / 1600);
    }

    private Shard newShard() {
        Shard s = new Shard(new TermCounts(fixed != null ? fixed : new FeatureTable(1 << 16), fixed != null));
        shards.add(s);
        return s;
    }

    /** Counts one document (possibly later, on a worker thread). */
    public void add(Document doc) {
        rethrow();
        if (pool == null) {
            count(local.get(), doc);
            return;
        }
        batch.add(doc);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    private void submit() {
        List<Document> work = batch;
        batch = new ArrayList<>(BATCH);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting", e);
        }
        pool.execute(() -> {
            try {
                Shard s = local.get();
                for (Document d : work) {
                    if (failure != null) {
                        return;
                    }
                    count(s, d);
                }
            } catch (Throwable e) {
                if (failure == null) {
                    failure = e;
                }
            } finally {
                inFlight.release();
            }
        });
    }

    private void count(Shard s, Document doc) {
        s.counts.beginDocument();
        analyzer.analyze(doc, s.grams, s.counts);
        if (fixed == null && s.counts.size() > termsPerShard) {
            spill(s);
        }
    }

    private void spill(Shard s) {
        try {
            Path file;
            synchronized (this) {
                if (tempDir == null) {
                    tempDir = Files.createTempDirectory("nlpipe-vocab-");
                }
                file = tempDir.resolve("run-" + (runs++) + ".bin");
            }
            TermRun.write(s.counts, file);
            s.runs.add(file);
            s.counts.clearTerms();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a vocabulary run file: " + e.getMessage(), e);
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** Documents counted so far (complete only after {@link #finish}). */
    public long documents() {
        synchronized (shards) {
            return shards.stream().mapToLong(s -> s.counts.docs).sum();
        }
    }

    /**
     * Waits for the counting threads, sums all counts and prunes them.
     *
     * @param pruning which terms to keep (ignored for a fixed vocabulary)
     * @param binary whether {@code maxFeatures} ranks by document frequency (scikit-learn ranks the
     *     binarized counts when {@code binary} is set)
     * @throws IllegalArgumentException when nothing remains, or {@code maxDf} allows fewer documents than {@code minDf}
     */
    public Vocabulary finish(Pruning pruning, boolean binary) {
        if (pool != null) {
            if (!batch.isEmpty()) {
                submit();
            }
            pool.shutdown();
            try {
                if (!pool.awaitTermination(365, TimeUnit.DAYS)) {
                    throw new IllegalStateException("counting did not finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while counting", e);
            }
        }
        rethrow();
        List<Shard> all = new ArrayList<>(shards);
        if (all.isEmpty()) {
            all.add(newShard());
        }
        long docs = all.stream().mapToLong(s -> s.counts.docs).sum();
        boolean spilled = all.stream().anyMatch(s -> !s.runs.isEmpty());
        if (!spilled) {
            TermCounts total = all.get(0).counts;
            for (int i = 1; i < all.size(); i++) {
                total.absorb(all.get(i).counts);
            }
            if (fixed != null) {
                return new Vocabulary(termsOf(fixed), Arrays.copyOf(total.df, fixed.size()), Arrays.copyOf(total.cf, fixed.size()),
                        docs, fixed.size(), true);
            }
            return pruneInMemory(total, docs, pruning, binary);
        }
        for (Shard s : all) {
            if (s.counts.size() > 0) {
                spill(s);
            }
        }
        List<Path> files = new ArrayList<>();
        all.forEach(s -> files.addAll(s.runs));
        return pruneMerged(files, docs, pruning, binary);
    }

    private static String[] termsOf(FeatureTable t) {
        String[] out = new String[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.term(i);
        }
        return out;
    }

    private static Vocabulary pruneInMemory(TermCounts total, long docs, Pruning pruning, boolean binary) {
        double lo = pruning.minDocs(docs);
        double hi = checkedMax(pruning, docs, lo);
        int distinct = total.size();
        List<String> kept = new ArrayList<>();
        for (int id = 0; id < distinct; id++) {
            if (total.df[id] >= lo && total.df[id] <= hi) {
                kept.add(total.table.term(id));
            }
        }
        int n = kept.size();
        int[] df = new int[n];
        long[] cf = new long[n];
        String[] terms = kept.toArray(new String[0]);
        for (int i = 0; i < n; i++) {
            int id = total.table.find(terms[i]);
            df[i] = total.df[id];
            cf[i] = total.cf[id];
        }
        return finishPruning(terms, df, cf, docs, distinct, pruning, binary);
    }

    private static Vocabulary pruneMerged(List<Path> files, long docs, Pruning pruning, boolean binary) {
        double lo = pruning.minDocs(docs);
        double hi = checkedMax(pruning, docs, lo);
        PriorityQueue<TermRun> heap = new PriorityQueue<>((a, b) -> PyText.compare(a.term, b.term));
        List<String> terms = new ArrayList<>();
        PrimitiveLists.Ints df = new PrimitiveLists.Ints();
        PrimitiveLists.Longs cf = new PrimitiveLists.Longs();
        long distinct = 0;
        try {
            for (Path f : files) {
                TermRun r = TermRun.open(f);
                if (r != null) {
                    heap.add(r);
                }
            }
            while (!heap.isEmpty()) {
                TermRun first = heap.poll();
                String term = first.term;
                long d = 0;
                long c = 0;
                TermRun r = first;
                while (true) {
                    d += r.df;
                    c += r.cf;
                    if (r.advance()) {
                        heap.add(r);
                    } else {
                        r.close();
                    }
                    if (heap.isEmpty() || !heap.peek().term.equals(term)) {
                        break;
                    }
                    r = heap.poll();
                }
                distinct++;
                if (d >= lo && d <= hi) {
                    terms.add(term);
                    df.add((int) d);
                    cf.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a vocabulary run file: " + e.getMessage(), e);
        } finally {
            heap.forEach(TermRun::close);
        }
        return finishPruning(terms.toArray(new String[0]), df.toArray(), cf.toArray(), docs, distinct, pruning, binary);
    }

    private static double checkedMax(Pruning pruning, long docs, double lo) {
        double hi = pruning.maxDocs(docs);
        if (hi < lo) {
            throw new IllegalArgumentException("maxDf corresponds to fewer documents than minDf (" + hi + " < " + lo
                    + " of " + docs + " documents)");
        }
        return hi;
    }

    /** Applies {@code maxFeatures} and sorts the kept terms into column (code point) order. */
    private static Vocabulary finishPruning(String[] terms, int[] df, long[] cf, long docs, long distinct, Pruning pruning,
                                            boolean binary) {
        if (distinct == 0) {
            throw new IllegalArgumentException("empty vocabulary; perhaps the documents only contain stop words");
        }
        if (terms.length == 0) {
            throw new IllegalArgumentException("after pruning, no terms remain; try a lower minDf or a higher maxDf");
        }
        Integer[] order = new Integer[terms.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int keep = terms.length;
        if (pruning.maxFeatures() != null && pruning.maxFeatures() < terms.length) {
            // Most frequent first; scikit-learn leaves the order of equal frequencies unspecified, here it is term order.
            Arrays.sort(order, (a, b) -> {
                long fa = binary ? df[a] : cf[a];
                long fb = binary ? df[b] : cf[b];
                return fa != fb ? Long.compare(fb, fa) : PyText.compare(terms[a], terms[b]);
            });
            keep = pruning.maxFeatures();
        }
        Integer[] kept = Arrays.copyOf(order, keep);
        Arrays.parallelSort(kept, (a, b) -> PyText.compare(terms[a], terms[b]));
        String[] outTerms = new String[keep];
        int[] outDf = new int[keep];
        long[] outCf = new long[keep];
        for (int i = 0; i < keep; i++) {
            outTerms[i] = terms[kept[i]];
            outDf[i] = df[kept[i]];
            outCf[i] = cf[kept[i]];
        }
        return new Vocabulary(outTerms, outDf, outCf, docs, distinct, false);
    }

    /** Stops the counting threads and deletes run files. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (tempDir != null) {
            try {
                ModelDirWriter.deleteTree(tempDir);
            } catch (IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
    }

    private static final class Shard {
        final Grams grams = new Grams();
        final TermCounts counts;
        final List<Path> runs = new ArrayList<>();

        Shard(TermCounts counts) {
            this.counts = counts;
        }
    }
}
