package dev.nlpipe.core.eval;

import java.util.Arrays;

/** Area under the ROC curve for a binary task, from scores and gold classes. */
public final class RocAuc {
    private RocAuc() {
    }

    /**
     * The probability that a random positive example scores above a random negative one (ties
     * count one half) — the Mann-Whitney form, equal to scikit-learn's {@code roc_auc_score}.
     *
     * @param scores a score per example, higher meaning more likely positive
     * @param positive whether each example's gold class is the positive one
     * @return the AUC, or {@code NaN} when only one class occurs or a score is NaN (which has no rank:
     *     scikit-learn refuses it)
     */
    public static double of(double[] scores, boolean[] positive) {
        int n = scores.length;
        if (positive.length != n) {
            throw new IllegalArgumentException("scores and classes differ in length");
        }
        for (double score : scores) {
            if (Double.isNaN(score)) {
                return Double.NaN;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
