package dev.nlpipe.embed.vectorize;

import java.util.Arrays;

/**
 * Document frequency and corpus frequency of every feature seen by one counting thread. With a
 * fixed vocabulary only its terms are counted and the table is shared read-only.
 */
final class TermCounts implements GramSink {
    final FeatureTable table;
    private final boolean fixed;
    int[] df;
    long[] cf;
    private int[] lastDoc;
    private int docSeq;
    long docs;

    TermCounts(FeatureTable table, boolean fixed) {
        this.table = table;
        this.fixed = fixed;
        int n = Math.max(1024, table.size());
        df = new int[n];
        cf = new long[n];
        lastDoc = new int[n];
    }

    /** Starts counting the next document's features. */
    void beginDocument() {
        docSeq++;
        docs++;
    }

    @Override
    public void word(Grams g, int from, int n, int hash, int length) {
        count(fixed ? table.findWord(g, from, n, hash, length) : table.addWord(g, from, n, hash, length));
    }

    @Override
    public void chars(Grams g, int start, int end, int hash) {
        count(fixed ? table.findSlice(g, start, end, hash) : table.addSlice(g, start, end, hash));
    }

    private void count(int id) {
        if (id < 0) {
            return;
        }
        if (id >= df.length) {
            int n = Math.max(df.length * 2, id + 1);
            df = Arrays.copyOf(df, n);
            cf = Arrays.copyOf(cf, n);
            lastDoc = Arrays.copyOf(lastDoc, n);
        }
        if (lastDoc[id] != docSeq) {
            lastDoc[id] = docSeq;
            df[id]++;
        }
        cf[id]++;
    }

    /** Number of distinct features held. */
    int size() {
        return table.size();
    }

    /** Adds another thread's counts (same fixed vocabulary, or any terms when not fixed). */
    void absorb(TermCounts other) {
        docs += other.docs;
        for (int id = 0; id < other.size(); id++) {
            if (other.df[id] == 0 && other.cf[id] == 0) {
                continue;
            }
            int mine = fixed ? id : table.add(other.table.term(id));
            if (mine >= df.length) {
                int n = Math.max(df.length * 2, mine + 1);
                df = Arrays.copyOf(df, n);
                cf = Arrays.copyOf(cf, n);
                lastDoc = Arrays.copyOf(lastDoc, n);
            }
            df[mine] += other.df[id];
            cf[mine] += other.cf[id];
        }
    }

    /** Forgets all terms (after they were written to a run file); the document count stays. */
    void clearTerms() {
        Arrays.fill(df, 0, size(), 0);
        Arrays.fill(cf, 0, size(), 0L);
        Arrays.fill(lastDoc, 0, size(), 0);
        table.clear();
    }
}
