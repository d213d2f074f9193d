package dev.nlpipe.ner;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.MissingLayerException;
import dev.nlpipe.core.eval.Scores;
import dev.nlpipe.core.io.CorpusInput;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.ModelPreprocessing;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.core.model.TrainingInput;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.Progress;
import dev.nlpipe.core.stage.Components;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code nlpipe eval ner}: runs a tagger of any installed kind over a gold corpus and scores it
 * with conlleval's span counting. The model's own preprocessing stages (those it was trained with,
 * e.g. a segmenter for word-position features) are applied to the gold documents first.
 */
public final class NerEvaluator {
    private NerEvaluator() {
    }

    /**
     * What an evaluation measured.
     *
     * @param seconds the whole evaluation after the model is loaded: reading, preprocessing, tagging, scoring
     * @param taggingSeconds only the tagger's calls (featurizing, network, decoding), the figure to
     *     compare with another tagger's inference speed
     * @param skipped gold records that could not be read (a malformed tag...), left out with their
     *     entities: scores over a file with any are over part of it
     */
    public record Result(Scores scores, long documents, double seconds, double taggingSeconds, long skipped) {
    }

    /**
     * The gold-data format a model was trained on ({@code data.format} in its {@code model.json}),
     * for a data file whose name does not tell its format; {@code null} when the directory cannot
     * be read or records none (evaluating it then says what is wrong).
     */
    public static String trainedFormat(Path modelDir) {
        try {
            Object format = ModelDir.read(modelDir).getMap("data").get("format");
            return format instanceof String s && !s.isBlank() ? s : null;
        } catch (ModelException e) {
            return null;
        }
    }

    /**
     * Evaluates a model directory on a data file.
     *
     * @param modelDir the model
     * @param data a file or directory of gold data
     * @param format the input format ({@code bmes}, {@code conll}, {@code cluener}, {@code jsonl}...)
     * @param options where and how the model runs (device, batch size, threads)
     * @param log progress, bad records and warnings (the first few as they come, then how many in all)
     * @throws dev.nlpipe.core.model.ModelException when the directory is not a tagger this nlpipe can load
     */
    public static Result evaluate(Path modelDir, Path data, String format, LoadOptions options, PrintStream log) throws IOException {
        return evaluate(modelDir, data, format, null, options, log);
    }

    /**
     * The same, reading the gold data with {@code formatOptions} over the ones training used (a
     * conlleval-style {@code word gold pred} file: {@code tagColumn: 1}).
     *
     * @param formatOptions options of the format that override the training ones, or {@code null}
     */
    public static Result evaluate(Path modelDir, Path data, String format, Map<String, ?> formatOptions, LoadOptions options,
                                  PrintStream log) throws IOException {
        if (!Files.exists(data)) {
            throw new IllegalArgumentException("gold data not found: " + data);
        }
        ReaderProvider reader = Components.get().readers().get(format, Location.NONE);
        ErrorLog errors = new ErrorLog(null, log, OnError.SKIP);
        ModelMeta meta = ModelDir.read(modelDir);
        List<String> adding = ModelPreprocessing.typesCreating(meta, Layer.ENTITIES);
        if (!adding.isEmpty()) {
            throw new IllegalArgumentException(modelDir + " was trained behind " + String.join(", ", adding) + ", which adds"
                    + " entities of its own: run on the gold data, they would be scored as gold entities; this version refuses"
                    + " to train so (train the model again without them)");
        }
        try (Tagger tagger = ModelKinds.get().load(modelDir, Tagger.class, options)) {
            long start = System.nanoTime();
            ReadSettings settings = new ReadSettings(TrainingInput.language(meta), ReadSettings.DEFAULT_MAX_LINE_BYTES, errors,
                    new AtomicLong());
            // a file of the format the model was trained on is read with the reader options training used (tagColumn...)
            Map<String, Object> given = new java.util.LinkedHashMap<>(TrainingInput.optionsFor(meta, format));
            if (formatOptions != null) {
                given.putAll(formatOptions);
            }
            Options readerOptions = Options.of("data format '" + format + "'", given, reader.options()).writtenAs("data.", ": ");
            try (CorpusInput in = CorpusInput.open(data, null, true, reader, readerOptions, settings);
                 Pipeline preprocess = ModelPreprocessing.rebuild(modelDir, meta, "ner-eval-preprocess", options)) {
                Iterator<Document> docs = preprocess == null ? in : preprocess.process(in);
                long[] done = {0};
                long[] tagging = {0};
                Progress progress = new Progress(log, "docs", in.totalBytes(), in::bytesRead);
                Scores scores = EntityEvaluation.evaluate(docs, batch -> {
                    long t = System.nanoTime();
                    List<List<Entity>> found;
                    try {
                        found = tagger.tag(batch);
                    } catch (MissingLayerException e) {
                        // "add a stage" is no advice here: eval ner has no stages, and what lacks the layer is the data
                        throw new IllegalArgumentException(data + " (read as " + format + "): its documents have no '" + e.layer().key()
                                + "', which " + modelDir + " reads; evaluate it on data that holds them (a conll or bmes file, or JSON"
                                + " lines with '" + e.layer().key() + "'), or train the model behind a stage that makes them", e);
                    }
                    tagging[0] += System.nanoTime() - t;
                    return found;
                }, n -> {
                    done[0] = n;
                    progress.update(n, "");
                });
                progress.finish();
                long read = in.documentsRead();
                if (read > done[0]) {
                    // conlleval would count their entities as missed: say that they are not scored, and why
                    log.printf(java.util.Locale.ROOT, "%,d of %,d documents were left out by the filter the model was trained behind"
                            + " (as training left them out); their gold entities are not scored%n", read - done[0], read);
                }
                if (errors.warningSummary() != null) {
                    log.println(errors.warningSummary());
                }
                checkTypes(tagger.types(), scores, modelDir, data, log);
                return new Result(scores, done[0], (System.nanoTime() - start) / 1e9, tagging[0] / 1e9, errors.count());
            }
        }
    }

    /**
     * Gold types the model never predicts: with none in common (CLUENER's {@code name} against
     * Resume's {@code NAME}) every span scores wrong, which is refused as training refuses such dev
     * data; some missing are said, since their entities all count as missed.
     */
    private static void checkTypes(java.util.Set<String> modelTypes, Scores scores, Path modelDir, Path data, PrintStream log) {
        java.util.Set<String> gold = new java.util.TreeSet<>();
        scores.byType().forEach((type, c) -> {
            if (c.gold() > 0) {
                gold.add(type);
            }
        });
        if (modelTypes == null || modelTypes.isEmpty() || gold.isEmpty()) {
            return;
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(gold);
        missing.removeAll(modelTypes);
        if (missing.size() == gold.size()) {
            throw new IllegalArgumentException(data + " and " + modelDir + " have no entity type in common (gold: " + String.join(", ", gold)
                    + "; model: " + String.join(", ", new java.util.TreeSet<>(modelTypes)) + "): every span would score wrong."
                    + " Types are compared exactly (NAME is not PER, name is not NAME); evaluate on data labelled as the training data was");
        }
        if (!missing.isEmpty()) {
            log.println("warning: gold types the model never predicts: " + String.join(", ", missing) + " (their entities all count as missed)");
        }
    }
}
