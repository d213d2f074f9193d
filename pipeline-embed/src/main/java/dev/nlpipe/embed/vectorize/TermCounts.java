package dev.nlpipe.embed.vectorize;

import java.util.Arrays;

/**
 * Document frequency and corpus frequency of every feature seen by one counting thread, keyed by
 * the ids of a {@link FeatureIndex}. With a fixed vocabulary only its terms are counted and the
 * index is shared read-only.
 */
final class TermCounts implements GramSink {
    final FeatureIndex index;
    private final NgramTable words;
    private final FeatureTable slices;
    private final boolean fixed;
    int[] df;
    long[] cf;
    private int[] lastDoc;
    private int docSeq;
    long docs;
    /** When recording: every counted id in order, and per document its ordinal and first position. */
    private PrimitiveLists.Ints rowIds;
    private PrimitiveLists.Ints rowDocs;
    private PrimitiveLists.Ints rowStarts;

    TermCounts(FeatureIndex index, boolean fixed) {
        this.index = index;
        this.words = index instanceof NgramTable n ? n : null;
        this.slices = index instanceof FeatureTable f ? f : null;
        this.fixed = fixed;
        int n = Math.max(1024, index.size());
        df = new int[n];
        cf = new long[n];
        lastDoc = new int[n];
    }

    /** Also keeps each document's feature ids, so rows can be built without analyzing again. */
    void recordRows() {
        rowIds = new PrimitiveLists.Ints();
        rowDocs = new PrimitiveLists.Ints();
        rowStarts = new PrimitiveLists.Ints();
    }

    /** Starts counting the next document's features; {@code ordinal} is its position in the corpus. */
    void beginDocument(int ordinal) {
        docSeq++;
        docs++;
        if (rowIds != null) {
            rowDocs.add(ordinal);
            rowStarts.add(rowIds.size());
        }
    }

    /** Number of documents recorded. */
    int recordedDocuments() {
        return rowDocs == null ? 0 : rowDocs.size();
    }

    /** The corpus position of the {@code i}-th recorded document. */
    int recordedOrdinal(int i) {
        return rowDocs.get(i);
    }

    /** The ids recorded for all documents; document {@code i} holds {@code [recordedStart(i), recordedStart(i + 1))}. */
    int[] recordedIds() {
        return rowIds.array();
    }

    int recordedStart(int i) {
        return i < rowStarts.size() ? rowStarts.get(i) : rowIds.size();
    }

    @Override
    public void words(Grams g, int minN, int maxN) {
        words.visit(g, minN, maxN, !fixed, this::count);
    }

    @Override
    public void chars(Grams g, int start, int end, int hash) {
        count(fixed ? slices.findSlice(g, start, end, hash) : slices.addSlice(g, start, end, hash));
    }

    private void count(int id) {
        if (id < 0) {
            return;
        }
        if (rowIds != null) {
            rowIds.add(id);
        }
        if (id >= df.length) {
            grow(id);
        }
        if (lastDoc[id] != docSeq) {
            lastDoc[id] = docSeq;
            df[id]++;
        }
        cf[id]++;
    }

    private void grow(int id) {
        int n = Math.max(df.length * 2, id + 1);
        df = Arrays.copyOf(df, n);
        cf = Arrays.copyOf(cf, n);
        lastDoc = Arrays.copyOf(lastDoc, n);
    }

    /** Number of ids held (features and n-gram prefixes). */
    int size() {
        return index.size();
    }

    /** Whether an id was counted as a feature (not only a prefix of longer n-grams). */
    boolean counted(int id) {
        return id < df.length && cf[id] > 0;
    }

    /**
     * Adds another thread's counts (same fixed vocabulary, or any terms when not fixed) and returns
     * the id here of each of its ids ({@code null} for a shared fixed vocabulary).
     */
    int[] absorb(TermCounts other) {
        docs += other.docs;
        int[] map = fixed ? null : new int[other.size()];
        for (int id = 0; id < other.size(); id++) {
            int mine;
            if (fixed) {
                mine = id;
            } else if (words != null) {
                NgramTable o = (NgramTable) other.index;
                int pre = o.prefixOf(id);
                mine = pre < 0 ? words.add(o.text(id)) : words.extend(map[pre], map[o.lastOf(id)], true);
                map[id] = mine;
            } else {
                mine = slices.add(other.index.text(id));
                map[id] = mine;
            }
            if (other.counted(id)) {
                if (mine >= df.length) {
                    grow(mine);
                }
                df[mine] += other.df[id];
                cf[mine] += other.cf[id];
            }
        }
        return map;
    }

    /** Forgets all terms (after they were written to a run file); the document count stays. */
    void clearTerms() {
        int n = Math.min(size(), df.length);
        Arrays.fill(df, 0, n, 0);
        Arrays.fill(cf, 0, n, 0L);
        Arrays.fill(lastDoc, 0, n, 0);
        index.clear();
    }
}
