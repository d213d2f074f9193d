package dev.nlpipe.classify.linear;

/**
 * L2-regularized logistic regression's objective, as scikit-learn's {@code LogisticRegression}
 * minimizes it (divided by the total sample weight S, which leaves the minimum in place):
 * <pre>
 *   f(W, b) = (1/S) · [ Σ_i s_i · loss_i + ‖W‖² / (2C) ]       (intercepts b not penalized)
 *   binary:       loss_i = ln(1 + exp(-y_i (w·x_i + b))),  y_i ∈ {-1, +1}, one weight vector
 *   multinomial:  loss_i = logsumexp_k(z_ik) - z_{i,y_i},  z_ik = w_k·x_i + b_k
 * </pre>
 * Parameters are laid out as {@code [w_0 .. w_{K-1}, b_0 .. b_{K-1}]}, each {@code w_k} of the
 * matrix's width. With {@code classes == 1} the single vector scores the positive class.
 */
final class LogisticObjective implements Lbfgs.Objective {
    private final CsrMatrix x;
    private final int[] y;
    private final double[] weight;
    private final int classes;
    private final double c;
    private final boolean intercept;
    private final double totalWeight;

    /**
     * @param y class per row: 0/1 when {@code classes == 1} (binary), else 0..classes-1
     * @param weight sample weight per row
     * @param classes 1 for binary (one vector), or the number of classes (multinomial)
     */
    LogisticObjective(CsrMatrix x, int[] y, double[] weight, int classes, double c, boolean intercept) {
        this.x = x;
        this.y = y;
        this.weight = weight;
        this.classes = classes;
        this.c = c;
        this.intercept = intercept;
        double s = 0;
        for (double w : weight) {
            s += w;
        }
        this.totalWeight = s;
    }

    /** Number of parameters. */
    int size() {
        return classes * (x.cols + 1);
    }

    @Override
    public double evaluate(double[] params, double[] grad) {
        int d = x.cols;
        int bias = classes * d;
        java.util.Arrays.fill(grad, 0.0);
        double loss = 0;
        double[] z = new double[classes];
        for (int i = 0; i < x.rows; i++) {
            double s = weight[i];
            if (s == 0) {
                continue;
            }
            if (classes == 1) {
                double zi = x.dot(i, params, 0) + (intercept ? params[bias] : 0);
                double sign = y[i] == 1 ? 1 : -1;
                double m = sign * zi;
                loss += s * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
                double p = sigmoid(zi);
                double coef = s * (p - (y[i] == 1 ? 1 : 0));
                x.addTo(i, coef, grad, 0);
                grad[bias] += coef;
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                z[k] = x.dot(i, params, k * d) + (intercept ? params[bias + k] : 0);
                max = Math.max(max, z[k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                z[k] = Math.exp(z[k] - max);
                sum += z[k];
            }
            double zy = x.dot(i, params, y[i] * d) + (intercept ? params[bias + y[i]] : 0);
            loss += s * (Math.log(sum) + max - zy);
            for (int k = 0; k < classes; k++) {
                double coef = s * (z[k] / sum - (k == y[i] ? 1 : 0));
                x.addTo(i, coef, grad, k * d);
                grad[bias + k] += coef;
            }
        }
        double reg = 0;
        for (int j = 0; j < bias; j++) {
            reg += params[j] * params[j];
            grad[j] += params[j] / c;
        }
        if (!intercept) {
            for (int k = 0; k < classes; k++) {
                grad[bias + k] = 0;
            }
        }
        for (int j = 0; j < grad.length; j++) {
            grad[j] /= totalWeight;
        }
        return (loss + reg / (2 * c)) / totalWeight;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
