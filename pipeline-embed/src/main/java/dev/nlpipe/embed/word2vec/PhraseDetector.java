package dev.nlpipe.embed.word2vec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * word2phrase-style phrase detection over a corpus cache: adjacent tokens {@code a b} whose score
 * {@code (count(ab) - minCount) / (count(a) * count(b)) * totalTokens} exceeds the threshold are
 * rewritten as one token {@code a_b} (Mikolov et al. 2013, "Distributed representations of words
 * and phrases"). A token that was just joined does not join its right neighbour in the same pass;
 * running more passes builds longer phrases.
 */
final class PhraseDetector {
    private PhraseDetector() {
    }

    /**
     * Runs the configured passes, rewriting the cache and the token counts.
     *
     * @param cache the corpus; closed and replaced by the rewritten one
     * @param table the tokens and counts; phrases are added to it and all counts recomputed
     * @param holder receives the current cache (the caller closes it)
     * @return distinct phrase tokens created
     */
    static int apply(CorpusCache cache, TokenTable table, Word2VecParams.PhraseParams p, Path cacheDir, CorpusCache[] holder)
            throws IOException {
        holder[0] = cache;
        Set<Integer> phrases = new HashSet<>();
        for (int pass = 0; pass < p.passes(); pass++) {
            holder[0] = onePass(holder[0], table, p, cacheDir, phrases);
        }
        return phrases.size();
    }

    private static CorpusCache onePass(CorpusCache in, TokenTable table, Word2VecParams.PhraseParams p, Path cacheDir, Set<Integer> phrases)
            throws IOException {
        int n = table.size();
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            counts[i] = table.count(i);
        }
        double total = table.total();
        LongIntCounter bigrams = new LongIntCounter(1 << 16);
        CorpusCache.Reader r = in.reader(0, in.size());
        int prev = -1;
        int k;
        while ((k = r.read()) > 0) {
            int[] chunk = r.chunk();
            for (int i = 0; i < k; i++) {
                int t = chunk[i];
                if (t != CorpusCache.END && prev >= 0 && counts[prev] >= p.minCount() && counts[t] >= p.minCount()) {
                    bigrams.increment(pair(prev, t));
                }
                prev = t;
            }
        }
        CorpusCache out = CorpusCache.create(cacheDir);
        try (CorpusCache.Writer w = out.writer()) {
            table.clearCounts();
            r = in.reader(0, in.size());
            int pending = -1;
            while ((k = r.read()) > 0) {
                int[] chunk = r.chunk();
                for (int i = 0; i < k; i++) {
                    int t = chunk[i];
                    if (t == CorpusCache.END) {
                        emit(w, table, pending);
                        pending = -1;
                        w.add(CorpusCache.END);
                        continue;
                    }
                    if (pending >= 0 && t < n && pending < n && score(counts, bigrams, pending, t, p.minCount(), total) > p.threshold()) {
                        int joined = table.intern(table.word(pending) + p.delimiter() + table.word(t));
                        phrases.add(joined);
                        emit(w, table, joined);
                        pending = -1;
                    } else {
                        emit(w, table, pending);
                        pending = t;
                    }
                }
            }
            emit(w, table, pending);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        in.close();
        return out;
    }

    private static void emit(CorpusCache.Writer w, TokenTable table, int token) throws IOException {
        if (token >= 0) {
            w.add(token);
            table.increment(token);
        }
    }

    private static double score(long[] counts, LongIntCounter bigrams, int a, int b, int minCount, double total) {
        if (counts[a] < minCount || counts[b] < minCount) {
            return 0;
        }
        int ab = bigrams.get(pair(a, b));
        if (ab < minCount) {
            return 0;
        }
        return (ab - minCount) / (double) counts[a] / counts[b] * total;
    }

    private static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }
}
