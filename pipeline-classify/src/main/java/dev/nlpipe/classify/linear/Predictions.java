package dev.nlpipe.classify.linear;

import dev.nlpipe.classify.LabelSet;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.eval.ClassificationMetrics;
import dev.nlpipe.core.eval.RocAuc;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's predictions on vectorized examples: the class of each and, for a binary model, its
 * decision value (positive: second class).
 *
 * @param predicted the predicted class per example
 * @param decision the binary decision values, or {@code null} for more than two classes
 */
record Predictions(int[] predicted, double[] decision) {

    static Predictions of(LinearModel model, SparseVector[] rows) {
        int[] pred = new int[rows.length];
        double[] dec = model.classes() == 2 ? new double[rows.length] : null;
        java.util.stream.IntStream.range(0, rows.length).parallel().forEach(i -> {
            pred[i] = model.predict(rows[i]);
            if (dec != null) {
                dec[i] = model.decision(rows[i]);
            }
        });
        return new Predictions(pred, dec);
    }

    ClassificationMetrics metrics(LabelSet labels, int[] gold) {
        return ClassificationMetrics.of(labels.labels(), gold, predicted);
    }

    /** ROC-AUC of the decision values for the second class, or NaN (more than two classes, or one class only). */
    double rocAuc(int[] gold) {
        if (decision == null) {
            return Double.NaN;
        }
        boolean[] positive = new boolean[gold.length];
        for (int i = 0; i < gold.length; i++) {
            positive[i] = gold[i] == 1;
        }
        return RocAuc.of(decision, positive);
    }

    /** The metrics as a JSON-ready map, with {@code roc_auc} for binary tasks. */
    Map<String, Object> report(LabelSet labels, int[] gold) {
        Map<String, Object> m = new LinkedHashMap<>(metrics(labels, gold).toMap());
        double auc = rocAuc(gold);
        if (!Double.isNaN(auc)) {
            m.put("roc_auc", auc);
            m.put("positive_label", labels.get(1));
        }
        return m;
    }
}
