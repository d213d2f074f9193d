package dev.nlpipe.ner;

import ai.djl.Device;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.eval.Scores;
import dev.nlpipe.core.eval.SpanF1;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.data.TaggedData;
import dev.nlpipe.ner.data.Units;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Seeds;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The steps every neural named-entity trainer takes around its own network: starting the engine,
 * reading the training and dev data, scoring dev predictions, the hardware and speed metrics and
 * the test evaluation of the finished model.
 */
public final class NerTraining {
    /** Sequences per forward pass when evaluating. */
    public static final int EVAL_BATCH = 64;

    private NerTraining() {
    }

    /**
     * The training data and the dev data (from {@code data.dev}, or held out with {@code devFraction}).
     *
     * @param train the training sequences, with at least one gold entity
     * @param dev the dev sequences, or {@code null}
     */
    public record Splits(TaggedData train, TaggedData dev) {
    }

    /** Loads the engine with the configured threads, resolves the device and logs both. */
    public static Device startEngine(TrainSettings settings, PrintStream log) {
        NeuralEngine.get();
        NeuralEngine.setThreads(settings.threads());
        Device device = settings.device().resolve(log::println);
        log.printf("engine: PyTorch %s on DJL %s, %d thread(s) per operation%n", NeuralEngine.versions().get("pytorch"),
                NeuralEngine.versions().get("djl"), NeuralEngine.threads());
        return device;
    }

    /**
     * Reads {@code data.train} and the dev data, checks that there is text and gold entities to
     * learn from, and logs their sizes.
     *
     * @param unit the unit's name in the log ({@code char}, {@code token})
     */
    public static Splits read(TrainingJob job, TrainSettings settings, Units units, String unit) throws IOException {
        PrintStream log = job.log();
        TaggedData train = TaggedData.read(job, "train", units);
        TaggedData dev = null;
        if (job.hasSplit("dev")) {
            dev = TaggedData.read(job, "dev", units);
        } else if (settings.devFraction() > 0) {
            TaggedData[] parts = train.holdOut(settings.devFraction(), Seeds.random(settings.seed(), "dev-split"));
            train = parts[0];
            dev = parts[1];
            log.printf("no data.dev: holding out %d of the training documents as dev data (devFraction %s)%n", dev.docs().size(),
                    settings.devFraction());
        }
        if (train.sequences().isEmpty()) {
            throw new IllegalStateException("data.train " + job.splitPath("train") + " holds no text to train on");
        }
        if (train.types().isEmpty()) {
            throw new IllegalStateException("data.train " + job.splitPath("train") + " has no gold entities; check data.format (bmes, conll,"
                    + " cluener) and the tag column");
        }
        log.printf(Locale.ROOT, "data: %,d training sequences (%,d %ss)%s; entity types %s; gold entities %d exact, %d shrunk to %s"
                        + " boundaries, %d dropped (overlapping or between units)%n", train.sequences().size(), train.unitCount(),
                unit, dev == null ? "" : String.format(Locale.ROOT, ", %,d dev sequences", dev.sequences().size()), train.types(),
                train.alignment().aligned(), train.alignment().misaligned(), unit, train.alignment().dropped());
        return new Splits(train, dev);
    }

    /** Span F1, precision and recall of predicted spans against the gold spans, sequence by sequence. */
    public static Map<String, Double> spanScores(List<List<TagScheme.TokenSpan>> gold, List<List<TagScheme.TokenSpan>> predicted) {
        SpanF1 f1 = new SpanF1();
        for (int i = 0; i < gold.size(); i++) {
            f1.add(gold.get(i).stream().map(SpanF1.Span::of).toList(), predicted.get(i).stream().map(SpanF1.Span::of).toList());
        }
        Scores s = f1.scores();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("f1", s.f1());
        m.put("precision", s.precision());
        m.put("recall", s.recall());
        return m;
    }

    /** The loop's metrics (training speed as {@code trainSentencesPerSecond}) and the hardware they were measured on. */
    public static Map<String, Object> metrics(TrainingResult result, Device device) {
        Map<String, Object> m = result.metrics("trainSentencesPerSecond");
        Map<String, Object> hw = new LinkedHashMap<>();
        hw.put("device", device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu");
        hw.put("threads", NeuralEngine.threads());
        hw.put("cpus", Runtime.getRuntime().availableProcessors());
        hw.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("hardware", hw);
        return m;
    }

    /**
     * Tags {@code data.test} with the finished model, logs the score table, adds the tagging speed
     * ({@code testSentencesPerSecond}) to {@code metrics} and returns the scores.
     *
     * @param tagger the entities of each document of a batch
     */
    public static Map<String, Object> test(TrainingJob job, Units units, Function<List<Document>, List<List<Entity>>> tagger,
                                           Map<String, Object> metrics) throws IOException {
        TaggedData test = TaggedData.read(job, "test", units);
        long t0 = System.nanoTime();
        Scores scores = EntityEvaluation.evaluate(test.docs().iterator(), tagger, n -> { });
        double secs = (System.nanoTime() - t0) / 1e9;
        metrics.put("testSentencesPerSecond", Math.round(test.sequences().size() / secs * 10) / 10.0);
        job.log().print("test (" + job.splitPath("test") + "):\n" + scores.table());
        return scores.toMap();
    }
}
