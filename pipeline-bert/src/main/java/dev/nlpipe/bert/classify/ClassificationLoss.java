package dev.nlpipe.bert.classify;

import ai.djl.ndarray.NDArray;
import dev.nlpipe.nn.Ops;

/** The losses of a classifier's logits: cross-entropy, and R-Drop's symmetric KL between two predictions. */
final class ClassificationLoss {
    private ClassificationLoss() {
    }

    /** Mean cross-entropy of {@code (B, K)} logits against int64 gold classes {@code (B)}. */
    static NDArray crossEntropy(NDArray logits, NDArray gold) {
        return nll(logits, oneHot(logits, gold)).mean();
    }

    /**
     * Cross-entropy with a weight per class {@code (K)}, averaged as PyTorch's
     * {@code CrossEntropyLoss(weight=w)} does: {@code Σ w[y_i] · nll_i / Σ w[y_i]}, so the weights
     * change how much each class counts, not the loss's scale.
     */
    static NDArray crossEntropy(NDArray logits, NDArray gold, NDArray classWeights) {
        NDArray goldHot = oneHot(logits, gold);
        NDArray w = goldHot.mul(classWeights).sum(new int[] {1});
        return nll(logits, goldHot).mul(w).sum().div(w.sum());
    }

    private static NDArray oneHot(NDArray logits, NDArray gold) {
        return gold.oneHot(Math.toIntExact(logits.getShape().get(1)));
    }

    /** Each row's negative log-probability of its gold class, given as one-hot rows. */
    private static NDArray nll(NDArray logits, NDArray goldHot) {
        return logits.logSoftmax(1).mul(goldHot).sum(new int[] {1}).neg();
    }

    /**
     * R-Drop's regularizer (Liang et al. 2021): the mean over the batch of
     * {@code (KL(p1 || p2) + KL(p2 || p1)) / 2} for the predictions of two passes with different dropout.
     */
    static NDArray symmetricKl(NDArray logits1, NDArray logits2) {
        NDArray lp1 = logits1.logSoftmax(1);
        NDArray lp2 = logits2.logSoftmax(1);
        NDArray diff = lp1.sub(lp2);
        NDArray kl12 = lp1.exp().mul(diff).sum(new int[] {1});
        NDArray kl21 = lp2.exp().mul(diff.neg()).sum(new int[] {1});
        return Ops.times(kl12.add(kl21), 0.5).mean();
    }
}
