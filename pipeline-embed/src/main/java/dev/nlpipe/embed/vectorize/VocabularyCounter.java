package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.SparseVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
    private final FeatureIndex fixed;
    private final int[] fixedIds;
    private final long termsPerShard;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final List<Shard> shards = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Shard> local = ThreadLocal.withInitial(this::newShard);
    private List<Document> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private final RunFiles runFiles = new RunFiles("nlpipe-vocab-");
    private final boolean recordRows;
    private int ordinal;
    /** After {@link #finish}: per shard, the column of each of its ids, when rows were recorded and kept in memory. */
    private List<int[]> shardColumns;
    private List<Shard> finished;

    /**
     * @param analyzer how documents become features
     * @param fixedVocabulary the terms to count, in column order, or {@code null} to fit a vocabulary
     * @param threads counting threads (1: on the caller's thread)
     * @param maxTermsInMemory distinct terms held in memory before spilling to disk
     */
    public VocabularyCounter(Analyzer analyzer, List<String> fixedVocabulary, int threads, long maxTermsInMemory) {
        this(analyzer, fixedVocabulary, threads, maxTermsInMemory, false);
    }

    /**
     * @param recordRows also keep every document's feature ids, for {@link #rows}
     */
    VocabularyCounter(Analyzer analyzer, List<String> fixedVocabulary, int threads, long maxTermsInMemory, boolean recordRows) {
        this.analyzer = analyzer;
        this.recordRows = recordRows;
        if (fixedVocabulary != null) {
            this.fixed = newIndex(analyzer.spec(), fixedVocabulary.size());
            this.fixedIds = addAll(fixed, fixedVocabulary);
        } else {
            this.fixed = null;
            this.fixedIds = null;
        }
        int n = Math.max(1, threads);
        this.termsPerShard = Math.max(1, maxTermsInMemory / n);
        this.pool = n == 1 ? null : Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "nlpipe-vocab");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(n * 2);
    }

    /** The feature index suited to an analyzer: n-gram chains for words, a string table for characters. */
    static FeatureIndex newIndex(AnalyzerSpec spec, int expected) {
        return spec.kind() == AnalyzerSpec.Kind.WORD ? new NgramTable(expected) : new FeatureTable(expected);
    }

    /**
     * Adds terms in column order and returns the id of each; duplicate or empty lists are errors,
     * as in scikit-learn.
     */
    static int[] addAll(FeatureIndex index, List<String> terms) {
        if (terms.isEmpty()) {
            throw new PruningException(PruningException.Kind.EMPTY, "empty vocabulary");
        }
        int[] ids = new int[terms.size()];
        java.util.BitSet seen = new java.util.BitSet();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = index.add(terms.get(i));
            if (seen.get(ids[i])) {
                throw new IllegalArgumentException("duplicate term in vocabulary: '" + terms.get(i) + "'");
            }
            seen.set(ids[i]);
        }
        return ids;
    }

    /**
     * A default memory budget: a quarter of the maximum heap at about 100 bytes per distinct term
     * (ids, hash slots and counters; ~5 million terms with a 2 GB heap).
     */
    public static long defaultTermsInMemory() {
        return Math.max(100_000, Runtime.getRuntime().maxMemory() / 400);
    }

    private Shard newShard() {
        Shard s = new Shard(new TermCounts(fixed != null ? fixed : newIndex(analyzer.spec(), 1 << 16), fixed != null));
        if (recordRows) {
            s.counts.recordRows();
        }
        shards.add(s);
        return s;
    }

    /** Counts one document (possibly later, on a worker thread). */
    public void add(Document doc) {
        rethrow();
        if (pool == null) {
            count(local.get(), doc, ordinal++);
            return;
        }
        batch.add(doc);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    private void submit() {
        List<Document> work = batch;
        int first = ordinal;
        ordinal += work.size();
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
                for (int i = 0; i < work.size(); i++) {
                    if (failure != null) {
                        return;
                    }
                    count(s, work.get(i), first + i);
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

    private void count(Shard s, Document doc, int docOrdinal) {
        s.counts.beginDocument(docOrdinal);
        analyzer.analyze(doc, s.grams, s.counts);
        if (fixed == null && !recordRows && s.counts.size() > termsPerShard) {
            spill(s);
        }
    }

    private void spill(Shard s) {
        try {
            Path file = runFiles.next();
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
        awaitCounting();
        List<Shard> all = new ArrayList<>(shards);
        if (all.isEmpty()) {
            all.add(newShard());
        }
        long docs = all.stream().mapToLong(s -> s.counts.docs).sum();
        boolean spilled = all.stream().anyMatch(s -> !s.runs.isEmpty());
        if (!spilled) {
            return inMemory(all, docs, pruning, binary);
        }
        return merge(spillAll(all), docs, pruning, binary);
    }

    /**
     * Waits for counting and writes every count, unpruned, to one sorted run file (the spills
     * merged): one part of a count split across machines (a Spark task's share of a distributed
     * fit), to be summed by {@link #merge} with the runs of the other parts.
     *
     * @return the run file, in this counter's temporary directory (deleted by {@link #close});
     *     empty when nothing was counted
     * @throws IllegalStateException for a fixed vocabulary, which needs no distributed fit
     */
    public Optional<Path> finishRun() {
        if (fixed != null) {
            throw new IllegalStateException("a fixed vocabulary is not fitted; count it with finish()");
        }
        awaitCounting();
        return TermRuns.single(spillAll(new ArrayList<>(shards)), Long::sum, Long::sum, runFiles);
    }

    /**
     * Sums the run files of any number of counters ({@link #finishRun}) and prunes them, giving
     * exactly the vocabulary one counter that had seen every document would give.
     *
     * @param runs the run files
     * @param documents the documents all the counters counted
     * @param pruning which terms to keep
     * @param binary whether {@code maxFeatures} ranks by document frequency
     */
    public static Vocabulary merge(List<Path> runs, long documents, Pruning pruning, boolean binary) {
        return VocabularyPruner.merged(runs, documents, pruning, binary).vocabulary();
    }

    private List<Path> spillAll(List<Shard> all) {
        for (Shard s : all) {
            if (s.counts.size() > 0) {
                spill(s);
            }
        }
        List<Path> files = new ArrayList<>();
        all.forEach(s -> files.addAll(s.runs));
        return files;
    }

    private void awaitCounting() {
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
    }

    private Vocabulary inMemory(List<Shard> all, long docs, Pruning pruning, boolean binary) {
        TermCounts total = all.get(0).counts;
        List<int[]> maps = new ArrayList<>();
        maps.add(null);
        for (int i = 1; i < all.size(); i++) {
            maps.add(total.absorb(all.get(i).counts));
        }
        Vocabulary v;
        int[] columnOfId;
        if (fixed != null) {
            v = fixedResult(total, docs);
            columnOfId = new int[fixed.size()];
            Arrays.fill(columnOfId, -1);
            for (int c = 0; c < fixedIds.length; c++) {
                columnOfId[fixedIds[c]] = c;
            }
        } else {
            VocabularyPruner.Pruned p = VocabularyPruner.inMemory(total, docs, pruning, binary);
            v = p.vocabulary();
            columnOfId = p.columnOfId();
        }
        if (recordRows) {
            keepColumns(all, maps, columnOfId);
        }
        return v;
    }

    private void keepColumns(List<Shard> all, List<int[]> maps, int[] columnOfId) {
        shardColumns = new ArrayList<>();
        for (int s = 0; s < all.size(); s++) {
            int[] map = maps.get(s);
            if (map == null) {
                shardColumns.add(columnOfId);
            } else {
                int[] cols = new int[map.length];
                for (int id = 0; id < map.length; id++) {
                    cols[id] = columnOfId[map[id]];
                }
                shardColumns.add(cols);
            }
        }
        finished = all;
    }

    /**
     * The rows of every counted document, in corpus order, built from the recorded feature ids
     * (no second analysis). Only for a counter made with {@code recordRows}, after {@link #finish}.
     */
    SparseVector[] rows(VectorizerModel model) {
        if (shardColumns == null) {
            throw new IllegalStateException("no rows were recorded");
        }
        SparseVector[] out = new SparseVector[ordinal];
        for (int s = 0; s < finished.size(); s++) {
            TermCounts c = finished.get(s).counts;
            int[] cols = shardColumns.get(s);
            PrimitiveLists.IntBlocks ids = c.recordedIds();
            java.util.stream.IntStream.range(0, c.recordedDocuments()).parallel().forEach(i ->
                    out[c.recordedOrdinal(i)] = model.row(ids, c.recordedStart(i), c.recordedStart(i + 1), cols));
        }
        return out;
    }

    private Vocabulary fixedResult(TermCounts total, long docs) {
        int n = fixedIds.length;
        String[] terms = new String[n];
        int[] df = new int[n];
        long[] cf = new long[n];
        for (int i = 0; i < n; i++) {
            int id = fixedIds[i];
            terms[i] = fixed.text(id);
            if (total.counted(id)) {
                df[i] = total.df(id);
                cf[i] = total.cf(id);
            }
        }
        return new Vocabulary(terms, df, cf, docs, n, true);
    }

    /** Stops the counting threads and deletes run files. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        runFiles.close();
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
