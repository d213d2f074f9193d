package dev.nlpipe.classify.linear;

/**
 * Fits a {@link LinearModel}: logistic regression by L-BFGS (binary with one vector, multi-class
 * multinomial or one-vs-rest) or a linear SVM by dual coordinate descent (one-vs-rest for more than
 * two classes).
 */
final class LinearFitter {
    private LinearFitter() {
    }

    /**
     * Solver settings.
     *
     * @param loss logistic, hinge or squared hinge
     * @param c inverse regularization strength (scikit-learn's C)
     * @param multinomial softmax over all classes (logistic, more than two classes) instead of one-vs-rest
     * @param intercept fit an intercept
     * @param tol logistic: stop when every gradient component of {@code Σ s_i·loss_i + ‖w‖²/2C} is below
     *     this (scikit-learn's {@code tol}); SVM: the dual projected-gradient gap
     * @param maxIter iterations (L-BFGS) or passes (SVM) at most
     * @param seed shuffling seed of the SVM solver
     * @param threads threads for evaluating the logistic objective
     */
    record Settings(LinearModel.Loss loss, double c, boolean multinomial, boolean intercept, double tol, int maxIter, long seed,
                    int threads, boolean balanced) {
    }

    /**
     * A fitted model and how the solver ended.
     *
     * @param iterations the most iterations any sub-problem needed
     * @param converged whether every sub-problem converged
     * @param note the solver's stopping reason when it did not converge
     */
    record Fit(LinearModel model, int iterations, boolean converged, String note) {
    }

    /**
     * @param y class per row, 0..classes-1
     * @param sampleWeight weight per row (class weights already applied)
     */
    static Fit fit(CsrMatrix x, int[] y, double[] sampleWeight, int classes, Settings s) {
        return fit(x, y, sampleWeight, classes, s, Lbfgs.DEFAULT_FTOL);
    }

    /** As {@link #fit(CsrMatrix, int[], double[], int, Settings)}, with L-BFGS's relative-decrease tolerance given. */
    static Fit fit(CsrMatrix x, int[] y, double[] sampleWeight, int classes, Settings s, double ftol) {
        if (classes < 2) {
            throw new IllegalArgumentException("need at least two classes to train a classifier, found " + classes);
        }
        if (s.loss() == LinearModel.Loss.LOGISTIC && (classes == 2 || s.multinomial())) {
            return logistic(x, y, sampleWeight, classes, s, ftol);
        }
        int vectors = classes == 2 ? 1 : classes;
        double[][] w = new double[vectors][];
        double[] b = new double[vectors];
        int iterations = 0;
        boolean converged = true;
        String note = null;
        for (int k = 0; k < vectors; k++) {
            int positive = classes == 2 ? 1 : k;
            Fit one = binary(x, y, positive, classes == 2 || !s.balanced() ? sampleWeight : oneVsRestWeights(y, positive, classes, s.loss()),
                    s, ftol);
            w[k] = one.model().weights(0);
            b[k] = one.model().intercept(0);
            iterations = Math.max(iterations, one.iterations());
            if (!one.converged()) {
                converged = false;
                note = one.note();
            }
        }
        return new Fit(new LinearModel(s.loss(), classes, false, w, b), iterations, converged, note);
    }

    private static Fit logistic(CsrMatrix x, int[] y, double[] weight, int classes, Settings s, double ftol) {
        int vectors = classes == 2 ? 1 : classes;
        LogisticObjective f = new LogisticObjective(x, y, weight, vectors, s.c(), s.intercept(), s.threads());
        double total = 0;
        for (double v : weight) {
            total += v;
        }
        double[] params = new double[f.size()];
        Lbfgs.Result r = new Lbfgs(10, s.maxIter(), s.tol() / total, ftol).minimize(f, params);
        int d = x.cols;
        double[][] w = new double[vectors][];
        double[] b = new double[vectors];
        for (int k = 0; k < vectors; k++) {
            w[k] = java.util.Arrays.copyOfRange(params, k * d, (k + 1) * d);
            b[k] = params[vectors * d + k];
        }
        return new Fit(new LinearModel(LinearModel.Loss.LOGISTIC, classes, vectors > 1, w, b), r.iterations(), r.converged(),
                r.converged() ? null : r.reason());
    }

    /**
     * The balanced weights of one class against the rest, as scikit-learn weighs them: logistic
     * regression balances the binary labels themselves ({@code n / (2 · n_k)} and
     * {@code n / (2 · (n - n_k))}); liblinear's SVM gives the class its k-class weight
     * {@code n / (K · n_k)} and the rest weight 1.
     */
    static double[] oneVsRestWeights(int[] y, int positive, int classes, LinearModel.Loss loss) {
        long inClass = java.util.Arrays.stream(y).filter(v -> v == positive).count();
        double n = y.length;
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            boolean pos = y[i] == positive;
            if (loss == LinearModel.Loss.LOGISTIC) {
                w[i] = pos ? n / (2 * inClass) : n / (2 * (n - inClass));
            } else {
                w[i] = pos ? n / (classes * (double) inClass) : 1.0;
            }
        }
        return w;
    }

    /** One class against the rest. */
    private static Fit binary(CsrMatrix x, int[] y, int positive, double[] weight, Settings s, double ftol) {
        if (s.loss() == LinearModel.Loss.LOGISTIC) {
            int[] yb = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                yb[i] = y[i] == positive ? 1 : 0;
            }
            return logistic(x, yb, weight, 2, s, ftol);
        }
        boolean[] pos = new boolean[y.length];
        double[] cost = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            pos[i] = y[i] == positive;
            cost[i] = s.c() * weight[i];
        }
        DualCoordinateSvm.Result r = DualCoordinateSvm.train(x, pos, cost, s.loss() == LinearModel.Loss.SQUARED_HINGE, s.intercept(),
                s.tol(), s.maxIter(), s.seed());
        double[] w = java.util.Arrays.copyOf(r.w(), x.cols);
        double b = s.intercept() ? r.w()[x.cols] : 0;
        return new Fit(new LinearModel(s.loss(), 2, false, new double[][] {w}, new double[] {b}), r.iterations(), r.converged(),
                r.converged() ? null : "iteration limit " + s.maxIter() + " reached");
    }
}
