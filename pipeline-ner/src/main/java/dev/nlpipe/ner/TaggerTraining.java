package dev.nlpipe.ner;

import ai.djl.Device;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.eval.Scores;
import dev.nlpipe.core.eval.SpanF1;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Provenance;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.data.SequenceWindows;
import dev.nlpipe.ner.data.TagSet;
import dev.nlpipe.ner.data.TaggedData;
import dev.nlpipe.ner.data.Units;
import dev.nlpipe.nn.DevScores;
import dev.nlpipe.nn.DeviceSpec;
import dev.nlpipe.nn.HeldOut;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The steps every neural sequence-tagger trainer of this module takes around its own network:
 * starting the engine, reading and checking the training and dev data, scoring dev paths, timing
 * and scoring the test split, and the shared parts of {@code model.json} and the metrics.
 */
public final class TaggerTraining {
    private TaggerTraining() {
    }

    /**
     * The training and dev data: {@code dev} is {@code data.dev}, a held-out share of the training
     * documents ({@code devFraction}), or {@code null}.
     *
     * @param train the training data, with text and gold entities
     * @param dev the dev data, or {@code null}
     * @param types the entity types of the training data
     */
    public record Splits(TaggedData train, TaggedData dev, Set<String> types) {
    }

    /**
     * Threads per operation a recurrent tagger (BiLSTM-CRF, Lattice LSTM) trains with when
     * {@code train.threads} is 0: its steps are small kernels whose hand-offs between threads cost
     * more than they share. Two epochs of Resume on an idle 2-core machine: BiLSTM-CRF 213-231
     * sentences/s on one thread against 111-122 on two, Lattice LSTM 67 against 30 (docs/benchmarks.md).
     */
    public static final int RECURRENT_THREADS = 1;

    /** Threads per operation the other taggers train with when {@code train.threads} is 0: every core. */
    public static final int ALL_CORES = 0;

    /**
     * Starts the engine with the configured threads, resolves the device and logs both.
     *
     * @param settings the training settings; their {@code threads}, when above 0, win
     * @param threadsWhenAuto threads per operation when {@code train.threads} is 0: {@link #RECURRENT_THREADS} or {@link #ALL_CORES}
     * @param log where the engine line goes
     * @return the device to train on
     */
    public static Device start(TrainSettings settings, int threadsWhenAuto, PrintStream log) {
        NeuralEngine.get();
        boolean auto = settings.threads() == 0;
        NeuralEngine.setThreads(auto ? threadsWhenAuto : settings.threads());
        Device device = settings.device().resolve(log::println);
        log.printf("engine: PyTorch %s on DJL %s, %d thread(s) per operation%s%n", NeuralEngine.versions().get("pytorch"),
                NeuralEngine.versions().get("djl"), NeuralEngine.threads(),
                auto && threadsWhenAuto > 0 ? " (what this recurrent model trains fastest with; --set train.threads=N to change)" : "");
        return device;
    }

    /**
     * Reads {@code data.train} and the dev data, checks that there is text with gold entities, and
     * logs their sizes and how the gold entities fitted the units.
     *
     * @param unit what a unit is called in the log ({@code char}, {@code token})
     */
    public static Splits read(TrainingJob job, TrainSettings settings, Units units, String unit, PrintStream log) throws IOException {
        Splits s = split(job, settings, units, log);
        TaggedData train = s.train();
        TaggedData dev = s.dev();
        log.printf(Locale.ROOT, "data: %,d training sequences (%,d %ss)%s; entity types %s; %s%n", train.sequences().size(),
                train.unitCount(), unit, dev == null ? "" : String.format(Locale.ROOT, ", %,d dev sequences", dev.sequences().size()),
                s.types(), fit(train, unit));
        warnDevAlignment(dev, unit, log);
        return s;
    }

    /** How the data's gold entities fitted the units: {@code gold entities N exact, N shrunk to char boundaries, N dropped (...)}. */
    public static String fit(TaggedData data, String unit) {
        return String.format(Locale.ROOT, "gold entities %d exact, %d shrunk to %s boundaries, %d dropped (overlapping, between units or"
                + " across sentences)", data.alignment().aligned(), data.alignment().misaligned(), unit, data.alignment().dropped());
    }

    /**
     * The dev sequences (none without dev data) in the windows of at most {@code limit} units that
     * tagging reads them in, so that dev F1 is what {@code eval ner} gives; says how many were cut.
     */
    public static SequenceWindows devWindows(TaggedData dev, int limit, PrintStream log) {
        SequenceWindows windows = SequenceWindows.of(dev == null ? List.of() : dev.sequences(), limit);
        int cut = windows.cutSequences();
        if (cut > 0) {
            log.printf(Locale.ROOT, "dev: %,d sequence%s longer than %,d units scored in the overlapping windows tagging reads %s in%n",
                    cut, cut == 1 ? "" : "s", limit, cut == 1 ? "it" : "them");
        }
        return windows;
    }

    /**
     * Warns when training sequences are longer than {@code limit} units, which a tagger that reads
     * each whole in one forward pass (all of a long one's encoder windows at once) holds in memory
     * together: one record of a book without line breaks can exhaust a GPU's memory whatever the
     * batch size.
     */
    public static void warnLongTraining(TaggedData train, int limit, PrintStream log) {
        long longer = train.sequences().stream().filter(s -> s.length() > limit).count();
        if (longer > 0) {
            int longest = train.sequences().stream().mapToInt(s -> s.length()).max().orElse(0);
            log.printf(Locale.ROOT, "warning: train: %,d sequence%s longer than %,d units (the longest %,d) %s read whole, all %s"
                    + " windows in one forward pass, so memory grows with %s length; split long records (stages: [sentence.split],"
                    + " or one sentence per line)%n", longer, longer == 1 ? "" : "s", limit, longest, longer == 1 ? "is" : "are",
                    longer == 1 ? "its" : "their", longer == 1 ? "its" : "their");
        }
    }

    /** Says how the dev data's gold entities fitted the units when some did not, as dev F1 leaves those out. */
    public static void warnDevAlignment(TaggedData dev, String unit, PrintStream log) {
        if (dev != null && (dev.alignment().misaligned() > 0 || dev.alignment().dropped() > 0)) {
            // dev F1 is scored against these units' spans, so it counts neither and can read above eval ner's on the same file
            log.printf(Locale.ROOT, "dev: %s: dev F1 leaves the dropped ones out; `nlpipe eval ner` scores every one%n", fit(dev, unit));
        }
    }

    /**
     * Reads {@code data.train} and the dev data ({@code data.dev}, or a held-out share of the
     * training documents, which is logged) and checks that there is text with gold entities; a
     * trainer that logs the sizes its own way calls this instead of {@link #read}.
     */
    public static Splits split(TrainingJob job, TrainSettings settings, Units units, PrintStream log) throws IOException {
        List<Document> trainDocs = job.readAll("train");
        TaggedData dev = null;
        if (job.hasSplit("dev")) {
            dev = TaggedData.read(job, "dev", units);
        } else if (settings.devFraction() > 0) {
            HeldOut<Document> parts = HeldOut.of(trainDocs, settings, log);
            trainDocs = parts.train();
            // none held out (a tiny devFraction of a small file): no dev data, as the hold-out's warning says
            dev = parts.dev().isEmpty() ? null : TaggedData.of(parts.dev(), units);
        }
        // the units of each document are made once, after the hold-out
        TaggedData train = TaggedData.of(trainDocs, units);
        if (train.sequences().isEmpty()) {
            throw job.dataError("train", job.splitPath("train") + " holds no text to train on");
        }
        Set<String> types = train.types();
        if (types.isEmpty()) {
            throw job.dataError("train", job.splitPath("train") + " has no gold entities; check data.format (bmes, conll, cluener) and"
                    + " the tag column");
        }
        if (dev != null && dev.types().isEmpty()) {
            // dev F1 would be 0 every epoch: early stopping would keep epoch 1, and the advice for a 0 score would mislead
            throw job.hasSplit("dev")
                    ? job.dataError("dev", job.splitPath("dev") + " has no gold entities; check it is read with the training data's format"
                            + " and tag column")
                    : job.dataError("train", "train.devFraction " + settings.devFraction() + " held out " + dev.docs().size() + " of the"
                            + " training documents, with no gold entities among them; give data.dev, or a larger devFraction (a training"
                            + " file of few long documents holds out few)");
        }
        if (dev != null) {
            checkTypes(job, "dev", types, dev.types(), log);
        }
        // the test split is scored after training: one without entities, or of other types, would score 0 then, hours later
        job.requireGold("test", d -> d.entities() != null && !d.entities().isEmpty(), "gold entities");
        if (job.hasSplit("test")) {
            Set<String> testTypes = new TreeSet<>();
            job.scan("test", d -> {
                if (d.entities() != null) {
                    d.entities().forEach(e -> testTypes.add(e.type()));
                }
                return true;
            });
            checkTypes(job, "test", types, testTypes, log);
        }
        return new Splits(train, dev, types);
    }

    /**
     * Dev or test entity types the training data never has cannot be found: with none in common (an
     * example's dev or test split left in place beside one's own training data) the split's F1 is 0
     * (for dev, early stopping would keep the first epoch), so that is refused; some missing is
     * warned about.
     */
    private static void checkTypes(TrainingJob job, String split, Set<String> trainTypes, Set<String> splitTypes, PrintStream log) {
        Set<String> unseen = new TreeSet<>(splitTypes);
        unseen.removeAll(trainTypes);
        if (unseen.isEmpty()) {
            return;
        }
        if (unseen.size() == splitTypes.size()) {
            throw job.dataError(split, "the " + split + " data's entity types " + unseen + " never occur in the training data's "
                    + new TreeSet<>(trainTypes) + ": " + split + " F1 would stay 0. Is data." + split + " another corpus's (an example's"
                    + " left in place)? Give your own with --set data." + split + "=FILE, or --set data." + split + "= to "
                    + (split.equals("dev") ? "hold dev out of the training data" : "score no test split"));
        }
        log.printf(Locale.ROOT, "warning: %s entity types %s never occur in the training data: the model cannot find them, and"
                + " they count against %s recall%n", split, unseen, split);
    }

    /**
     * {@link #devScores(TaggedData, Supplier, String, PrintStream)} for a tagger that predicts tag
     * paths: {@code paths} gives one per window of {@code windows}, decoded with {@code tags} and
     * merged back into the dev sequences' spans.
     */
    public static DevScores devScores(TaggedData dev, SequenceWindows windows, TagSet tags, Supplier<int[][]> paths, String advice,
                                      PrintStream log) {
        return devScores(dev, () -> windows.mergeSpans(Arrays.stream(paths.get()).map(tags::decode).toList()), advice, log);
    }

    /**
     * A tagger's dev scores while it trains ({@code Trainable.evaluate}): unit-level span scores of
     * what it finds against the gold spans, watched by a {@link PrecisionWatch} that logs
     * {@code advice} when precision stays far below recall; no scores without dev data.
     *
     * @param dev the dev data, or {@code null}
     * @param found decodes the dev sequences in inference mode, in order
     */
    public static DevScores devScores(TaggedData dev, Supplier<List<List<TagScheme.TokenSpan>>> found, String advice, PrintStream log) {
        if (dev == null) {
            return Map::of;
        }
        PrecisionWatch watch = new PrecisionWatch(advice);
        return new DevScores() {
            @Override
            public Map<String, Double> get() {
                return watch.check(spanScores(dev.gold(), found.get()), log);
            }

            @Override
            public void replay(Map<String, Double> earlier) {
                watch.replay(earlier);
            }
        };
    }

    /** Unit-level span scores ({@code f1}, {@code precision}, {@code recall}) of found spans against gold, sequence by sequence. */
    public static Map<String, Double> spanScores(List<List<TagScheme.TokenSpan>> gold, List<List<TagScheme.TokenSpan>> found) {
        SpanF1 f1 = new SpanF1();
        for (int i = 0; i < found.size(); i++) {
            f1.add(gold.get(i).stream().map(SpanF1.Span::of).toList(), found.get(i).stream().map(SpanF1.Span::of).toList());
        }
        Scores s = f1.scores();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("f1", s.f1());
        m.put("precision", s.precision());
        m.put("recall", s.recall());
        return m;
    }

    /** The training metrics with the hardware they were measured on. */
    public static Map<String, Object> metrics(TrainingResult result, Device device) {
        Map<String, Object> m = result.metrics("trainSentencesPerSecond");
        m.put("hardware", hardware(device));
        return m;
    }

    /** What the metrics were measured on: the device, the engine's threads, the CPUs and the OS. */
    public static Map<String, Object> hardware(Device device) {
        Map<String, Object> hw = new LinkedHashMap<>();
        hw.put("device", DeviceSpec.nameOf(device));
        hw.put("threads", NeuralEngine.threads());
        hw.put("cpus", Runtime.getRuntime().availableProcessors());
        hw.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return hw;
    }

    /**
     * Tags {@code data.test} with the trained model, logs the score table, records the tagging speed
     * ({@code testSentencesPerSecond}) in {@code metrics} and returns the scores.
     *
     * @param tagger the entities of each document
     */
    public static Map<String, Object> test(TrainingJob job, Units units, Function<List<Document>, List<List<Entity>>> tagger,
                                           PrintStream log, Map<String, Object> metrics) throws IOException {
        TaggedData test = TaggedData.read(job, "test", units);
        long t0 = System.nanoTime();
        Scores scores = EntityEvaluation.evaluate(test.docs().iterator(), tagger, n -> { });
        double secs = (System.nanoTime() - t0) / 1e9;
        metrics.put("testSentencesPerSecond", Math.round(test.sequences().size() / secs * 10) / 10.0);
        log.print("test (" + job.splitPath("test") + "):\n" + scores.table());
        return scores.toMap();
    }

    /** Records the seed, the engine versions, the training summary and the metrics in {@code model.json}. */
    public static void describe(ModelMeta meta, TrainSettings settings, TrainingResult result, Device device, Map<String, Object> metrics) {
        meta.put("seed", settings.seed());
        Provenance.addVersions(meta, NeuralEngine.versions());
        Map<String, Object> training = result.summary();
        training.put("device", DeviceSpec.nameOf(device));
        meta.put("training", training);
        meta.put("metrics", metrics);
    }

}
