package dev.nlpipe.classify;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.PlainNodes;
import dev.nlpipe.core.config.Node;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.eval.ClassificationMetrics;
import dev.nlpipe.core.eval.RocAuc;
import dev.nlpipe.core.io.CorpusInput;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.ModelPreprocessing;
import dev.nlpipe.core.model.TextClassifier;
import dev.nlpipe.core.model.TrainingInput;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.Progress;
import dev.nlpipe.core.stage.Components;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Scores a text classifier of any installed kind on a labelled file: reads it (in the model's
 * training input format unless another is given), applies the model's preprocessing stages and the
 * classifier, and computes accuracy, per-class P/R/F1, macro/micro F1, the confusion matrix and,
 * for binary models, ROC-AUC (ranked by {@link TextClassifier#margin}).
 */
public final class ClassifierEvaluation {
    private ClassifierEvaluation() {
    }

    /**
     * Evaluates a model directory.
     *
     * @param modelDir a model directory written by {@code nlpipe train} ({@code classify.*})
     * @param format the input format, or {@code null} for the one the model was trained on
     * @param formatOptions options of the format that override the training ones (which apply when the format is the
     *     same), or {@code null}
     * @param log progress and warnings
     * @return the metrics as a JSON-ready map ({@code accuracy}, {@code macro_f1}, ...)
     * @throws dev.nlpipe.core.model.ModelException when the directory is not a classifier this nlpipe can load
     */
    public static Map<String, Object> evaluate(Path modelDir, Path data, String format, Map<String, Object> formatOptions,
                                               PrintStream log) throws IOException {
        return evaluate(modelDir, data, format, formatOptions, LoadOptions.DEFAULT, log);
    }

    /**
     * {@link #evaluate(Path, Path, String, Map, PrintStream)} with a neural model loaded as {@code load}
     * says (device, threads, batch size): a classify.bert training scores its test split where it trained.
     */
    public static Map<String, Object> evaluate(Path modelDir, Path data, String format, Map<String, Object> formatOptions,
                                               LoadOptions load, PrintStream log) throws IOException {
        return evaluate(modelDir, data, format, formatOptions, null, load, log);
    }

    /**
     * A training's test split scored as the training read its other splits: with the training
     * format and {@code input}'s glob, recursion and line limit (a directory's other files are not
     * scored, a raised {@code maxLineLength} holds).
     *
     * @param input the training configuration's data section
     */
    public static Map<String, Object> evaluateSplit(Path modelDir, Path data, InputConfig input, LoadOptions load, PrintStream log)
            throws IOException {
        return evaluate(modelDir, data, null, null, input, load, log);
    }

    private static Map<String, Object> evaluate(Path modelDir, Path data, String format, Map<String, Object> formatOptions,
                                                InputConfig listing, LoadOptions load, PrintStream log) throws IOException {
        ModelMeta meta = ModelDir.read(modelDir);
        try (TextClassifier model = ModelKinds.get().load(modelDir, TextClassifier.class, load)) {
            Map<String, Object> out = evaluate(model, modelDir, meta, data, format, formatOptions, listing, load, log);
            out.put("model", modelDir.toString());
            out.put("data", data.toString());
            return out;
        }
    }

    /** Documents scored per call of the classifier. */
    private static final int BATCH = 64;

    private static Map<String, Object> evaluate(TextClassifier model, Path modelDir, ModelMeta meta, Path data, String format,
                                                Map<String, Object> formatOptions, InputConfig listing, LoadOptions load,
                                                PrintStream log)
            throws IOException {
        // a --batch-size above the chunk would never fill a forward pass
        int chunk = Math.max(BATCH, load.batchSize());
        String fmt = format == null ? (String) TrainingInput.of(meta).getOrDefault("format", "jsonl") : format;
        Map<String, Object> opts = new LinkedHashMap<>(TrainingInput.optionsFor(meta, fmt));
        if (formatOptions != null) {
            opts.putAll(formatOptions);
        }
        ReaderProvider reader = Components.get().readers().get(fmt, Location.NONE);
        Options readerOptions = Options.validate("input format '" + fmt + "'", (Node.MapNode) PlainNodes.toNode(opts, Location.NONE),
                Location.NONE, reader.options()).writtenAs("--option ", "=");
        ErrorLog errors = new ErrorLog(null, log, OnError.SKIP);
        List<String> labels = new ArrayList<>(model.labels());
        Map<String, Long> unknown = new TreeMap<>();
        List<Integer> gold = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        List<Double> decision = new ArrayList<>();
        long unlabeled = 0;
        long filtered = 0;
        long multiLabel = 0;
        int maxLine = listing == null ? ReadSettings.DEFAULT_MAX_LINE_BYTES : listing.maxLineLength();
        try (CorpusInput in = CorpusInput.open(data, listing == null ? null : listing.glob(), listing == null || listing.recursive(),
                reader, readerOptions, new ReadSettings(TrainingInput.language(meta), maxLine, errors, new AtomicLong(),
                        listing == null ? ReadSettings.INPUT_MAX_LINE_KEY : ReadSettings.DATA_MAX_LINE_KEY));
             Pipeline pre = ModelPreprocessing.rebuild(modelDir, meta, "classify-eval-preprocess", load)) {
            Progress progress = new Progress(log, "docs", in.totalBytes(), in::bytesRead);
            long n = 0;
            List<Document> batch = new ArrayList<>(chunk);
            List<Integer> golds = new ArrayList<>(chunk);
            while (in.hasNext()) {
                Document raw = in.next();
                String g = GoldLabel.of(raw);
                multiLabel += GoldLabel.several(raw) ? 1 : 0;
                List<Document> kept = pre == null ? List.of(raw) : pre.process(raw);
                if (kept.isEmpty()) {
                    filtered++; // a filter stage of the model's preprocessing selected its training data so
                }
                for (Document d : kept) {
                    if (g == null) {
                        unlabeled++;
                        continue;
                    }
                    int gi = labels.indexOf(g);
                    if (gi < 0) {
                        labels.add(g);
                        gi = labels.size() - 1;
                    }
                    if (gi >= model.labels().size()) {
                        unknown.merge(g, 1L, Long::sum);
                    }
                    batch.add(d);
                    golds.add(gi);
                }
                if (batch.size() >= chunk || !in.hasNext()) {
                    predict(model, batch, golds, gold, predicted, decision);
                }
                progress.update(++n, null);
            }
            progress.finish();
        }
        GoldLabel.warnMultiLabel(multiLabel, data.toString(), log);
        if (gold.isEmpty() && errors.count() > 0 && unlabeled == 0) {
            // every record unreadable (a GBK file, CLUE's JSON without a text field): the bad records say why, not the label
            throw new IllegalArgumentException(data + ": none of its " + errors.count() + " records could be read as " + fmt
                    + " (the bad records above say why: the encoding, or the text field or column)");
        }
        if (gold.isEmpty()) {
            throw new IllegalArgumentException(data + ": no labelled documents to evaluate (" + unlabeled + " without a label;"
                    + " is the label field or column right for format " + fmt + "?)");
        }
        checkKnownLabels(model.labels(), unknown, gold.size(), data, log);
        ClassificationMetrics m = ClassificationMetrics.of(labels, gold.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray());
        Map<String, Object> out = new LinkedHashMap<>(m.toMap());
        if (model.labels().size() == 2) {
            // over the documents of the model's two labels only: another gold label is neither positive nor negative
            List<Integer> known = new ArrayList<>();
            for (int i = 0; i < gold.size(); i++) {
                if (gold.get(i) < 2) {
                    known.add(i);
                }
            }
            boolean[] positive = new boolean[known.size()];
            double[] margins = new double[known.size()];
            for (int k = 0; k < positive.length; k++) {
                positive[k] = gold.get(known.get(k)) == 1;
                margins[k] = decision.get(known.get(k));
            }
            double auc = RocAuc.of(margins, positive);
            if (!Double.isNaN(auc)) {
                out.put("roc_auc", auc);
                out.put("positive_label", model.labels().get(1));
            } else {
                log.println("note: no ROC-AUC: " + (Arrays.stream(margins).anyMatch(Double::isNaN) ? "some scores are not numbers (NaN)"
                        : "the data holds documents of one of the two labels only") + ", so no ranking can be scored");
            }
        }
        out.put("unknown_labels", unknown);
        out.put("unlabeled", unlabeled);
        out.put("unreadable", errors.count());
        out.put("filtered", filtered);
        return out;
    }

    /**
     * Refuses data none of whose gold labels the model knows (a model trained on {@code 0}/{@code 1}
     * scored on {@code neg}/{@code pos} would report accuracy 0 for a perfect classifier), and warns
     * about the documents of labels it does not know, which count as errors.
     */
    private static void checkKnownLabels(List<String> modelLabels, Map<String, Long> unknown, int documents, Path data, PrintStream log) {
        if (unknown.isEmpty()) {
            return;
        }
        long count = unknown.values().stream().mapToLong(Long::longValue).sum();
        String which = unknown.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").limit(10).collect(Collectors.joining(", "))
                + (unknown.size() > 10 ? ", ..." : "") + "; the model's labels are " + String.join(", ", modelLabels);
        if (count == documents) {
            throw new IllegalArgumentException(data + ": none of its gold labels is one the model knows: " + which
                    + " (the wrong label column, or labels written another way?)");
        }
        log.printf(Locale.ROOT, "warning: %s: %,d of %,d documents have a gold label the model does not know, which it cannot"
                + " predict and which count as errors: %s%n", data, count, documents, which);
    }

    /** Scores a batch, adds its gold and predicted classes (and margins) to the lists, and empties it. */
    private static void predict(TextClassifier model, List<Document> batch, List<Integer> golds, List<Integer> gold,
                                List<Integer> predicted, List<Double> decision) {
        if (batch.isEmpty()) {
            return;
        }
        List<TextClassifier.Scored> scored = model.score(batch);
        for (int i = 0; i < batch.size(); i++) {
            gold.add(golds.get(i));
            predicted.add(scored.get(i).predicted());
            if (scored.get(i).scores().length == 2) {
                decision.add(scored.get(i).margin());
            }
        }
        batch.clear();
        golds.clear();
    }
}
