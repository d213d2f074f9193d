package dev.nlpipe.core.model;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text classifier as the {@code classify} stage and {@code nlpipe eval classify} use it,
 * whatever its architecture: a document in, a score per label out. Thread-safe; closing frees
 * what it holds.
 */
public interface TextClassifier extends AutoCloseable {

    /** The labels, in score order; for a binary model the second is the positive one. */
    List<String> labels();

    /** The layers a document must have (tokens, a vector). */
    Set<Layer> requires();

    /**
     * A score per label, in {@link #labels} order: probabilities for probabilistic models,
     * decision values otherwise; the highest is the prediction.
     */
    double[] scores(Document doc);

    /**
     * A document's scores, its predicted label and, for a binary model, its {@linkplain #margin margin}.
     *
     * @param scores a score per label, in {@link #labels} order
     * @param margin the margin of a binary model, {@code NaN} for more labels
     * @param predicted the index of the predicted label: the highest score, unless the model decides
     *     otherwise where scores tie (one-vs-rest probabilities that both round to 1)
     */
    record Scored(double[] scores, double margin, int predicted) {
        /** Scores whose highest (the first of equal ones) is the prediction. */
        public Scored(double[] scores, double margin) {
            this(scores, margin, argmax(scores));
        }

        private static int argmax(double[] s) {
            int best = 0;
            for (int k = 1; k < s.length; k++) {
                if (s[k] > s[best]) {
                    best = k;
                }
            }
            return best;
        }
    }

    /**
     * The scores (and margins) of several documents, in order. Models that gain from batching
     * (neural ones, which pad a batch to one length) override it; so do models that can give the
     * margin from the same pass.
     */
    default List<Scored> score(List<Document> docs) {
        List<Scored> out = new java.util.ArrayList<>(docs.size());
        boolean binary = labels().size() == 2;
        for (Document d : docs) {
            out.add(new Scored(scores(d), binary ? margin(d) : Double.NaN));
        }
        return out;
    }

    /** The scores by label, in label order. */
    default Map<String, Double> labelScores(Document doc) {
        return labelScores(score(List.of(doc)).get(0));
    }

    /** Scores as a map by label, in label order. */
    default Map<String, Double> labelScores(double[] s) {
        return labelScores(new Scored(s, Double.NaN));
    }

    /**
     * A document's scores as a map by label, in label order, except that the predicted label comes
     * first when an earlier label ties with its score: {@link Document#topLabel} (the first of the
     * highest) is then the prediction.
     */
    default Map<String, Double> labelScores(Scored scored) {
        List<String> labels = labels();
        double[] s = scored.scores();
        int predicted = scored.predicted();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < predicted; k++) {
            if (s[k] >= s[predicted]) {
                out.put(labels.get(predicted), s[predicted]);
                break;
            }
        }
        for (int k = 0; k < s.length; k++) {
            out.putIfAbsent(labels.get(k), s[k]);
        }
        return out;
    }

    /**
     * For a binary model, a value that orders documents from most negative to most positive
     * without the saturation of probabilities (ROC-AUC ranks by it): the decision value of a
     * linear model, a logit difference for a neural one. By default the difference of the scores.
     */
    default double margin(Document doc) {
        double[] s = scores(doc);
        return s[s.length - 1] - s[0];
    }

    @Override
    void close();
}
