package dev.nlpipe.augment.tfidf;

import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.Sentence;
import dev.nlpipe.augment.Variant;
import dev.nlpipe.augment.synonym.CasePattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * UDA's TF-IDF word replacement (Xie et al. 2019): each word {@code i} of a sentence of {@code l}
 * words scores {@code t_i = (count_i / l)·idf_i}; it is replaced with probability
 * {@code min(1, p·l·(max t − t_i) / Σ_j (max t − t_j))}, so the sentence's keywords (the highest
 * TF-IDF) stay and about {@code p·l} uninformative words are replaced in expectation. Replacements
 * come from {@link WordStatistics#draw}. A sentence whose words all score the same is left alone.
 * Entity pieces and punctuation are never touched.
 */
final class TfidfReplacement implements Augmenter.Operation {
    static final String OP = "tfidf";
    private final WordStatistics stats;
    private final double p;

    TfidfReplacement(WordStatistics stats, double p) {
        this.stats = stats;
        this.p = p;
    }

    @Override
    public Variant apply(Sentence s, SplittableRandom rng) {
        double[] prob = replaceProbabilities(s.pieces());
        List<Piece> out = new ArrayList<>(s.pieces());
        boolean changed = false;
        for (int i = 0; i < out.size(); i++) {
            if (prob[i] > 0 && rng.nextDouble() < prob[i]) {
                Piece piece = out.get(i);
                String word = drawOther(piece.key(), rng);
                if (word != null) {
                    out.set(i, piece.replacedBy(CasePattern.like(piece.surface(), word)));
                    changed = true;
                }
            }
        }
        return changed ? new Variant(out, List.of(OP)) : null;
    }

    /** The replacement probability of each piece (0 for pieces that are not free words). */
    double[] replaceProbabilities(List<Piece> pieces) {
        Map<String, Integer> counts = new HashMap<>();
        int l = 0;
        for (Piece piece : pieces) {
            if (piece.editable()) {
                counts.merge(piece.key(), 1, Integer::sum);
                l++;
            }
        }
        double[] score = new double[pieces.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            if (piece.editable()) {
                score[i] = counts.get(piece.key()) / (double) l * stats.idf(piece.key());
                max = Math.max(max, score[i]);
            }
        }
        double sum = 0;
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).editable()) {
                score[i] = max - score[i];
                sum += score[i];
            }
        }
        double[] prob = new double[pieces.size()];
        if (sum <= 0) {
            return prob;
        }
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).editable()) {
                prob[i] = Math.min(1, score[i] / sum * p * l);
            }
        }
        return prob;
    }

    /** A drawn word other than {@code word} (a few draws), or {@code null}. */
    private String drawOther(String word, SplittableRandom rng) {
        for (int attempt = 0; attempt < 4; attempt++) {
            String w = stats.draw(rng);
            if (!w.equalsIgnoreCase(word)) {
                return w;
            }
        }
        return null;
    }
}
