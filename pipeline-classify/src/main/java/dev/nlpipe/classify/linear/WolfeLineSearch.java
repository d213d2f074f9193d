package dev.nlpipe.classify.linear;

/**
 * A line search for the strong Wolfe conditions (Nocedal and Wright, algorithms 3.5 and 3.6):
 * sufficient decrease {@code f(x + a·d) <= f(x) + c1·a·g·d} and curvature
 * {@code |g(x + a·d)·d| <= c2·|g·d|}, bracketing then zooming with cubic interpolation. Steps
 * that satisfy both keep L-BFGS's curvature pairs informative, as scipy's L-BFGS-B line search does.
 */
final class WolfeLineSearch {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_EVALUATIONS = 40;

    private final Lbfgs.Objective f;
    private final double[] x;
    private final double[] d;
    private final double[] xNew;
    private final double[] gNew;
    private final double f0;
    private final double slope0;
    private double fNew;

    /**
     * @param x the current point
     * @param d a descent direction ({@code slope0 = g·d < 0})
     * @param xNew receives the accepted point
     * @param gNew receives the gradient there
     */
    WolfeLineSearch(Lbfgs.Objective f, double[] x, double f0, double slope0, double[] d, double[] xNew, double[] gNew) {
        this.f = f;
        this.x = x;
        this.f0 = f0;
        this.slope0 = slope0;
        this.d = d;
        this.xNew = xNew;
        this.gNew = gNew;
    }

    /** The objective at the accepted point. */
    double value() {
        return fNew;
    }

    /** Evaluates f and its directional derivative at step {@code a}, leaving the point in xNew/gNew. */
    private double[] at(double a) {
        for (int i = 0; i < x.length; i++) {
            xNew[i] = x[i] + a * d[i];
        }
        fNew = f.evaluate(xNew, gNew);
        double slope = 0;
        for (int i = 0; i < d.length; i++) {
            slope += gNew[i] * d[i];
        }
        return new double[] {fNew, slope};
    }

    /**
     * Searches from the initial step; returns the accepted step (its point and gradient are in
     * xNew/gNew), or 0 when no step lowers the objective (numerical limit reached).
     */
    double search(double initial) {
        double aPrev = 0;
        double fPrev = f0;
        double sPrev = slope0;
        double a = initial;
        int evaluations = 0;
        while (evaluations < MAX_EVALUATIONS) {
            double[] e = at(a);
            evaluations++;
            if (e[0] > f0 + C1 * a * slope0 || (evaluations > 1 && e[0] >= fPrev)) {
                return zoom(aPrev, fPrev, sPrev, a, e[0], e[1], evaluations);
            }
            if (Math.abs(e[1]) <= -C2 * slope0) {
                return a;
            }
            if (e[1] >= 0) {
                return zoom(a, e[0], e[1], aPrev, fPrev, sPrev, evaluations);
            }
            aPrev = a;
            fPrev = e[0];
            sPrev = e[1];
            a *= 2;
        }
        return fNew < f0 ? a : 0;
    }

    private double zoom(double lo, double fLo, double sLo, double hi, double fHi, double sHi, int evaluations) {
        while (evaluations < MAX_EVALUATIONS) {
            double a = interpolate(lo, fLo, sLo, hi, fHi, sHi);
            double[] e = at(a);
            evaluations++;
            if (e[0] > f0 + C1 * a * slope0 || e[0] >= fLo) {
                hi = a;
                fHi = e[0];
                sHi = e[1];
            } else {
                if (Math.abs(e[1]) <= -C2 * slope0) {
                    return a;
                }
                if (e[1] * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    sHi = sLo;
                }
                lo = a;
                fLo = e[0];
                sLo = e[1];
            }
            if (Math.abs(hi - lo) <= 1e-14 * Math.max(1, Math.abs(lo))) {
                break;
            }
        }
        // Out of evaluations: settle for the best sufficient-decrease step found, if any.
        if (lo > 0 && fLo < f0) {
            at(lo);
            return lo;
        }
        return 0;
    }

    /** The minimizer of the cubic through both ends' values and slopes, kept inside the bracket. */
    private static double interpolate(double a, double fa, double sa, double b, double fb, double sb) {
        double d1 = sa + sb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - sa * sb;
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        if (disc >= 0) {
            double d2 = Math.signum(b - a) * Math.sqrt(disc);
            double t = b - (b - a) * (sb + d2 - d1) / (sb - sa + 2 * d2);
            double margin = 0.1 * (hi - lo);
            if (Double.isFinite(t) && t > lo + margin && t < hi - margin) {
                return t;
            }
        }
        return (lo + hi) / 2;
    }
}
