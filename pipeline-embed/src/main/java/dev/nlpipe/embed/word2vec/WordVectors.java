package dev.nlpipe.embed.word2vec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word vectors, however they were made (trained here, or loaded from a word2vec text or binary
 * file written by gensim, fastText or the C tool), with the queries people ask of them: cosine
 * similarity, nearest neighbours and analogies. Rows are kept in file order, which for word2vec
 * output is most frequent first, so "the first N words" is the usual frequency cut-off.
 * Thread-safe for queries.
 */
public final class WordVectors {
    private final String[] words;
    private final float[] matrix;
    private final int dim;
    private final Map<String, Integer> index;
    private volatile float[] unit;
    private volatile Map<String, Integer> folded;

    /**
     * @param words the words, one per row
     * @param matrix {@code words.length * dim} values, row by row (not copied)
     * @param dim the vector size
     */
    public WordVectors(String[] words, float[] matrix, int dim) {
        if ((long) words.length * dim != matrix.length) {
            throw new IllegalArgumentException(words.length + " words of dimension " + dim + " need " + (long) words.length * dim
                    + " values, not " + matrix.length);
        }
        this.words = words;
        this.matrix = matrix;
        this.dim = dim;
        this.index = new HashMap<>(words.length * 2);
        for (int i = 0; i < words.length; i++) {
            index.putIfAbsent(words[i], i);
        }
    }

    /**
     * Loads vectors from a word2vec text file ({@code .txt}, {@code .vec}), binary file
     * ({@code .bin}), either gzipped, or a word2vec model directory; other names are sniffed.
     */
    public static WordVectors load(Path path) throws IOException {
        return VectorFormat.read(path);
    }

    /** Number of words. */
    public int size() {
        return words.length;
    }

    /** Vector size. */
    public int dim() {
        return dim;
    }

    public String word(int row) {
        return words[row];
    }

    /** The row of a word, or -1. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /**
     * The row of a word, matched exactly or else ignoring case, among the first {@code limit} rows;
     * -1 when absent. Ignoring case, the most frequent spelling wins, as in gensim and the C tool's
     * {@code compute-accuracy}.
     */
    public int lookup(String word, int limit) {
        int i = indexOf(word);
        if (i >= 0 && i < limit) {
            return i;
        }
        Integer f = foldedIndex().get(word.toUpperCase(Locale.ROOT));
        return f != null && f < limit ? f : -1;
    }

    /**
     * The row of a word's most frequent spelling ignoring case (the first row among its case
     * variants), when among the first {@code limit} rows; -1 otherwise. This is how gensim's
     * evaluations ({@code case_insensitive}) and the C tool's {@code compute-accuracy} look words up:
     * even an exact match that is rarer than another spelling gives way to it.
     */
    public int lookupAnyCase(String word, int limit) {
        Integer f = foldedIndex().get(word.toUpperCase(Locale.ROOT));
        return f != null && f < limit ? f : -1;
    }

    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** A copy of a word's vector, or {@code null} when the word is unknown. */
    public float[] vector(String word) {
        int i = indexOf(word);
        if (i < 0) {
            return null;
        }
        float[] v = new float[dim];
        System.arraycopy(matrix, i * dim, v, 0, dim);
        return v;
    }

    /** The raw matrix, row by row (shared, not copied: do not modify). */
    public float[] matrix() {
        return matrix;
    }

    /** The words in row order (a copy). */
    public String[] words() {
        return words.clone();
    }

    /** Rows scaled to unit length (zero rows stay zero), computed once. */
    public float[] unitMatrix() {
        float[] u = unit;
        if (u == null) {
            u = new float[matrix.length];
            for (int r = 0; r < words.length; r++) {
                double norm = VecMath.norm(matrix, r * dim, dim);
                float inv = norm > 0 ? (float) (1 / norm) : 0f;
                for (int i = 0; i < dim; i++) {
                    u[r * dim + i] = matrix[r * dim + i] * inv;
                }
            }
            unit = u;
        }
        return u;
    }

    private Map<String, Integer> foldedIndex() {
        Map<String, Integer> f = folded;
        if (f == null) {
            f = new HashMap<>(words.length * 2);
            for (int i = 0; i < words.length; i++) {
                f.putIfAbsent(words[i].toUpperCase(Locale.ROOT), i);
            }
            folded = f;
        }
        return f;
    }

    /** Cosine similarity of two words. */
    public double similarity(String a, String b) {
        return similarity(require(a), require(b));
    }

    /** Cosine similarity of two rows. */
    public double similarity(int a, int b) {
        float[] u = unitMatrix();
        return VecMath.dot(u, a * dim, u, b * dim, dim);
    }

    /** The {@code k} words closest to {@code word} by cosine, itself excluded. */
    public List<Neighbor> neighbors(String word, int k) {
        int w = require(word);
        float[] u = unitMatrix();
        float[] q = new float[dim];
        System.arraycopy(u, w * dim, q, 0, dim);
        return nearest(q, k, words.length, w);
    }

    /**
     * The {@code k} rows closest by cosine to a query vector, among the first {@code limit} rows.
     *
     * @param query any vector (its length does not change the ranking)
     * @param exclude rows never returned
     */
    public List<Neighbor> nearest(float[] query, int k, int limit, int... exclude) {
        float[] u = unitMatrix();
        double qn = VecMath.norm(query, 0, dim);
        float inv = qn > 0 ? (float) (1 / qn) : 0f;
        TopK top = new TopK(k);
        int n = Math.min(limit, words.length);
        for (int r = 0; r < n; r++) {
            if (!excluded(r, exclude)) {
                top.offer(r, VecMath.dot(u, r * dim, query, 0, dim) * inv);
            }
        }
        return top.result(this);
    }

    /**
     * Answers "a is to b as c is to ?" (e.g. man : king :: woman : queen), among the first
     * {@code limit} rows, never returning a, b or c.
     */
    public List<Neighbor> analogy(String a, String b, String c, AnalogyMethod method, int k, int limit) {
        return analogy(require(a), require(b), require(c), method, k, limit);
    }

    /** {@link #analogy(String, String, String, AnalogyMethod, int, int)} by rows. */
    public List<Neighbor> analogy(int a, int b, int c, AnalogyMethod method, int k, int limit) {
        float[] u = unitMatrix();
        int n = Math.min(limit, words.length);
        TopK top = new TopK(k);
        if (method == AnalogyMethod.ADD) {
            float[] q = new float[dim];
            for (int i = 0; i < dim; i++) {
                q[i] = u[b * dim + i] - u[a * dim + i] + u[c * dim + i];
            }
            for (int r = 0; r < n; r++) {
                if (r != a && r != b && r != c) {
                    top.offer(r, VecMath.dot(u, r * dim, q, 0, dim));
                }
            }
            // report cosine rather than the raw dot with an unnormalized query
            double qn = VecMath.norm(q, 0, dim);
            return top.result(this, qn > 0 ? 1 / qn : 0);
        }
        for (int r = 0; r < n; r++) {
            if (r != a && r != b && r != c) {
                float sa = (1 + VecMath.dot(u, r * dim, u, a * dim, dim)) / 2;
                float sb = (1 + VecMath.dot(u, r * dim, u, b * dim, dim)) / 2;
                float sc = (1 + VecMath.dot(u, r * dim, u, c * dim, dim)) / 2;
                top.offer(r, sb * sc / (sa + 1e-3f));
            }
        }
        return top.result(this);
    }

    private int require(String word) {
        int i = indexOf(word);
        if (i < 0) {
            throw new IllegalArgumentException("'" + word + "' is not in the vocabulary (" + words.length + " words)");
        }
        return i;
    }

    private static boolean excluded(int r, int[] exclude) {
        for (int e : exclude) {
            if (e == r) {
                return true;
            }
        }
        return false;
    }

    /** How an analogy's answer is scored. */
    public enum AnalogyMethod {
        /** 3CosAdd: cos(d, b − a + c) (Mikolov et al. 2013). */
        ADD,
        /** 3CosMul: cos'(d,b)·cos'(d,c) / (cos'(d,a) + 0.001), cos' = (1 + cos)/2 (Levy and Goldberg 2014). */
        MUL
    }

    /** A word and its score (cosine similarity, or the 3CosMul score). */
    public record Neighbor(String word, double score) {
    }

    /** Keeps the k best (row, score) pairs offered, best first; ties keep the earlier (more frequent) row. */
    static final class TopK {
        private final int[] rows;
        private final float[] scores;
        private int size;

        TopK(int k) {
            rows = new int[Math.max(k, 0)];
            scores = new float[Math.max(k, 0)];
        }

        void offer(int row, float score) {
            if (rows.length == 0 || (size == rows.length && !(score > scores[size - 1]))) {
                return;
            }
            int at = size == rows.length ? size - 1 : size++;
            while (at > 0 && score > scores[at - 1]) {
                rows[at] = rows[at - 1];
                scores[at] = scores[at - 1];
                at--;
            }
            rows[at] = row;
            scores[at] = score;
        }

        /** The best row, or -1 when none was offered. */
        int best() {
            return size == 0 ? -1 : rows[0];
        }

        List<Neighbor> result(WordVectors v) {
            return result(v, 1);
        }

        List<Neighbor> result(WordVectors v, double scale) {
            List<Neighbor> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(new Neighbor(v.word(rows[i]), scores[i] * scale));
            }
            return out;
        }
    }
}
