package dev.nlpipe.classify.linear;

import dev.nlpipe.classify.LabelSet;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.classify.GoldLabel;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.run.DocumentStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Training task {@code classify.linear}: logistic regression or a linear SVM on the features of
 * labelled documents (after the preprocessing stages), with the vectorizer fitted on data.train,
 * C (and n-gram ranges) chosen on data.dev or by cross-validation, an optional F1-best threshold,
 * and accuracy, per-class P/R/F1, macro/micro F1, confusion matrix and ROC-AUC on dev and test.
 */
public final class LinearClassifierTrainer implements TrainerProvider {

    @Override
    public String name() {
        return LinearClassifier.KIND;
    }

    @Override
    public String description() {
        return "logistic regression (L-BFGS) or linear SVM on TF-IDF/count/hashing features, with grid search over C,"
                + " stratified splits and cross-validation";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        return LinearSettings.modelOptions();
    }

    @Override
    public List<OptionSpec> trainOptions() {
        return LinearSettings.trainOptions();
    }

    @Override
    public Set<Layer> requires(Options model) {
        try {
            return FeatureRecipe.parse(model).requires();
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    @Override
    public boolean trainsOnLabels() {
        return true;
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        long start = System.nanoTime();
        LinearSettings s = LinearSettings.parse(job.model(), job.train());
        PrintStream log = job.log();
        Map<String, List<Document>> raw = new LinkedHashMap<>();
        for (String split : List.of("train", "dev", "test")) {
            if (job.hasSplit(split)) {
                List<Document> docs = read(job, split, s.threads());
                if (docs.isEmpty()) {
                    // a dev split of no document "chose" C on nothing, a test split scored 0; every record unreadable reads so too
                    throw job.noDocuments(split);
                }
                raw.put(split, docs);
            }
        }
        LabelSet labels = labels(job, raw.get("train"), s.positiveLabel());
        Map<String, Dataset> data = datasets(job, s, raw, labels);
        Dataset train = data.get("train");
        Dataset dev = data.get("dev");
        Dataset test = data.get("test");
        log.printf(Locale.ROOT, "classify.linear: %d classes %s; train %d%s%s documents%n", labels.size(), labels.labels(), train.size(),
                dev == null ? "" : ", dev " + dev.size(), test == null ? "" : ", test " + test.size());

        if (s.thresholdSearch() && labels.size() != 2) {
            // it moves a binary decision threshold: with more labels it would demand held-out data and then do nothing
            throw job.train().error("thresholdSearch", "applies to two labels (a binary task); the data has " + labels.size()
                    + ": remove it");
        }
        List<ModelSelection.Candidate> grid = ModelSelection.grid(s);
        refuseUnusedCrossValidation(job, s, grid, dev, train.size());
        List<ModelSelection.Outcome> outcomes = null;
        String selectedOn = "none";
        boolean needHeldOut = grid.size() > 1 || s.thresholdSearch();
        if (needHeldOut && dev != null) {
            log.println("grid search on data.dev:");
            outcomes = ModelSelection.onDev(s, labels, train, dev, log);
            selectedOn = "dev";
        } else if (needHeldOut && s.cvFolds() >= 2) {
            log.println("grid search by " + s.cvFolds() + "-fold cross-validation on data.train:");
            if (s.features().reusesFitted()) {
                // scikit-learn's Pipeline in GridSearchCV refits the vectorizer per fold; a fitted one saw the held-out folds
                log.println("warning: model.featuresModel is one vectorizer for every fold: if it was fitted on data.train, each"
                        + " held-out fold shaped its vocabulary and idf, and the fold scores are optimistic");
            }
            outcomes = ModelSelection.crossValidated(s, labels, train, log);
            selectedOn = s.cvFolds() + "-fold cross-validation";
        } else if (needHeldOut) {
            // located at what asked for the selection (a list of C values, n-gram ranges, the threshold search), not at cvFolds
            String option = grid.size() <= 1 ? "thresholdSearch" : s.cs().size() > 1 ? "C" : "ngramRanges";
            throw (option.equals("thresholdSearch") ? job.train() : job.model()).error(option, (grid.size() > 1 ? "a grid of "
                    + grid.size() + " candidates" : "thresholdSearch") + " needs held-out data to choose on: give data.dev, or set"
                    + " train.devFraction (e.g. 0.1), train.split or train.cvFolds (e.g. 5)");
        }
        ModelSelection.Outcome best = outcomes == null ? null : ModelSelection.best(outcomes);
        ModelSelection.Candidate chosen = best == null ? grid.get(0) : best.candidate();
        if (best != null) {
            log.printf(Locale.ROOT, "selected %s (%s %s %.4f)%n", chosen.describe(), selectedOn, ModelSelection.metricName(s), best.score());
        }

        FeatureRecipe.Fitted fitted;
        LinearFitter.Fit fit;
        double fitSeconds;
        if (best != null && best.fit() != null) {
            // Selected on data.dev: the candidate was already fitted on all of data.train.
            fitted = best.features();
            fit = best.fit();
            fitSeconds = best.fitSeconds();
        } else {
            fitted = s.features().fit(train.docs(), chosen.ngramRange(), s.threads());
            CsrMatrix x = CsrMatrix.of(Arrays.asList(fitted.rows()), fitted.features().dimension());
            long fitStart = System.nanoTime();
            fit = LinearFitter.fit(x, train.y(), train.sampleWeights(labels.size(), s.balanced()), labels.size(), s.solver(chosen.c()));
            fitSeconds = (System.nanoTime() - fitStart) / 1e9;
        }
        log.println("features: " + FeatureRecipe.describe(fitted.features()));
        if (!fit.converged()) {
            log.println("warning: the solver did not converge (" + fit.note() + "); raise train.maxIter or train.tol");
        }
        LinearModel model = fit.model();
        Map<String, Object> threshold = null;
        if (s.thresholdSearch() && labels.size() == 2) {
            ThresholdSearch.Result t = thresholdOn(best, train, dev, fitted, model, selectedOn);
            model = model.withThreshold(t.threshold());
            threshold = new LinkedHashMap<>();
            threshold.put("decision", t.threshold());
            threshold.put("heldOutF1", t.f1());
            threshold.put("heldOutF1AtZero", t.defaultF1());
            if (t.f1() == 0 && t.threshold() == 0) {
                log.printf(Locale.ROOT, "warning: the held-out data (%s) has no '%s' example, so no threshold can be chosen;"
                        + " it stays at 0%n", selectedOn, labels.get(1));
            } else {
                log.printf(Locale.ROOT, "threshold %.4f on the decision value: held-out F1 of '%s' %.4f (%.4f at 0)%n", t.threshold(),
                        labels.get(1), t.f1(), t.defaultF1());
            }
        }

        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String split : List.of("dev", "test")) {
            if (data.get(split) != null) {
                metrics.put(split, evaluate(data.get(split), fitted.features(), model, labels));
            }
        }
        for (String split : List.of("dev", "test")) {
            if (metrics.containsKey(split)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) metrics.get(split);
                log.printf(Locale.ROOT, "%s: accuracy %.4f, macro F1 %.4f%s%n", split, m.get("accuracy"), m.get("macro_f1"),
                        m.containsKey("roc_auc") ? String.format(Locale.ROOT, ", ROC-AUC %.4f", m.get("roc_auc")) : "");
            }
        }
        String shown = metrics.containsKey("test") ? "test" : metrics.containsKey("dev") ? "dev" : null;
        if (shown != null) {
            log.println(shown + " report:");
            log.print(Predictions.of(model, rows(fitted.features(), data.get(shown))).metrics(labels, data.get(shown).y()).format());
        }
        metrics.put("solverSeconds", fitSeconds);
        metrics.put("totalSeconds", (System.nanoTime() - start) / 1e9);
        metrics.put("trainDocuments", train.size());

        LinearClassifierWriter.write(job, new LinearClassifierWriter.Trained(s, labels, chosen, model, fit, threshold, outcomes, selectedOn,
                fitted.features(), metrics));
    }

    /**
     * {@code selectBy} with nothing to rank, and {@code cvFolds} where it would not run (held-out dev data, nothing to
     * choose) or could not (more folds than documents).
     */
    private static void refuseUnusedCrossValidation(TrainingJob job, LinearSettings s, List<ModelSelection.Candidate> grid, Dataset dev,
                                                    int trainSize) {
        if (job.train().isSet("selectBy") && grid.size() <= 1) {
            throw job.train().error("selectBy", "has nothing to choose: it ranks several C values or n-gram ranges; give a list, or"
                    + " remove it");
        }
        if (!job.train().isSet("cvFolds")) {
            return;
        }
        if (dev != null) {
            throw job.train().error("cvFolds", "is not used: model selection runs on the dev data ("
                    + (job.hasSplit("dev") ? "data.dev" : "devFraction or split") + "); remove one or the other");
        }
        if (grid.size() <= 1 && !s.thresholdSearch()) {
            throw job.train().error("cvFolds", "has nothing to choose: give several C values or n-gram ranges (or thresholdSearch)");
        }
        if (s.cvFolds() > trainSize) {
            throw job.train().error("cvFolds", s.cvFolds() + " folds of " + trainSize + " training documents would leave some empty;"
                    + " give at most " + trainSize);
        }
    }

    private static List<Document> read(TrainingJob job, String split, int threads) throws IOException {
        List<Document> out = new ArrayList<>();
        try (DocumentStream docs = job.documents(split, threads)) {
            while (docs.hasNext()) {
                out.add(docs.next());
            }
        }
        return out;
    }

    private static LabelSet labels(TrainingJob job, List<Document> train, String positive) {
        GoldLabel.warnMultiLabel(train, "data.train", job.log());
        Set<String> seen = new LinkedHashSet<>();
        for (Document d : train) {
            if (GoldLabel.of(d) != null) {
                seen.add(GoldLabel.of(d));
            }
        }
        if (seen.size() < 2) {
            throw new ConfigException(job.config().splitLocations().get("train"), "data.train has " + seen.size()
                    + " distinct label(s); a classifier needs at least two (is the label field or column set? e.g. data: {format: tsv,"
                    + " labelColumn: label})");
        }
        try {
            return LabelSet.of(seen, positive);
        } catch (IllegalArgumentException e) {
            throw job.model().error("positiveLabel", e.getMessage());
        }
    }

    private static Map<String, Dataset> datasets(TrainingJob job, LinearSettings s, Map<String, List<Document>> raw, LabelSet labels) {
        Map<String, Dataset> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Document>> e : raw.entrySet()) {
            List<Document> docs = e.getValue();
            int[] y = new int[docs.size()];
            for (int i = 0; i < y.length; i++) {
                String l = GoldLabel.of(docs.get(i));
                Location at = job.config().splitLocations().get(e.getKey());
                if (l == null) {
                    throw new ConfigException(at, "data." + e.getKey() + ": document " + docs.get(i).id() + " has no label");
                }
                y[i] = labels.indexOf(l);
                if (y[i] < 0) {
                    throw new ConfigException(at, "data." + e.getKey() + ": label '" + l + "' of document " + docs.get(i).id()
                            + " does not occur in data.train");
                }
            }
            out.put(e.getKey(), new Dataset(docs, y));
        }
        if (s.split() != null) {
            // [train, dev] carves dev only, so a data.test file may stay; [train, dev, test] carves both
            if (out.containsKey("dev") || s.split().length > 2 && out.containsKey("test")) {
                throw job.train().error("split", s.split().length > 2
                        ? "carves dev and test out of data.train; remove data.dev and data.test, or give [train, dev] fractions only"
                        : "carves dev out of data.train (so does devFraction); remove data.dev, or this option");
            }
            int[][] parts = Splits.stratified(out.get("train").y(), labels.size(), s.split(), s.seed());
            for (int p = 1; p < parts.length; p++) {
                if (parts[p].length == 0) {
                    // each class rounds its share down to nothing: model selection would score every candidate 0
                    String option = job.train().isSet("devFraction") ? "devFraction" : "split";
                    throw job.train().error(option, "leaves the " + (p == 1 ? "dev" : "test") + " part empty: each class of data.train"
                            + " (" + out.get("train").size() + " documents, " + labels.size() + " classes) rounds its share to 0;"
                            + " give a larger fraction, data.dev, or train.cvFolds");
                }
            }
            Dataset all = out.get("train");
            out.put("train", all.subset(parts[0]));
            out.put("dev", all.subset(parts[1]));
            if (parts.length > 2) {
                out.put("test", all.subset(parts[2]));
            }
        }
        out.putIfAbsent("dev", null);
        out.putIfAbsent("test", null);
        return out;
    }

    /** The F1-best threshold on data.dev for the final model, or on the chosen candidate's out-of-fold decisions. */
    private static ThresholdSearch.Result thresholdOn(ModelSelection.Outcome best, Dataset train, Dataset dev, FeatureRecipe.Fitted fitted,
                                                      LinearModel model, String selectedOn) {
        if (selectedOn.equals("dev")) {
            Predictions p = Predictions.of(model, rows(fitted.features(), dev));
            return ThresholdSearch.search(p.decision(), positives(dev.y()));
        }
        return ThresholdSearch.search(best.heldOut(), positives(train.y()));
    }

    private static boolean[] positives(int[] y) {
        boolean[] out = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] == 1;
        }
        return out;
    }

    static SparseVector[] rows(Features f, Dataset d) {
        SparseVector[] rows = new SparseVector[d.size()];
        java.util.stream.IntStream.range(0, rows.length).parallel().forEach(i -> rows[i] = f.apply(d.docs().get(i)));
        return rows;
    }

    private static Map<String, Object> evaluate(Dataset d, Features f, LinearModel model, LabelSet labels) {
        return Predictions.of(model, rows(f, d)).report(labels, d.y());
    }
}
