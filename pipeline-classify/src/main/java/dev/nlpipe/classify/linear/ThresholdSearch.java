package dev.nlpipe.classify.linear;

import java.util.Arrays;
import java.util.Comparator;

/** The binary decision threshold that maximizes the positive class's F1 on held-out decision values. */
final class ThresholdSearch {
    private ThresholdSearch() {
    }

    /**
     * The result.
     *
     * @param threshold predict positive when the decision value exceeds it
     * @param f1 the positive class's F1 at that threshold
     * @param defaultF1 its F1 at threshold 0
     */
    record Result(double threshold, double f1, double defaultF1) {
    }

    /**
     * @param decision decision values
     * @param positive whether each example is positive
     * @return the best threshold; 0 (the model's own) when no example is positive, since no threshold can be judged
     */
    static Result search(double[] decision, boolean[] positive) {
        int n = decision.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> decision[i]).reversed());
        long positives = 0;
        for (boolean p : positive) {
            if (p) {
                positives++;
            }
        }
        if (positives == 0) {
            // every threshold scores F1 0 and would leave the one above all values, a model that never predicts the class
            return new Result(0, 0, 0);
        }
        double bestF1 = f1(0, 0, positives);
        double best = decision.length == 0 ? 0 : decision[order[0]] + 1;
        long tp = 0;
        for (int k = 1; k <= n; k++) {
            if (positive[order[k - 1]]) {
                tp++;
            }
            if (k < n && decision[order[k]] == decision[order[k - 1]]) {
                continue;
            }
            double f = f1(tp, k, positives);
            if (f > bestF1) {
                bestF1 = f;
                best = k < n ? (decision[order[k - 1]] + decision[order[k]]) / 2 : decision[order[n - 1]] - 1;
            }
        }
        long tp0 = 0;
        long predicted0 = 0;
        for (int i = 0; i < n; i++) {
            if (decision[i] > 0) {
                predicted0++;
                if (positive[i]) {
                    tp0++;
                }
            }
        }
        return new Result(best, bestF1, f1(tp0, predicted0, positives));
    }

    private static double f1(long tp, long predicted, long positives) {
        return predicted + positives == 0 ? 0 : 2.0 * tp / (predicted + positives);
    }
}
