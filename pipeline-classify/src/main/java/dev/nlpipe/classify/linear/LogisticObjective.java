package dev.nlpipe.classify.linear;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * L2-regularized logistic regression's objective, as scikit-learn's {@code LogisticRegression}
 * minimizes it (divided by the total sample weight S, which leaves the minimum in place):
 * <pre>
 *   f(W, b) = (1/S) · [ Σ_i s_i · loss_i + ‖W‖² / (2C) ]       (intercepts b not penalized)
 *   binary:       loss_i = ln(1 + exp(-y_i (w·x_i + b))),  y_i ∈ {-1, +1}, one weight vector
 *   multinomial:  loss_i = logsumexp_k(z_ik) - z_{i,y_i},  z_ik = w_k·x_i + b_k
 * </pre>
 * Parameters are laid out as {@code [w_0 .. w_{K-1}, b_0 .. b_{K-1}]}, each {@code w_k} of the
 * matrix's width. With {@code classes == 1} the single vector scores the positive class. Rows are
 * evaluated in parallel chunks, each with its own gradient buffer.
 */
final class LogisticObjective implements Lbfgs.Objective {
    private static final int ROWS_PER_CHUNK = 8192;

    private final CsrMatrix x;
    private final int[] y;
    private final double[] weight;
    private final int classes;
    private final double c;
    private final boolean intercept;
    private final double totalWeight;
    private final double[][] buffers;

    /**
     * @param y class per row: 0/1 when {@code classes == 1} (binary), else 0..classes-1
     * @param weight sample weight per row
     * @param classes 1 for binary (one vector), or the number of classes (multinomial)
     * @param threads chunks evaluated at once at most
     */
    LogisticObjective(CsrMatrix x, int[] y, double[] weight, int classes, double c, boolean intercept, int threads) {
        this.x = x;
        this.y = y;
        this.weight = weight;
        this.classes = classes;
        this.c = c;
        this.intercept = intercept;
        this.totalWeight = Arrays.stream(weight).sum();
        int chunks = Math.max(1, Math.min(Math.max(1, threads), (x.rows + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK));
        this.buffers = new double[chunks][size()];
    }

    /** Number of parameters. */
    int size() {
        return classes * (x.cols + 1);
    }

    @Override
    public double evaluate(double[] params, double[] grad) {
        int chunks = buffers.length;
        double[] losses = new double[chunks];
        if (chunks == 1) {
            losses[0] = partial(params, buffers[0], 0, x.rows);
        } else {
            IntStream.range(0, chunks).parallel().forEach(k ->
                    losses[k] = partial(params, buffers[k], (int) ((long) x.rows * k / chunks), (int) ((long) x.rows * (k + 1) / chunks)));
        }
        System.arraycopy(buffers[0], 0, grad, 0, grad.length);
        for (int k = 1; k < chunks; k++) {
            double[] b = buffers[k];
            for (int j = 0; j < grad.length; j++) {
                grad[j] += b[j];
            }
        }
        double loss = 0;
        for (double l : losses) {
            loss += l;
        }
        int bias = classes * x.cols;
        double reg = 0;
        for (int j = 0; j < bias; j++) {
            reg += params[j] * params[j];
            grad[j] += params[j] / c;
        }
        if (!intercept) {
            Arrays.fill(grad, bias, grad.length, 0.0);
        }
        for (int j = 0; j < grad.length; j++) {
            grad[j] /= totalWeight;
        }
        return (loss + reg / (2 * c)) / totalWeight;
    }

    /** The weighted loss of rows {@code [from, to)}; their gradient goes into {@code grad} (overwritten). */
    private double partial(double[] params, double[] grad, int from, int to) {
        Arrays.fill(grad, 0.0);
        int d = x.cols;
        int bias = classes * d;
        double loss = 0;
        double[] z = new double[classes];
        for (int i = from; i < to; i++) {
            double s = weight[i];
            if (s == 0) {
                continue;
            }
            if (classes == 1) {
                boolean positive = y[i] == 1;
                double zi = x.dot(i, params, 0) + (intercept ? params[bias] : 0);
                double m = positive ? zi : -zi;
                double e = Math.exp(-Math.abs(m));
                loss += s * (m > 0 ? log1p(e) : log1p(e) - m);
                double pCorrect = m > 0 ? 1 / (1 + e) : e / (1 + e);
                double coef = s * (positive ? pCorrect - 1 : 1 - pCorrect);
                x.addTo(i, coef, grad, 0);
                grad[bias] += coef;
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                z[k] = x.dot(i, params, k * d) + (intercept ? params[bias + k] : 0);
                max = Math.max(max, z[k]);
            }
            double zy = z[y[i]];
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                z[k] = Math.exp(z[k] - max);
                sum += z[k];
            }
            loss += s * (Math.log(sum) + max - zy);
            for (int k = 0; k < classes; k++) {
                double coef = s * (z[k] / sum - (k == y[i] ? 1 : 0));
                x.addTo(i, coef, grad, k * d);
                grad[bias + k] += coef;
            }
        }
        return loss;
    }

    /** ln(1 + e) for e in (0, 1], accurate also for tiny e. */
    private static double log1p(double e) {
        return e < 1e-5 ? e - e * e / 2 : Math.log(1 + e);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
