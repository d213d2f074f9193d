package dev.nlpipe.cli;

import dev.nlpipe.classify.ClassifierEvaluation;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.TrainingInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nlpipe eval classify --model DIR --data FILE}: scores a text classifier on labelled data. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Evaluate a text classifier (any classify.* model) on labelled documents: accuracy, per-class precision/recall/F1,"
                + " macro and micro F1, confusion matrix and (binary) ROC-AUC.",
                "The data is read in the format its extension names (.jsonl, .tsv, .csv), else in the model's training format"
                + " (e.g. tsv with its label column), unless --format is given, and goes through the model's preprocessing stages."})
public final class EvalClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "a model directory written by `nlpipe train` (any classify.* kind)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "labelled documents (file or directory)")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", description = "input format (jsonl, tsv, csv, ...); default: from the file"
            + " extension (.jsonl, .tsv, .csv), else the training data's (whose options then apply)")
    String format;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "an option of the input format, e.g. --option labelColumn=label")
    Map<String, String> options;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the metrics as JSON (accuracy, macro_f1, per_class, ...; '-' for standard output)")
    Path json;

    @Mixin
    InferenceOptions inference;

    @Override
    public Integer call() throws Exception {
        if (!java.nio.file.Files.exists(data)) {
            System.err.println("nlpipe: --data " + data + " does not exist");
            return ExitCodes.CONFIG;
        }
        OutputOptions.reportFile(spec, "--json", json, OutputOptions.in("--data", data));
        OutputOptions.refuseInside(spec, "--json", json, OutputOptions.in("--model", model), OutputOptions.in("--data", data));
        Map<String, Object> trained = TrainingInput.of(ModelDir.read(model));
        Map<String, Object> formatOptions = options == null ? null : new LinkedHashMap<>(options);
        String fmt = format != null ? format : byExtension(data, String.valueOf(trained.getOrDefault("format", "jsonl")));
        Map<String, Object> r;
        try {
            r = ClassifierEvaluation.evaluate(model, data, fmt, formatOptions, inference.toLoadOptions(spec), System.err);
        } catch (IllegalArgumentException e) {
            // data that holds nothing to score (no labels, none readable, none the model knows): a usage error, as in eval ner
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter text = OutputOptions.textOut(spec, json);
        text.print(report(r));
        long unlabeled = ((Number) r.get("unlabeled")).longValue();
        long unreadable = ((Number) r.get("unreadable")).longValue();
        long filtered = ((Number) r.getOrDefault("filtered", 0L)).longValue();
        if (unlabeled + unreadable + filtered > 0) {
            // the documents scored are not the file's: said where the scores are read, not only in --json
            text.printf(Locale.ROOT, "left out: %d without a label, %d unreadable (the bad records above), %d dropped by the"
                    + " model's filter stages; the scores cover the rest%n", unlabeled, unreadable, filtered);
        }
        text.flush();
        if (json != null) {
            OutputOptions.writeJson(spec, json, r);
        }
        return unreadable > 0 ? ExitCodes.RECORDS_FAILED : ExitCodes.OK;
    }

    /**
     * The format a data file's extension names ({@code .jsonl}, {@code .tsv}, {@code .csv}), or the
     * training format when the extension names none or names that one (so its options apply).
     */
    static String byExtension(Path data, String trained) {
        String name = data.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        String byName = switch (ext) {
            case "jsonl", "json" -> "jsonl";
            case "tsv", "csv" -> ext;
            default -> null;
        };
        return byName == null ? trained : byName;
    }

    @SuppressWarnings("unchecked")
    static String report(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        List<String> labels = (List<String>) r.get("labels");
        sb.append(String.format(Locale.ROOT, "%s on %s: %d documents%n", r.get("model"), r.get("data"), ((Number) r.get("support")).longValue()));
        sb.append(String.format(Locale.ROOT, "accuracy %.4f  macro F1 %.4f  micro F1 %.4f%s%n", r.get("accuracy"), r.get("macro_f1"),
                r.get("micro_f1"), r.containsKey("roc_auc") ? String.format(Locale.ROOT, "  ROC-AUC %.4f (positive: %s)", r.get("roc_auc"),
                        r.get("positive_label")) : ""));
        sb.append(perClass(labels, (Map<String, Map<String, Object>>) r.get("per_class")));
        sb.append("confusion (rows gold, columns predicted): ").append(labels).append('\n');
        for (Object row : (List<?>) r.get("confusion")) {
            sb.append("  ").append(row).append('\n');
        }
        return sb.toString();
    }

    private static String perClass(List<String> labels, Map<String, Map<String, Object>> per) {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support"));
        for (String l : labels) {
            Map<String, Object> c = per.get(l);
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %9.4f %9.4f %8d%n", l, c.get("precision"), c.get("recall"), c.get("f1"),
                    ((Number) c.get("support")).longValue()));
        }
        return sb.toString();
    }
}
