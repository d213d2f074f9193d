package dev.nlpipe.ner;

import ai.djl.Device;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.eval.Scores;
import dev.nlpipe.core.io.CorpusInput;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.nn.DeviceSpec;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.Progress;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.ner.bilstm.NerModel;
import dev.nlpipe.ner.bilstm.NerPredictor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code nlpipe eval ner}: runs a model over a gold corpus and scores it with conlleval's span
 * counting. The model's own preprocessing stages (those it was trained with, e.g. a segmenter for
 * word-position features) are applied to the gold documents first.
 */
public final class NerEvaluator {
    private NerEvaluator() {
    }

    /**
     * What an evaluation measured.
     *
     * @param seconds the whole evaluation: reading, preprocessing, model set-up, tagging, scoring
     * @param taggingSeconds only the tagger's calls (featurizing, network, decoding), the figure to
     *     compare with another tagger's inference speed
     */
    public record Result(Scores scores, long documents, double seconds, double taggingSeconds) {
    }

    /**
     * Evaluates a model directory on a data file.
     *
     * @param modelDir the model
     * @param data a file or directory of gold data
     * @param format the input format ({@code bmes}, {@code conll}, {@code cluener}, {@code jsonl}...)
     * @param device where to run ({@link DeviceSpec})
     * @param batchSize sentences per forward pass
     * @param log progress, bad records and warnings (the first few as they come, then how many in all)
     */
    public static Result evaluate(Path modelDir, Path data, String format, String device, int batchSize, PrintStream log)
            throws IOException {
        if (!Files.exists(data)) {
            throw new IllegalArgumentException("gold data not found: " + data);
        }
        ReaderProvider reader = Components.get().readers().get(format, Location.NONE);
        Options readerOptions = Options.of("data format '" + format + "'", Map.of(), reader.options());
        NerModel model = NerModel.load(modelDir);
        ModelMeta meta = ModelDir.read(modelDir, NerModel.FORMAT, NerModel.KIND);
        Device dev = DeviceSpec.parse(device).resolve(log::println);
        ErrorLog errors = new ErrorLog(null, log, OnError.SKIP);
        ReadSettings settings = new ReadSettings(null, ReadSettings.DEFAULT_MAX_LINE_BYTES, errors, new AtomicLong());
        long start = System.nanoTime();
        try (CorpusInput in = CorpusInput.open(data, null, true, reader, readerOptions, settings);
             Pipeline preprocess = preprocessing(meta);
             NerPredictor predictor = model.predictorOn(dev)) {
            Iterator<Document> docs = preprocess == null ? in : preprocess.process(in);
            long[] done = {0};
            long[] tagging = {0};
            Progress progress = new Progress(log, "docs", in.totalBytes(), in::bytesRead);
            Scores scores = EntityEvaluation.evaluate(docs, batch -> {
                long t = System.nanoTime();
                predictor.tag(batch, batchSize, false);
                tagging[0] += System.nanoTime() - t;
            }, n -> {
                done[0] = n;
                progress.update(n, "");
            });
            progress.finish();
            if (errors.warningSummary() != null) {
                log.println(errors.warningSummary());
            }
            return new Result(scores, done[0], (System.nanoTime() - start) / 1e9, tagging[0] / 1e9);
        }
    }

    /** The model's training-time preprocessing stages as a pipeline, or {@code null} when it had none. */
    @SuppressWarnings("unchecked")
    private static Pipeline preprocessing(ModelMeta meta) {
        Object stages = meta.get("stages");
        if (!(stages instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        Pipeline.Builder b = Pipeline.builder().name("ner-eval-preprocess");
        for (Object o : list) {
            Map<String, Object> s = (Map<String, Object>) o;
            Object with = s.get("with");
            b.add((String) s.get("type"), with instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        }
        return b.build();
    }
}
