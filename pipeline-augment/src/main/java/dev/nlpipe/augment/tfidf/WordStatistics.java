package dev.nlpipe.augment.tfidf;

import dev.nlpipe.embed.vectorize.AnalyzerSpec;
import dev.nlpipe.embed.vectorize.VectorizerModel;
import dev.nlpipe.embed.vectorize.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The corpus statistics UDA's TF-IDF word replacement needs, taken from a fitted TF-IDF vectorizer:
 * the idf of each word, and the distribution replacement words are drawn from.
 *
 * <p>UDA scores each word of the corpus by its summed TF-IDF, {@code s(w) = idf(w)·Σ_d tf_d(w)}, and
 * draws replacements with probability proportional to {@code max_w s(w) − s(w)}, so words that carry
 * little information are likely and the corpus's strongest keyword never comes. The model keeps the
 * corpus frequency {@code cf(w)} rather than per-document term frequencies, so {@code Σ_d tf_d(w)} is
 * taken as {@code cf(w)} over the mean document length; the constant cancels when the scores are
 * normalized. Immutable and thread-safe.
 */
final class WordStatistics {
    private final Map<String, Double> idf;
    private final double unknownIdf;
    private final boolean lowercase;
    private final String[] words;
    private final double[] cumulative;

    private WordStatistics(Map<String, Double> idf, double unknownIdf, boolean lowercase, String[] words, double[] cumulative) {
        this.idf = idf;
        this.unknownIdf = unknownIdf;
        this.lowercase = lowercase;
        this.words = words;
        this.cumulative = cumulative;
    }

    /**
     * The statistics of a fitted model's single words (n-gram terms are left out).
     *
     * @throws IllegalArgumentException when the model is not a word model or has no words to draw
     */
    static WordStatistics of(VectorizerModel model) {
        AnalyzerSpec spec = model.analyzerSpec();
        if (spec.kind() != AnalyzerSpec.Kind.WORD || spec.minN() != 1) {
            throw new IllegalArgumentException("augment.tfidf needs a word-unigram vectorizer (analyzer: word, ngramRange [1, n]); "
                    + "this model has " + spec);
        }
        Vocabulary v = model.vocabulary();
        Map<String, Double> idf = new HashMap<>(v.size() * 2);
        double maxIdf = 0;
        List<String> drawable = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int c = 0; c < v.size(); c++) {
            String term = v.terms()[c];
            if (term.indexOf(' ') >= 0) {
                continue; // an n-gram
            }
            double w = model.idf(c);
            idf.put(term, w);
            maxIdf = Math.max(maxIdf, w);
            if (term.codePoints().anyMatch(Character::isLetter)) {
                drawable.add(term);
                scores.add(w * Math.max(v.cf()[c], v.df()[c]));
            }
        }
        if (drawable.isEmpty()) {
            throw new IllegalArgumentException("the model's vocabulary has no words to draw replacements from");
        }
        double max = scores.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double[] cumulative = new double[drawable.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += max - scores.get(i);
            cumulative[i] = sum;
        }
        if (sum == 0) { // every word scores the same: draw them uniformly
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] = i + 1;
            }
        }
        return new WordStatistics(Map.copyOf(idf), maxIdf, spec.lowercase(), drawable.toArray(String[]::new), cumulative);
    }

    /** The idf of a word as the model sees it; words the model lacks count as its rarest (most informative). */
    double idf(String word) {
        Double w = idf.get(lowercase ? word.toLowerCase(Locale.ROOT) : word);
        return w == null ? unknownIdf : w;
    }

    /** A replacement word drawn from the corpus distribution. */
    String draw(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        i = i >= 0 ? i + 1 : -i - 1;
        return words[Math.min(i, words.length - 1)];
    }

    /** Number of words replacements are drawn from. */
    int drawable() {
        return words.length;
    }
}
