package dev.nlpipe.embed.word2vec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word-similarity evaluation (WordSim-353, SimLex-999, wordsim-240/297): lines
 * {@code word1<TAB>word2<TAB>score}, {@code #} comments ignored. The score is the Spearman rank
 * correlation between the vectors' cosine similarity and the human scores over the pairs whose
 * words are both known (matched ignoring case); unknown pairs are counted and reported, as gensim's
 * {@code evaluate_word_pairs} does.
 */
public final class SimilarityEvaluation {
    private SimilarityEvaluation() {
    }

    /**
     * @param spearman Spearman's ρ over the known pairs (NaN with fewer than two)
     * @param pearson Pearson's r over the known pairs
     * @param pairs pairs in the file
     * @param oov pairs skipped because a word is unknown
     * @param restrictVocab how many of the most frequent words took part (0 = all)
     */
    public record Result(String name, double spearman, double pearson, int pairs, int oov, int restrictVocab) {
        /** For JSON. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("restrictVocab", restrictVocab);
            m.put("spearman", Double.isNaN(spearman) ? null : spearman);
            m.put("pearson", Double.isNaN(pearson) ? null : pearson);
            m.put("pairs", pairs);
            m.put("oov", oov);
            m.put("oov_ratio", pairs == 0 ? 0 : 100.0 * oov / pairs); // a percentage, as gensim's
            return m;
        }
    }

    /** Words a pair may use: the most frequent ones, as gensim's {@code evaluate_word_pairs(restrict_vocab=300000)}. */
    public static final int RESTRICT_VOCAB = 300_000;

    /**
     * Evaluates vectors on one file, over the {@link #RESTRICT_VOCAB} most frequent words (a pair
     * with a rarer word counts as out of vocabulary); the result is named after the file without its extension.
     */
    public static Result evaluate(WordVectors v, Path file) throws IOException {
        return evaluate(v, file, RESTRICT_VOCAB);
    }

    /**
     * {@link #evaluate(WordVectors, Path)} over the {@code restrictVocab} most frequent words, as gensim's
     * {@code restrict_vocab}.
     *
     * @param restrictVocab how many of the most frequent words take part (0 or less = all)
     */
    public static Result evaluate(WordVectors v, Path file, int restrictVocab) throws IOException {
        int limit = restrictVocab > 0 ? restrictVocab : Integer.MAX_VALUE;
        List<Double> human = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        int pairs = 0;
        int oov = 0;
        for (DataLines.Line l : DataLines.read(file, true)) {
            String line = l.text();
            String[] f = line.split(line.indexOf('\t') >= 0 ? "\t" : "\\s+");
            double score;
            try {
                score = f.length == 3 ? Double.parseDouble(f[2].strip()) : Double.NaN;
            } catch (NumberFormatException e) {
                score = Double.NaN;
            }
            if (Double.isNaN(score)) {
                throw new IOException(file + ":" + l.number() + ": expected 'word1<TAB>word2<TAB>score', found '" + line + "'");
            }
            pairs++;
            int a = v.lookupAnyCase(f[0].strip(), limit);
            int b = v.lookupAnyCase(f[1].strip(), limit);
            if (a < 0 || b < 0) {
                oov++;
                continue;
            }
            human.add(score);
            model.add(v.similarity(a, b));
        }
        double[] h = human.stream().mapToDouble(Double::doubleValue).toArray();
        double[] m = model.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(DataLines.baseName(file), spearman(h, m), pearson(h, m), pairs, oov, Math.max(restrictVocab, 0));
    }

    /** Spearman's ρ: Pearson's r of the ranks, tied values sharing their mean rank. */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /** Pearson's correlation coefficient (NaN with fewer than two values or a constant series). */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** 1-based ranks, ties getting the mean of the ranks they span. */
    static double[] ranks(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }
}
