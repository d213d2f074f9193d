package dev.nlpipe.classify.linear;

import java.util.Random;

/**
 * A binary linear SVM, L2-regularized, with hinge or squared-hinge loss, trained by dual
 * coordinate descent with shrinking (Hsieh et al., ICML 2008; the algorithm of LIBLINEAR and
 * scikit-learn's {@code LinearSVC}). Minimizes {@code ‖w‖²/2 + Σ_i C_i · loss(y_i · w·x_i)};
 * the intercept is a weight on a constant feature of value 1 and so regularized, as in LIBLINEAR.
 */
final class DualCoordinateSvm {
    /**
     * The solution.
     *
     * @param w the weights (matrix width) followed by the intercept
     * @param iterations passes over the data
     * @param converged whether the projected-gradient gap fell below the tolerance
     */
    record Result(double[] w, int iterations, boolean converged) {
    }

    private DualCoordinateSvm() {
    }

    /**
     * @param positive per row, whether it is in the positive class
     * @param cost per row, C times its weight
     * @param squaredHinge squared hinge (L2-loss) instead of hinge (L1-loss)
     * @param intercept whether to learn an intercept
     */
    static Result train(CsrMatrix x, boolean[] positive, double[] cost, boolean squaredHinge, boolean intercept, double tol,
                        int maxIter, long seed) {
        int l = x.rows;
        int d = x.cols;
        double bias = intercept ? 1.0 : 0.0;
        double[] w = new double[d + 1];
        double[] alpha = new double[l];
        double[] qd = new double[l];
        double[] upper = new double[l];
        double[] diag = new double[l];
        int[] index = new int[l];
        for (int i = 0; i < l; i++) {
            diag[i] = squaredHinge ? 0.5 / cost[i] : 0;
            upper[i] = squaredHinge ? Double.POSITIVE_INFINITY : cost[i];
            qd[i] = diag[i] + x.squaredNorm(i) + bias * bias;
            index[i] = i;
        }
        Random random = new Random(seed);
        int active = l;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        int iter = 0;
        boolean converged = false;
        while (iter < maxIter) {
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < active; s++) {
                int j = s + random.nextInt(active - s);
                int t = index[s];
                index[s] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < active; s++) {
                int i = index[s];
                double yi = positive[i] ? 1 : -1;
                double g = yi * (x.dot(i, w, 0) + w[d] * bias) - 1 + diag[i] * alpha[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else if (alpha[i] == upper[i]) {
                    if (g < pgMinOld) {
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    } else if (g > 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(alpha[i] - g / qd[i], 0), upper[i]);
                    double delta = (alpha[i] - old) * yi;
                    x.addTo(i, delta, w, 0);
                    w[d] += delta * bias;
                }
            }
            iter++;
            if (pgMax - pgMin <= tol) {
                if (active == l) {
                    converged = true;
                    break;
                }
                active = l;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMax <= 0 ? Double.POSITIVE_INFINITY : pgMax;
            pgMinOld = pgMin >= 0 ? Double.NEGATIVE_INFINITY : pgMin;
        }
        return new Result(w, iter, converged);
    }
}
