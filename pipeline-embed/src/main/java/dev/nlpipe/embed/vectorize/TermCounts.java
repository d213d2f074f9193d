package dev.nlpipe.embed.vectorize;

import java.util.Arrays;

/**
 * Document frequency and corpus frequency of every feature seen by one counting thread, keyed by
 * the ids of a {@link FeatureIndex}. With a fixed vocabulary only its terms are counted and the
 * index is shared read-only. Each id's counters sit side by side in one array (last document seen
 * and df in one long, cf in the next), so counting an occurrence touches one cache line.
 */
final class TermCounts implements GramSink {
    final FeatureIndex index;
    private final NgramTable words;
    private final FeatureTable slices;
    private final boolean fixed;
    /** {@code stats[2·id]} = last document (high 32 bits) and df (low 32 bits); {@code stats[2·id + 1]} = cf. */
    private long[] stats;
    private int docSeq;
    long docs;
    /** When recording: every counted id in order, and per document its ordinal and first position. */
    private PrimitiveLists.IntBlocks rowIds;
    private PrimitiveLists.Ints rowDocs;
    private PrimitiveLists.Ints rowStarts;

    TermCounts(FeatureIndex index, boolean fixed) {
        this.index = index;
        this.words = index instanceof NgramTable n ? n : null;
        this.slices = index instanceof FeatureTable f ? f : null;
        this.fixed = fixed;
        stats = new long[2 * Math.max(1024, index.size())];
    }

    /** Also keeps each document's feature ids, so rows can be built without analyzing again. */
    void recordRows() {
        rowIds = new PrimitiveLists.IntBlocks();
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
    PrimitiveLists.IntBlocks recordedIds() {
        return rowIds;
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
        int at = 2 * id;
        if (at >= stats.length) {
            stats = Arrays.copyOf(stats, Math.max(stats.length * 2, at + 2));
        }
        long s = stats[at];
        if ((int) (s >>> 32) != docSeq) {
            stats[at] = ((long) docSeq << 32) | ((s + 1) & 0xFFFFFFFFL);
        }
        stats[at + 1]++;
    }

    /** Documents containing an id. */
    int df(int id) {
        return 2 * id < stats.length ? (int) stats[2 * id] : 0;
    }

    /** Occurrences of an id. */
    long cf(int id) {
        return 2 * id < stats.length ? stats[2 * id + 1] : 0;
    }

    private void add(int id, int df, long cf) {
        int at = 2 * id;
        if (at >= stats.length) {
            stats = Arrays.copyOf(stats, Math.max(stats.length * 2, at + 2));
        }
        stats[at] = (stats[at] & 0xFFFFFFFF00000000L) | ((stats[at] + df) & 0xFFFFFFFFL);
        stats[at + 1] += cf;
    }

    /** Number of ids held (features and n-gram prefixes). */
    int size() {
        return index.size();
    }

    /** Whether an id was counted as a feature (not only a prefix of longer n-grams). */
    boolean counted(int id) {
        return cf(id) > 0;
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
                add(mine, other.df(id), other.cf(id));
            }
        }
        return map;
    }

    /** Forgets all terms (after they were written to a run file); the document count stays. */
    void clearTerms() {
        Arrays.fill(stats, 0, Math.min(stats.length, 2 * size()), 0L);
        index.clear();
    }
}
