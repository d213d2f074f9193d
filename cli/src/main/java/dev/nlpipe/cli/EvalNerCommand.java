package dev.nlpipe.cli;

import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.ner.NerEvaluator;
import dev.nlpipe.core.config.Suggest;
import dev.nlpipe.core.stage.Components;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nlpipe eval ner}: span-level precision, recall and F1 of a NER model on gold data, as conlleval counts them. */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = "Evaluate a NER model directory on gold data: span precision, recall and F1 (conlleval's counting), "
                + "overall and per entity type.")
public final class EvalNerCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "a model directory written by `nlpipe train` (any ner.* kind)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "gold data (a file or a directory)")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "input format of the gold data: bmes, conll, cluener (or jsonl with entities); default: from the"
                    + " file's extension (.bmes, .conll/.bio/.iob, .json for CLUENER, .jsonl), else the format the model was trained on")
    String format;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "an option of the input format over the training data's,"
            + " e.g. --option tagColumn=1 for a conlleval-style 'word gold pred' file")
    Map<String, String> formatOptions;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the scores as JSON (precision, recall, f1, perType; '-' for standard output)")
    Path json;

    @Mixin
    InferenceOptions inference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(data)) {
            throw new ParameterException(spec.commandLine(), "--data: not found: " + data);
        }
        OutputOptions.reportFile(spec, "--json", json, OutputOptions.in("--data", data));
        OutputOptions.refuseInside(spec, "--json", json, OutputOptions.in("--model", model), OutputOptions.in("--data", data));
        var readers = Components.get().readers();
        String format = this.format != null ? this.format : byExtension(data);
        if (format == null && data.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.conllu(\\.gz)?")) {
            throw new ParameterException(spec.commandLine(), "--format: " + data + " is CoNLL-U, whose first column is a token"
                    + " number and last is MISC, not a NER column file; convert it to word and tag columns, or give --format if it"
                    + " holds NER columns despite its name");
        }
        if (format == null) {
            // MSRA ships train.txt/test.txt: a gold file named like that is most likely in the format the model was trained on
            format = NerEvaluator.trainedFormat(model);
            if (format == null) {
                throw new ParameterException(spec.commandLine(), "--format: cannot tell the format of " + data
                        + " from its extension, and " + model + " records no training format; give --format bmes, conll, cluener or jsonl");
            }
            System.err.println("reading " + data + " as " + format + ", the format " + model
                    + " was trained on (its extension does not say; give --format to choose another)");
        }
        if (readers.find(format) == null) {
            throw new ParameterException(spec.commandLine(), "--format: unknown format '" + format + "'"
                    + Suggest.didYouMean(format, readers.names()) + " (valid: " + String.join(", ", readers.names()) + ")");
        }
        warnIfFormatContradicted(format);
        LoadOptions load = inference.toLoadOptions(spec);
        NerEvaluator.Result r;
        try {
            r = NerEvaluator.evaluate(model, data, format, formatOptions, load, System.err);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (r.scores().overall().gold() == 0) {
            // a table of zeros would read as a model that found nothing, not as data without labels
            throw new ParameterException(spec.commandLine(), "--data: " + data + " holds no gold entities read as " + format + " ("
                    + r.documents() + " documents" + (r.skipped() > 0 ? ", " + r.skipped() + " bad records" : "")
                    + "): nothing to score against. A split without labels (CLUENER's test.json) cannot be evaluated; otherwise check"
                    + " --format and the tag column (--option tagColumn=N)");
        }
        PrintWriter text = OutputOptions.textOut(spec, json);
        text.print(r.scores().table());
        if (r.skipped() > 0) {
            text.printf(Locale.ROOT, "skipped %d gold record(s) that could not be read (the bad records above): these scores"
                    + " leave out their entities%n", r.skipped());
        }
        text.flush();
        System.err.printf(Locale.ROOT, "evaluated %d documents in %.1f s (%.0f documents/s); tagging alone %.1f s (%.0f documents/s)%n",
                r.documents(), r.seconds(), r.documents() / Math.max(r.seconds(), 1e-9), r.taggingSeconds(),
                r.documents() / Math.max(r.taggingSeconds(), 1e-9));
        if (json != null) {
            Map<String, Object> out = new LinkedHashMap<>(r.scores().toMap());
            out.put("model", model.toString());
            out.put("data", data.toString());
            out.put("format", format);
            out.put("skippedRecords", r.skipped());
            OutputOptions.writeJson(spec, json, out);
        }
        return ExitCodes.OK;
    }

    /**
     * A --format that neither the data file's name nor the model's training format agrees with is most likely a slip (a
     * BMES file read as CoNLL scores near zero without an error): it is followed, as asked, with a warning naming both.
     */
    private void warnIfFormatContradicted(String format) {
        String named = this.format == null ? null : byExtension(data);
        String trained = named == null || named.equals(format) ? null : NerEvaluator.trainedFormat(model);
        if (trained != null && !trained.equals(format)) {
            System.err.println("warning: " + data.getFileName() + " looks like " + named + " and " + model + " was trained on " + trained
                    + "; reading it as " + format + " as --format says");
        }
    }

    /** The NER format a gold file's name says ({@code train.char.bmes}, {@code dev.json}), or {@code null}. */
    static String byExtension(Path data) {
        String name = data.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "bmes" -> "bmes";
            // not .conllu: CoNLL-U's first column is a token number and its last is MISC, which the conll reader would take for the tag
            case "conll", "bio", "iob", "iob2" -> "conll";
            // CLUENER ships dev.json / train.json, one JSON object per line with a "label" map
            case "json" -> "cluener";
            case "jsonl" -> "jsonl";
            default -> null;
        };
    }
}
