package dev.nlpipe.classify.linear;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.OptionType;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.embed.vectorize.AnalyzerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of a {@code classify.linear} training file: the classifier and its grid (from
 * {@code model:}) and how data is split, searched and solved (from {@code train:}).
 */
record LinearSettings(FeatureRecipe features, LinearModel.Loss loss, List<Double> cs, List<int[]> ngramRanges, boolean balanced,
                      boolean multinomial, boolean intercept, String positiveLabel, long seed, int threads, int maxIter, double tol,
                      int cvFolds, double[] split, boolean selectByMacroF1, boolean thresholdSearch) {

    static List<OptionSpec> modelOptions() {
        List<OptionSpec> out = new ArrayList<>(FeatureRecipe.options());
        out.add(OptionSpec.choice("loss", "logistic", "logistic regression, or a linear SVM (hinge, squared_hinge as LinearSVC)",
                "logistic", "hinge", "squared_hinge"));
        out.add(new OptionSpec("C", OptionType.NUMBER_LIST, List.of(1.0), "inverse regularization strength; a list is a grid"
                + " searched on data.dev (or by cross-validation)", false, List.of()));
        out.add(OptionSpec.any("ngramRanges", "n-gram ranges to search along with C, e.g. [[1, 1], [1, 2]] (refits the vectorizer)"));
        out.add(OptionSpec.choice("classWeight", "none", "balanced weighs each class by n / (classes · n_class)", "none", "balanced"));
        out.add(OptionSpec.choice("multiClass", "multinomial", "logistic regression with more than two classes: one softmax model,"
                + " or one-vs-rest", "multinomial", "ovr"));
        out.add(OptionSpec.bool("fitIntercept", true, "learn an intercept"));
        out.add(OptionSpec.string("positiveLabel", null, "binary tasks: the positive class for F1, ROC-AUC and the threshold"
                + " (default: the second label in sorted order)"));
        return out;
    }

    static List<OptionSpec> trainOptions() {
        return List.of(
                OptionSpec.integer("seed", 42, "seed for splits, folds and the SVM solver"),
                OptionSpec.integer("threads", Runtime.getRuntime().availableProcessors(), "threads for preprocessing, features and the grid"),
                OptionSpec.integer("maxIter", 1000, "solver iterations at most"),
                OptionSpec.number("tol", 1e-4, "solver tolerance (scikit-learn's tol)"),
                OptionSpec.integer("cvFolds", 0, "stratified k-fold cross-validation on data.train to choose C when there is no"
                        + " data.dev (0: none)"),
                OptionSpec.number("devFraction", 0.0, "hold out this share of data.train as dev data, stratified, when data.dev is"
                        + " not given (as the neural trainers' devFraction; the same as split: [1 - f, f])"),
                new OptionSpec("split", OptionType.NUMBER_LIST, null, "carve train/dev/test out of data.train by these fractions,"
                        + " stratified, e.g. [0.8, 0.1, 0.1]; [0.9, 0.1] carves dev only (data.test may be given)", false, List.of()),
                OptionSpec.choice("selectBy", "accuracy", "the score the grid search maximizes", "accuracy", "macro_f1"),
                OptionSpec.bool("thresholdSearch", false, "binary tasks: move the decision threshold to the F1-best point on data.dev"
                        + " (or the cross-validation predictions)"));
    }

    static LinearSettings parse(Options m, Options t) {
        List<Double> cs = new ArrayList<>();
        for (Number n : m.getNumberList("C")) {
            if (n.doubleValue() <= 0) {
                throw m.error("C", "must be positive, not " + n);
            }
            cs.add(n.doubleValue());
        }
        if (cs.isEmpty()) {
            throw m.error("C", "give at least one value");
        }
        List<int[]> ranges = new ArrayList<>();
        Object given = m.get("ngramRanges");
        if (given != null) {
            if (!(given instanceof List<?> list) || list.isEmpty()) {
                throw m.error("ngramRanges", "must be a list of [min, max] pairs, e.g. [[1, 1], [1, 2]]");
            }
            for (Object r : list) {
                if (!(r instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Number a) || !(pair.get(1) instanceof Number b)
                        || a.intValue() < 1 || b.intValue() < a.intValue() || b.longValue() > AnalyzerSpec.MAX_N) {
                    throw m.error("ngramRanges", "each entry must be [min, max] with 1 <= min <= max <= " + AnalyzerSpec.MAX_N + ", not " + r);
                }
                ranges.add(new int[] {a.intValue(), b.intValue()});
            }
        }
        FeatureRecipe features = FeatureRecipe.parse(m);
        if (!ranges.isEmpty() && !features.fitted()) {
            throw m.error("ngramRanges", "needs a vectorizer fitted here (features: tfidf or count, no featuresModel)");
        }
        double[] split = null;
        if (t.get("split") != null) {
            List<Number> parts = t.getNumberList("split");
            split = parts.stream().mapToDouble(Number::doubleValue).toArray();
            double sum = 0;
            for (double f : split) {
                if (f < 0) {
                    throw t.error("split", "fractions must not be negative");
                }
                sum += f;
            }
            if (split.length < 2 || split.length > 3 || Math.abs(sum - 1) > 1e-9) {
                throw t.error("split", "must be [train, dev] or [train, dev, test] fractions summing to 1, e.g. [0.8, 0.1, 0.1]");
            }
        }
        double devFraction = t.getDouble("devFraction");
        if (devFraction < 0 || devFraction >= 1) {
            throw t.error("devFraction", "must be at least 0 and below 1");
        }
        if (devFraction > 0) {
            if (split != null) {
                throw t.error("devFraction", "and split both carve dev out of data.train: give one of them");
            }
            split = new double[] {1 - devFraction, devFraction};
        }
        int folds = t.getInt("cvFolds");
        if (folds == 1 || folds < 0) {
            throw t.error("cvFolds", "must be 0 (none) or at least 2");
        }
        if (t.getInt("maxIter") < 1) {
            throw t.error("maxIter", "must be at least 1");
        }
        if (t.getDouble("tol") <= 0) {
            throw t.error("tol", "must be positive");
        }
        if (m.isSet("multiClass") && m.getString("multiClass").equals("multinomial") && !m.getString("loss").equals("logistic")) {
            // LinearSVC's way: the SVM is one-vs-rest whatever this says, and a setting that changes nothing is refused
            throw m.error("multiClass", "multinomial applies to loss: logistic; a linear SVM (loss: " + m.getString("loss")
                    + ") is one-vs-rest: remove multiClass");
        }
        return new LinearSettings(features, LinearModel.Loss.of(m.getString("loss")), cs, ranges,
                m.getString("classWeight").equals("balanced"), m.getString("multiClass").equals("multinomial"), m.getBoolean("fitIntercept"),
                m.getString("positiveLabel"), t.getInt("seed"), Math.max(1, t.getInt("threads")), t.getInt("maxIter"), t.getDouble("tol"),
                folds, split, t.getString("selectBy").equals("macro_f1"), t.getBoolean("thresholdSearch"));
    }

    /** The solver settings for one value of C. */
    LinearFitter.Settings solver(double c) {
        return new LinearFitter.Settings(loss, c, multinomial, intercept, tol, maxIter, seed, threads, balanced);
    }
}
