package dev.nlpipe.classify.linear;

import dev.nlpipe.classify.LabelSet;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.eval.ClassificationMetrics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grid search over C (and n-gram ranges): every candidate is fitted on the training part and
 * scored on data.dev, or by stratified k-fold cross-validation (the vectorizer refitted on each
 * fold's training part, as a scikit-learn Pipeline in GridSearchCV does). The first best
 * candidate, in grid order, wins.
 */
final class ModelSelection {
    private ModelSelection() {
    }

    /** One point of the grid; {@code ngramRange} null means the configured range. */
    record Candidate(double c, int[] ngramRange) {
        String describe() {
            return "C=" + fmt(c) + (ngramRange == null ? "" : " ngramRange=" + Arrays.toString(ngramRange));
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("C", c);
            if (ngramRange != null) {
                m.put("ngramRange", List.of(ngramRange[0], ngramRange[1]));
            }
            return m;
        }
    }

    /**
     * A candidate's score.
     *
     * @param foldScores per fold (one entry when scored on data.dev)
     * @param heldOut decision values on the held-out examples (dev, or out-of-fold), binary tasks only
     * @param fit the model fitted on all of data.train (scored on data.dev), or {@code null} after cross-validation
     * @param features the features it was fitted with, or {@code null}
     * @param fitSeconds the time its solver took (when {@code fit} is kept)
     */
    record Outcome(Candidate candidate, double score, double[] foldScores, double[] heldOut, boolean converged, LinearFitter.Fit fit,
                   FeatureRecipe.Fitted features, double fitSeconds) {
        Map<String, Object> toMap() {
            Map<String, Object> m = candidate.toMap();
            m.put("score", score);
            if (foldScores.length > 1) {
                m.put("folds", Arrays.stream(foldScores).boxed().toList());
            }
            m.put("converged", converged);
            return m;
        }
    }

    /** The grid in order: n-gram ranges outermost, then C. */
    static List<Candidate> grid(LinearSettings s) {
        List<Candidate> out = new ArrayList<>();
        List<int[]> ranges = s.ngramRanges().isEmpty() ? java.util.Collections.singletonList(null) : s.ngramRanges();
        for (int[] r : ranges) {
            for (double c : s.cs()) {
                out.add(new Candidate(c, r));
            }
        }
        return out;
    }

    /** Scores every candidate on {@code dev} after fitting on {@code train}. */
    static List<Outcome> onDev(LinearSettings s, LabelSet labels, Dataset train, Dataset dev, PrintStream log) {
        List<Candidate> grid = grid(s);
        List<Outcome> out = new ArrayList<>(java.util.Collections.nCopies(grid.size(), (Outcome) null));
        for (int[] range : rangesOf(grid)) {
            Scored scored = fitAndScore(s, labels, train, dev, range);
            for (int i = 0; i < grid.size(); i++) {
                if (sameRange(grid.get(i).ngramRange(), range)) {
                    Scored.One one = scored.byC.get(grid.get(i).c());
                    out.set(i, new Outcome(grid.get(i), one.score, new double[] {one.score}, one.decision, one.fit.converged(), one.fit,
                            scored.features, one.seconds));
                    log.printf(Locale.ROOT, "  %s: dev %s %.4f (%d iterations, %.1f s%s)%n", grid.get(i).describe(), metricName(s),
                            one.score, one.fit.iterations(), one.seconds, one.fit.converged() ? "" : ", did not converge");
                }
            }
        }
        return out;
    }

    /** Scores every candidate by stratified k-fold cross-validation on {@code train}. */
    static List<Outcome> crossValidated(LinearSettings s, LabelSet labels, Dataset train, PrintStream log) {
        int k = s.cvFolds();
        int[] fold = Splits.folds(train.y(), labels.size(), k, s.seed());
        List<Candidate> grid = grid(s);
        double[][] scores = new double[grid.size()][k];
        double[][] heldOut = new double[grid.size()][labels.size() == 2 ? train.size() : 0];
        boolean[] converged = new boolean[grid.size()];
        Arrays.fill(converged, true);
        for (int f = 0; f < k; f++) {
            int[] in = Splits.select(fold, f, false);
            int[] out = Splits.select(fold, f, true);
            for (int[] range : rangesOf(grid)) {
                Scored scored = fitAndScore(s, labels, train.subset(in), train.subset(out), range);
                for (int i = 0; i < grid.size(); i++) {
                    if (sameRange(grid.get(i).ngramRange(), range)) {
                        Scored.One one = scored.byC.get(grid.get(i).c());
                        scores[i][f] = one.score;
                        converged[i] &= one.fit.converged();
                        if (one.decision != null) {
                            for (int j = 0; j < out.length; j++) {
                                heldOut[i][out[j]] = one.decision[j];
                            }
                        }
                    }
                }
            }
        }
        List<Outcome> result = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            double mean = Arrays.stream(scores[i]).average().orElse(0);
            result.add(new Outcome(grid.get(i), mean, scores[i], labels.size() == 2 ? heldOut[i] : null, converged[i], null, null, 0));
            log.printf(Locale.ROOT, "  %s: %d-fold cross-validated %s %.4f (folds %s)%n", grid.get(i).describe(), k, metricName(s), mean,
                    Arrays.stream(scores[i]).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v)).toList());
        }
        return result;
    }

    /** The first candidate with the highest score. */
    static Outcome best(List<Outcome> outcomes) {
        Outcome best = outcomes.get(0);
        for (Outcome o : outcomes) {
            if (o.score() > best.score()) {
                best = o;
            }
        }
        return best;
    }

    static String metricName(LinearSettings s) {
        return s.selectByMacroF1() ? "macro_f1" : "accuracy";
    }

    private static List<int[]> rangesOf(List<Candidate> grid) {
        List<int[]> out = new ArrayList<>();
        for (Candidate c : grid) {
            if (out.stream().noneMatch(r -> sameRange(r, c.ngramRange()))) {
                out.add(c.ngramRange());
            }
        }
        return out;
    }

    private static boolean sameRange(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }

    /** Scores of every C for one n-gram range and one train/held-out pair. */
    private record Scored(Map<Double, One> byC, FeatureRecipe.Fitted features) {
        record One(double score, double[] decision, LinearFitter.Fit fit, double seconds) {
        }
    }

    private static Scored fitAndScore(LinearSettings s, LabelSet labels, Dataset train, Dataset heldOut, int[] range) {
        FeatureRecipe.Fitted fitted = s.features().fit(train.docs(), range, s.threads());
        CsrMatrix x = CsrMatrix.of(Arrays.asList(fitted.rows()), fitted.features().dimension());
        SparseVector[] rows = new SparseVector[heldOut.size()];
        java.util.stream.IntStream.range(0, rows.length).parallel().forEach(i -> rows[i] = fitted.features().apply(heldOut.docs().get(i)));
        double[] weights = train.sampleWeights(labels.size(), s.balanced());
        // One C after another: the logistic objective itself runs on all threads, and each fit's time is its own.
        Map<Double, Scored.One> out = new LinkedHashMap<>();
        for (double c : s.cs()) {
            long t0 = System.nanoTime();
            LinearFitter.Fit fit = LinearFitter.fit(x, train.y(), weights, labels.size(), s.solver(c));
            double secs = (System.nanoTime() - t0) / 1e9;
            Predictions p = Predictions.of(fit.model(), rows);
            ClassificationMetrics m = p.metrics(labels, heldOut.y());
            out.put(c, new Scored.One(s.selectByMacroF1() ? m.macroF1() : m.accuracy(), p.decision(), fit, secs));
        }
        return new Scored(out, fitted);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
