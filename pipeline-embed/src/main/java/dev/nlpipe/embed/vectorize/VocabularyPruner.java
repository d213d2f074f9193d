package dev.nlpipe.embed.vectorize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns summed counts into a vocabulary with scikit-learn's {@code _limit_features} rules: keep
 * terms with {@code minDf <= df <= maxDf}, then the {@code maxFeatures} most frequent, then sort
 * them into code point order, which gives the columns.
 */
final class VocabularyPruner {
    private VocabularyPruner() {
    }

    /**
     * A pruned vocabulary and, when pruned from an in-memory index, the column of every index id.
     *
     * @param columnOfId column per id of the counted index (-1: dropped or not a feature), or {@code null}
     */
    record Pruned(Vocabulary vocabulary, int[] columnOfId) {
    }

    /** Prunes the counts held in memory. */
    static Pruned inMemory(TermCounts total, long docs, Pruning pruning, boolean binary) {
        double lo = pruning.minDocs(docs);
        double hi = checkedMax(pruning, docs, lo);
        long distinct = 0;
        List<String> terms = new ArrayList<>();
        PrimitiveLists.Ints ids = new PrimitiveLists.Ints();
        PrimitiveLists.Ints df = new PrimitiveLists.Ints();
        PrimitiveLists.Longs cf = new PrimitiveLists.Longs();
        for (int id = 0; id < total.size(); id++) {
            if (!total.counted(id)) {
                continue;
            }
            distinct++;
            if (total.df(id) >= lo && total.df(id) <= hi) {
                terms.add(total.index.text(id));
                ids.add(id);
                df.add(total.df(id));
                cf.add(total.cf(id));
            }
        }
        int[] keptIds = ids.toArray();
        int[] positions = new int[keptIds.length];
        Order order = total.index instanceof NgramTable t ? keep -> t.sortByRanks(keptIds, keep) : null;
        Vocabulary v = select(terms.toArray(new String[0]), df.toArray(), cf.toArray(), docs, distinct, pruning, binary, positions, order);
        int[] columnOfId = new int[total.size()];
        Arrays.fill(columnOfId, -1);
        for (int c = 0; c < v.size(); c++) {
            columnOfId[keptIds[positions[c]]] = c;
        }
        return new Pruned(v, columnOfId);
    }

    /** Merges sorted run files, summing the counts of equal terms, and prunes on the way. */
    static Pruned merged(List<Path> files, long docs, Pruning pruning, boolean binary) {
        double lo = pruning.minDocs(docs);
        double hi = checkedMax(pruning, docs, lo);
        List<String> terms = new ArrayList<>();
        PrimitiveLists.Ints df = new PrimitiveLists.Ints();
        PrimitiveLists.Longs cf = new PrimitiveLists.Longs();
        long[] distinct = {0};
        TermRuns.merge(files, Long::sum, Long::sum, (term, d, c) -> {
            distinct[0]++;
            if (d >= lo && d <= hi) {
                terms.add(term);
                df.add((int) d);
                cf.add(c);
            }
        });
        String[] t = terms.toArray(new String[0]);
        return new Pruned(select(t, df.toArray(), cf.toArray(), docs, distinct[0], pruning, binary, new int[t.length], null), null);
    }

    private static double checkedMax(Pruning pruning, long docs, double lo) {
        double hi = pruning.maxDocs(docs);
        if (hi < lo) {
            throw new PruningException(PruningException.Kind.MAX_BELOW_MIN, "maxDf corresponds to fewer documents than minDf (" + hi + " < " + lo
                    + " of " + docs + " documents)");
        }
        return hi;
    }

    /**
     * Applies {@code maxFeatures} and sorts the kept terms into column (code point) order.
     *
     * @param positions receives, per column, the term's index in {@code terms}
     */
    private static Vocabulary select(String[] terms, int[] df, long[] cf, long docs, long distinct, Pruning pruning, boolean binary,
                                     int[] positions, Order order) {
        if (distinct == 0) {
            throw new PruningException(PruningException.Kind.EMPTY, "empty vocabulary; perhaps the documents only contain stop words");
        }
        if (terms.length == 0) {
            throw new PruningException(PruningException.Kind.NOTHING_LEFT, "after pruning, no terms remain; try a lower minDf or a higher maxDf");
        }
        int[] keep;
        if (pruning.maxFeatures() != null && pruning.maxFeatures() < terms.length) {
            keep = mostFrequent(terms, binary ? null : cf, df, pruning.maxFeatures());
        } else {
            keep = java.util.stream.IntStream.range(0, terms.length).toArray();
        }
        int[] sorted = order == null ? null : order.sort(keep);
        if (sorted == null) {
            sorted = byString(terms, keep);
        }
        String[] out = new String[sorted.length];
        int[] outDf = new int[sorted.length];
        long[] outCf = new long[sorted.length];
        for (int c = 0; c < sorted.length; c++) {
            int at = sorted[c];
            positions[c] = at;
            out[c] = terms[at];
            outDf[c] = df[at];
            outCf[c] = cf[at];
        }
        return new Vocabulary(out, outDf, outCf, docs, distinct, false);
    }

    /** Sorts positions into {@code terms} by their term's code point order; {@code null} when it cannot. */
    @FunctionalInterface
    interface Order {
        int[] sort(int[] positions);
    }

    /** Sorts the strings themselves (much faster than sorting indices with a comparator), then finds their positions. */
    private static int[] byString(String[] terms, int[] keep) {
        String[] out = new String[keep.length];
        Map<String, Integer> position = new HashMap<>(keep.length * 2);
        for (int i = 0; i < keep.length; i++) {
            out[i] = terms[keep[i]];
            position.put(out[i], keep[i]);
        }
        PyText.sort(out);
        int[] sorted = new int[out.length];
        for (int c = 0; c < out.length; c++) {
            sorted[c] = position.get(out[c]);
        }
        return sorted;
    }

    /**
     * Indices of the {@code k} most frequent terms (by {@code cf}, or by {@code df} when
     * {@code cf} is null). scikit-learn leaves the order of equal frequencies unspecified; here
     * the earlier term in code point order wins.
     */
    private static int[] mostFrequent(String[] terms, long[] cf, int[] df, int k) {
        Integer[] order = new Integer[terms.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            long fa = cf == null ? df[a] : cf[a];
            long fb = cf == null ? df[b] : cf[b];
            return fa != fb ? Long.compare(fb, fa) : PyText.compare(terms[a], terms[b]);
        });
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
