package dev.nlpipe.core.model;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigErrors;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.StageChecks;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.io.BadRecordSink;
import dev.nlpipe.core.io.CorpusInput;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.io.InputFiles;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.InstanceLock;
import dev.nlpipe.core.io.LookedFor;
import dev.nlpipe.core.io.OutputTargets;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.run.DocumentStream;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.stage.Components;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One training run as a trainer sees it: its validated {@code model:} and {@code train:} options,
 * its data splits read through the input format and preprocessing stages, the model directory
 * being built, and a log. Everything is checked when the job is prepared, before any data is read.
 */
public final class TrainingJob implements AutoCloseable {
    private final TrainConfig config;
    private final TrainerProvider trainer;
    private final Options model;
    private final Options train;
    private final ReaderProvider reader;
    private final Options readerOptions;
    private final Pipeline preprocess;
    /** The stages as {@code model.json} records them, their files copied into the model when the job started. */
    private List<Map<String, Object>> recordedStages;
    private final Path output;
    private final PrintStream log;
    private final ErrorLog errors;
    private ModelDirWriter writer;
    private final List<PublishedStep> afterPublish = new ArrayList<>();
    private final List<Runnable> whenDone = new ArrayList<>();
    private volatile boolean published;

    private TrainingJob(TrainConfig config, TrainerProvider trainer, Options model, Options train, ReaderProvider reader,
                        Options readerOptions, Pipeline preprocess, Path output, PrintStream log) {
        this.config = config;
        this.trainer = trainer;
        this.model = model;
        this.train = train;
        this.reader = reader;
        this.readerOptions = readerOptions;
        this.preprocess = preprocess;
        this.output = output;
        this.log = log;
        this.errors = new ErrorLog(null, log, OnError.SKIP);
    }

    /**
     * Checks a training configuration completely — task, options, data files, input format,
     * preprocessing stages and their wiring — and prepares the job.
     *
     * @param config the parsed training file
     * @param output where the model directory will be written
     * @param log progress and messages (standard error)
     */
    public static TrainingJob prepare(TrainConfig config, Path output, PrintStream log) {
        Components components = Components.get();
        TrainerProvider trainer = components.trainers().get(config.task(), config.taskLocation());
        String owner = "task '" + config.task() + "'";
        // the mistakes of the output, the options, the data files and the format are reported together, as a pipeline
        // file's are, rather than one per run
        ConfigErrors errors = new ConfigErrors();
        String refused = ModelDirWriter.whyNotReplaceable(output);
        if (refused != null) {
            errors.add(new ConfigException(new Location("--output", 0, 0), refused));
        }
        Options model = errors.collect(() -> Options.validate(owner + " (model)", config.model(), config.location(), trainer.modelOptions(),
                "model"));
        Options train = errors.collect(() -> Options.validate(owner + " (train)", config.train(), config.location(), trainer.trainOptions(),
                "train"));
        // files are named by value (a lexicon list mixes names and files), so a pattern "." names the working directory: not a source
        Path here = Path.of("");
        for (Options options : Arrays.asList(model, train)) {
            if (options == null) {
                continue;
            }
            options.namedFiles().forEach((name, paths) -> {
                for (Path named : paths) {
                    boolean inside = OutputTargets.within(output, named);
                    boolean holds = OutputTargets.within(named, output);
                    if ((inside || holds) && !OutputTargets.within(here, named)) {
                        errors.add(outputOverOption(options, name, named, output, inside ? (holds ? " is " : " lies inside ") : " holds "));
                        break; // one error per option
                    }
                }
            });
        }
        for (String split : trainer.requiredSplits()) {
            if (!config.splits().containsKey(split)) {
                errors.add(new ConfigException(config.input().location(), owner + " needs data." + split + " (a file or directory)"));
            }
        }
        config.splits().forEach((split, path) -> {
            if (!trainer.readSplits().contains(split)) {
                errors.add(new ConfigException(config.splitLocations().getOrDefault(split, config.input().location()), "data." + split
                        + ": " + owner + " reads only data." + String.join(", data.", trainer.readSplits()) + " (it computes no scores on"
                        + " other data); remove data." + split + " (--set data." + split + "=)"));
                return;
            }
            ConfigException problem = dataProblem(split, path, config.splitLocations().get(split));
            if (problem != null) {
                errors.add(problem);
            } else if (Files.isDirectory(path) && OutputTargets.within(output, path)) {
                errors.add(outputInsideData(split, path, output));
            }
        });
        InputConfig in = config.input();
        ReaderProvider reader = errors.collect(() -> components.readers().get(in.format(), in.location()));
        Options readerOptions = reader == null ? null : errors.collect(() -> Options.validate("data format '" + in.format() + "'",
                in.formatOptions(), in.location(), reader.options(), "data", TrainConfig.DATA_KEYS));
        // the stages' own mistakes join the others
        List<StageChecks.Checked> checked = StageChecks.check(config.stages(), components, errors);
        errors.throwIfAny();
        if (trainer.requires(model).contains(Layer.ENTITIES)) {
            refuseStagesAddingEntities(config.stages(), checked, owner);
        }
        Set<Layer> inputLayers = reader.mayProvideAnyLayer() ? null : reader.provides(readerOptions);
        Pipeline preprocess = Pipeline.ofStages(config.task() + "-preprocess", config.stages(), inputLayers);
        Set<Layer> available = preprocess.layersOut();
        if (available != null) {
            for (Layer need : trainer.requires(model)) {
                if (!available.contains(need)) {
                    preprocess.close();
                    // gold entities come with the data, never from a stage (one that adds entities is refused above)
                    throw new ConfigException(config.taskLocation(), owner + " needs the '" + need.key() + "' layer on its training"
                            + " documents; " + (need == Layer.ENTITIES ? "data.format '" + config.input().format() + "' carries no gold"
                            + " entities: set data.format to bmes, conll, cluener or jsonl (with an entities field), as the data is"
                            : "add a stage that provides it under 'stages:' (see `nlpipe list`)"));
                }
            }
        }
        return new TrainingJob(config, trainer, model, train, reader, readerOptions, preprocess, output, log);
    }

    /**
     * A task that learns from the gold entities may not run a stage that adds entities of its own
     * ({@code segment.hanlp} with {@code entities: true}): they would join the gold ones as labels,
     * and an evaluation behind the same stages would count them as gold.
     */
    private static void refuseStagesAddingEntities(List<StageConfig> stages, List<StageChecks.Checked> checked, String owner) {
        for (int i = 0; i < stages.size(); i++) {
            StageChecks.Checked c = checked.get(i);
            if (c != null && c.provider().provides(c.options()).contains(Layer.ENTITIES)) {
                throw new ConfigException(stages.get(i).location(), "stage '" + stages.get(i).id() + "' adds entities of its own, which "
                        + owner + " would take for gold entities (labels to learn, and to score against); leave them off here"
                        + " (segment.hanlp: entities: false) and run that stage in a pipeline instead");
            }
        }
    }

    /**
     * An output inside a split's directory: a rerun would read the last run's model files (its
     * {@code vectors.txt} as text), lock file and temporary directory as training data. Refused even
     * when the glob would pass them over today, since a glob edited later would not.
     */
    private static ConfigException outputInsideData(String split, Path dir, Path output) {
        return new ConfigException(new Location("--output", 0, 0), output + " lies inside the directory of data." + split
                + " (" + dir + "), which training reads: the next run would read this model's files as training data. Give an"
                + " --output outside data." + split + ", e.g. beside it");
    }

    /**
     * An output that is, holds or lies inside what an option reads (the encoder a continued
     * pre-training starts from, a vocabulary, a word list): the run would replace its own source,
     * and the model's provenance would name itself, as {@code nlpipe model import} refuses too.
     */
    private static ConfigException outputOverOption(Options options, String name, Path named, Path output, String relation) {
        return new ConfigException(new Location("--output", 0, 0), output + relation + options.written(name) + " (" + named
                + "), which this training reads: the run would replace what it reads. Give another --output directory");
    }

    /** What keeps a data split from being read (missing, unreadable), or {@code null}. */
    private static ConfigException dataProblem(String split, Path path, Location at) {
        if (!Files.exists(path)) {
            String hint = path.toString().contains("shared/data")
                    ? " (the public data sets are expected in ../shared/data beside the repository; see docs/data.md)" : "";
            return new ConfigException(at, "data." + split + ": not found: " + path + LookedFor.from(path) + hint + "; point it elsewhere with --set data."
                    + split + "=PATH");
        }
        if (!Files.isReadable(path)) {
            return new ConfigException(at, "data." + split + ": not readable: " + path);
        }
        return null;
    }

    /** Runs the trainer and publishes the model directory; on failure nothing is left behind. */
    public void run() throws IOException {
        run(trainer::train);
    }

    /** The work of {@link #run(Body)}: writes the model files into {@link #dir()}. */
    @FunctionalInterface
    public interface Body {
        void train(TrainingJob job) throws IOException;
    }

    /**
     * Runs {@code body} in place of the task's trainer, with the same model directory handling
     * (written aside, published only when complete, removed on failure; the output claimed with an
     * {@link InstanceLock} against a second training into it): for fits whose counting
     * runs elsewhere, such as a vectorizer fitted on Spark, which then write their directory with
     * the trainer's own code.
     */
    public void run(Body body) throws IOException {
        Options t = train();
        if (hasSplit("dev") && t.declares("devFraction") && t.isSet("devFraction") && t.getDouble("devFraction") > 0) {
            // the trainers hold dev out only without data.dev: the option would otherwise do nothing, unseen
            log.printf(java.util.Locale.ROOT, "warning: train.devFraction %s holds nothing out, as data.dev %s is the dev data;"
                    + " give --set data.dev= to hold dev out of the training data instead%n", t.getDouble("devFraction"), splitPath("dev"));
        }
        try (InstanceLock claim = InstanceLock.acquireModel(output)) {
            runClaimed(body);
        }
    }

    /** {@link #run(Body)} once the output is this run's alone. */
    private void runClaimed(Body body) throws IOException {
        writer = ModelDirWriter.create(output);
        try {
            // copied now, as the stages read them when they were built: a file edited during a long training is not the one used
            recordedStages = ModelPreprocessing.record(config.stages(), writer.dir());
            body.train(this);
            if (!Files.exists(writer.dir().resolve(ModelDir.MODEL_JSON))) {
                throw new IllegalStateException("trainer '" + trainer.name() + "' wrote no model.json");
            }
            writer.commit();
            published = true;
            for (PublishedStep step : afterPublish) {
                runAfterPublish(step);
            }
        } finally {
            writer.abort();
            for (Runnable r : whenDone) {
                r.run();
            }
        }
    }

    /**
     * Runs {@code step} when {@link #run(Body)} ends, published or failed, on its thread: a training
     * loop holds the process's shutdown gate until the model is written, not only while it trains.
     */
    public void whenDone(Runnable step) {
        whenDone.add(step);
    }

    /** A step that fails after publishing leaves a complete model: the run succeeded, so it warns rather than fails. */
    private void runAfterPublish(PublishedStep step) {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            log.println("warning: the model is complete in " + output + ", but cleaning up after it failed (" + e
                    + "); what is left can be removed by hand");
        }
    }

    /**
     * Whether the model directory has been published: from then on an interrupt or a failed clean-up
     * step loses nothing. Safe to read from another thread (an interrupt handler).
     */
    public boolean published() {
        return published;
    }

    /**
     * Runs {@code step} once the model directory is published, such as removing the training's
     * checkpoint: until then an interrupted or failed run still has its checkpoint to resume from.
     */
    public void afterPublish(PublishedStep step) {
        afterPublish.add(step);
    }

    /** A step of {@link #afterPublish}. */
    @FunctionalInterface
    public interface PublishedStep {
        void run() throws IOException;
    }

    /** The trainer's {@code model:} options. */
    public Options model() {
        return model;
    }

    /** The trainer's {@code train:} options. */
    public Options train() {
        return train;
    }

    public TrainConfig config() {
        return config;
    }

    /** Whether a data split was given. */
    public boolean hasSplit(String split) {
        return config.splits().containsKey(split);
    }

    /** The path of a data split, or {@code null}. */
    public Path splitPath(String split) {
        return config.splits().get(split);
    }

    /** The error for a split that gave no documents: the file is empty, or every record is blank or bad. */
    public ConfigException noDocuments(String split) {
        return dataError(split, "no documents in " + splitPath(split) + " (the file is empty, or every record is blank or bad; check the"
                + " path and data.format)");
    }

    /** A configuration error about a data split, located where the training file names it. */
    public ConfigException dataError(String split, String problem) {
        Location at = config.splitLocations().getOrDefault(split, config.input().location());
        return new ConfigException(at, "data." + split + ": " + problem);
    }

    /**
     * Checks before training that a split, when given, holds gold annotations to score against: its
     * records are read (without the preprocessing stages, which add no gold) up to the first that
     * {@code gold} accepts, so a test split without labels is refused now rather than after the
     * training it would be scored on.
     *
     * @param what the annotations, for the error ("gold entities", "labels")
     */
    public void requireGold(String split, Predicate<Document> gold, String what) throws IOException {
        Path path = splitPath(split);
        if (path == null) {
            return;
        }
        boolean[] found = {false};
        long n = scan(split, d -> !(found[0] = gold.test(d)));
        if (!found[0]) {
            throw dataError(split, path + " holds " + (n == 0 ? "no documents" : n + " documents and no " + what) + " read as "
                    + config.input().format() + ": nothing to score against. A split without labels (such as CLUENER's test.json)"
                    + " cannot be scored; leave it out (--set data." + split + "=) or check data.format and its options");
        }
    }

    /**
     * Reads a split's documents as the input format gives them (no preprocessing stages), for
     * checks before training; bad records are skipped silently, as they are reported when the
     * split is read for real.
     *
     * @param more takes each document and says whether to read on
     * @return the documents read; 0 when the split is not given
     */
    public long scan(String split, Predicate<Document> more) throws IOException {
        Path path = splitPath(split);
        if (path == null) {
            return 0;
        }
        InputConfig in = config.input();
        long n = 0;
        try (CorpusInput input = CorpusInput.open(path, in.glob(), in.recursive(), reader, readerOptions, readSettings(record -> { }))) {
            while (input.hasNext()) {
                n++;
                if (!more.test(input.next())) {
                    break;
                }
            }
        }
        return n;
    }

    /**
     * Streams a split's documents through the input format and the preprocessing stages (on
     * {@code threads} background workers when there are stages). Unreadable records are logged and skipped;
     * warnings (records read as they are that look wrong) are logged and counted.
     */
    public DocumentStream documents(String split, int threads) throws IOException {
        Path path = config.splits().get(split);
        if (path == null) {
            throw new IllegalArgumentException("no data." + split + " in the training configuration");
        }
        InputConfig in = config.input();
        CorpusInput input = CorpusInput.open(path, in.glob(), in.recursive(), reader, readerOptions, readSettings(errors));
        return DocumentStream.open(input, preprocess.stages(), threads, errors);
    }

    /** How the splits are read: a record too long for the line limit names the training file's {@code data.maxLineLength}. */
    private ReadSettings readSettings(BadRecordSink sink) {
        InputConfig in = config.input();
        return new ReadSettings(in.language(), in.maxLineLength(), sink, new AtomicLong(), ReadSettings.DATA_MAX_LINE_KEY);
    }

    /** Every document of a split, as {@link #documents} streams it on all cores, in file order. */
    public List<Document> readAll(String split) throws IOException {
        List<Document> out = new ArrayList<>();
        try (DocumentStream in = documents(split, Runtime.getRuntime().availableProcessors())) {
            while (in.hasNext()) {
                out.add(in.next());
            }
        }
        return out;
    }

    /** The preprocessing pipeline (for trainers that store it with the model or apply it themselves). */
    public Pipeline preprocess() {
        return preprocess;
    }

    /** The directory to write model files into (published under the output path on success). */
    public Path dir() {
        if (writer == null) {
            throw new IllegalStateException("the job has not started");
        }
        return writer.dir();
    }

    /** The final model directory path. */
    public Path output() {
        return output;
    }

    public PrintStream log() {
        return log;
    }

    /** Records that could not be read so far. */
    public long badRecords() {
        return errors.count();
    }

    /**
     * Records read as they are that look wrong so far (a {@code bmes} token longer than one
     * character, say); the first few were printed to the log as they came.
     */
    public long warnings() {
        return errors.warnings();
    }

    /** A closing line on the warnings (how many in all), or {@code null} when there were none. */
    public String warningSummary() {
        return errors.warningSummary();
    }

    /**
     * A {@code model.json} record for this job: kind and format version, provenance, the task, the
     * resolved options, the preprocessing stages and a fingerprint of every data file read.
     */
    public ModelMeta newMeta(String kind, int formatVersion) throws IOException {
        ModelMeta m = ModelMeta.create(kind, formatVersion);
        m.put("task", config.task());
        m.put("model", model.asMap());
        m.put("train", train.asMap());
        if (recordedStages == null) {
            throw new IllegalStateException("the job has not started"); // run() records the stages before the trainer runs
        }
        m.put(ModelPreprocessing.KEY, recordedStages);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("format", config.input().format());
        InputConfig in = config.input();
        for (Map.Entry<String, Path> split : config.splits().entrySet()) {
            // the files the split's reader lists (its glob, recursion, no hidden files), not all a directory holds
            List<Path> read = InputFiles.list(split.getValue(), in.glob(), in.recursive()).stream().map(InputSource::path).toList();
            data.put(split.getKey(), Provenance.fingerprint(read));
        }
        m.put("data", data);
        m.put(TrainingInput.KEY, TrainingInput.describe(config.input()));
        if (config.source() != null) {
            m.put("config", config.source().toString());
        }
        return m;
    }

    /** Writes {@code metrics.json} (dev and test scores, training time, throughput) into the model directory. */
    public void writeMetrics(Map<String, Object> metrics) throws IOException {
        ModelDir.writeJson(dir().resolve(ModelDir.METRICS_JSON), metrics);
    }

    @Override
    public void close() {
        preprocess.close();
    }
}
