package dev.nlpipe.classify.linear;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4) with a strong Wolfe line search, for
 * smooth convex objectives. It stops when the largest gradient component is at most {@code gtol},
 * when an iteration lowers the objective by less than {@code ftol} relative to its size (the
 * criteria of scipy's L-BFGS-B, which scikit-learn uses), or after {@code maxIter} iterations.
 */
final class Lbfgs {
    /** A differentiable objective. */
    interface Objective {
        /** Returns f(x) and writes ∇f(x) into {@code grad}. */
        double evaluate(double[] x, double[] grad);
    }

    /**
     * The outcome.
     *
     * @param value the objective at the solution
     * @param iterations iterations run
     * @param gradientNorm the largest absolute gradient component at the end
     * @param converged whether the gradient or the decrease criterion was met
     * @param reason why it stopped, in words
     */
    record Result(double value, int iterations, double gradientNorm, boolean converged, String reason) {
    }

    /**
     * The relative-decrease tolerance used by default: stricter than scipy's 2.2e-9 (factr 1e7 ×
     * machine epsilon), which scikit-learn keeps and which can stop a few iterations short of the
     * optimum on large sparse problems.
     */
    static final double DEFAULT_FTOL = 1e-10;

    private final int memory;
    private final int maxIter;
    private final double gtol;
    private final double ftol;

    Lbfgs(int memory, int maxIter, double gtol, double ftol) {
        this.memory = memory;
        this.maxIter = maxIter;
        this.gtol = gtol;
        this.ftol = ftol;
    }

    /** Minimizes {@code f} starting from {@code x}, which is overwritten with the solution. */
    Result minimize(Objective f, double[] x) {
        int n = x.length;
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        double[] g = new double[n];
        double[] gNew = new double[n];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double fx = f.evaluate(x, g);
        int stored = 0;
        int head = 0;
        for (int iter = 0; iter < maxIter; iter++) {
            double gNorm = maxAbs(g);
            if (gNorm <= gtol) {
                return new Result(fx, iter, gNorm, true, "gradient below tolerance");
            }
            // Two-loop recursion: d = -H·g.
            System.arraycopy(g, 0, d, 0, n);
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(head - 1 - k, memory);
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], y[j], d);
            }
            double scale = 1.0;
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                scale = dot(s[last], y[last]) / dot(y[last], y[last]);
            }
            for (int i = 0; i < n; i++) {
                d[i] *= scale;
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(head - 1 - k, memory);
                double beta = rho[j] * dot(y[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
            double slope = dot(g, d);
            if (slope >= 0) {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
                stored = 0;
            }
            double initial = stored == 0 && iter == 0 ? Math.min(1.0, 1.0 / Math.sqrt(-slope)) : 1.0;
            WolfeLineSearch search = new WolfeLineSearch(f, x, fx, slope, d, xNew, gNew);
            double step = search.search(initial);
            if (step == 0) {
                // No step lowers f any more: at the limit of double precision when the gradient is tiny too.
                boolean atLimit = gNorm <= Math.sqrt(Math.ulp(1.0)) * Math.max(1.0, Math.abs(fx));
                return new Result(fx, iter, gNorm, atLimit, atLimit ? "numerical precision reached" : "the line search found no lower point");
            }
            double fNew = search.value();
            double[] sNew = s[head];
            double[] yNew = y[head];
            for (int i = 0; i < n; i++) {
                sNew[i] = xNew[i] - x[i];
                yNew[i] = gNew[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-12 * Math.sqrt(dot(sNew, sNew) * dot(yNew, yNew))) {
                rho[head] = 1.0 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            double decrease = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (decrease <= ftol * Math.max(Math.max(Math.abs(fx), Math.abs(fx + decrease)), 1.0)) {
                return new Result(fx, iter + 1, maxAbs(g), true, "objective no longer decreasing");
            }
        }
        double gNorm = maxAbs(g);
        return new Result(fx, maxIter, gNorm, gNorm <= gtol, "iteration limit " + maxIter + " reached");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
