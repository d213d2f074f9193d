package dev.nlpipe.ner.bilstm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.eval.Scores;
import dev.nlpipe.core.eval.SpanF1;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Provenance;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.nn.Checkpoints;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Seeds;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.Trainable;
import dev.nlpipe.nn.TrainingLoop;
import dev.nlpipe.nn.TrainingResult;
import dev.nlpipe.ner.EntityEvaluation;
import dev.nlpipe.ner.PrecisionWatch;
import dev.nlpipe.ner.data.TagSet;
import dev.nlpipe.ner.data.TaggedData;
import dev.nlpipe.ner.data.UnitSequence;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code task: ner.bilstm-crf}: trains a BiLSTM-CRF named-entity tagger from documents with gold
 * entities (formats {@code bmes}, {@code conll}, {@code cluener}, or JSON lines with entities),
 * selects the epoch with the best dev F1, evaluates on {@code data.test} and writes the model
 * directory with its metrics and training curves.
 */
public final class BiLstmCrfTrainer implements TrainerProvider {
    /** The task name. */
    public static final String NAME = "ner.bilstm-crf";
    /** Sequences per forward pass when evaluating. */
    static final int EVAL_BATCH = 64;
    /** What {@link PrecisionWatch} suggests for this tagger. */
    private static final String ADVICE = "Try: model.unkReplace 0.5 (the default: characters, bigrams and words seen once read as"
            + " unknown half the time, so the unknown vectors are trained) or model.minCount 2; model.bigramDropout 0.1 and"
            + " model.wordDropout 0.1; pretrained vectors from text of the same kind (model.embeddings, model.bigramEmbeddings)."
            + " See docs/ner.md#unknown-characters-and-low-precision.";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "BiLSTM-CRF named-entity tagger (characters for Chinese, tokens + character CNN for English) on DJL/PyTorch";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        return BiLstmCrfSpec.options();
    }

    @Override
    public List<OptionSpec> trainOptions() {
        return TrainSettings.options(Map.of("batchSize", 16, "epochs", 30, "patience", 5));
    }

    @Override
    public Set<Layer> requires(Options model) {
        Set<Layer> need = EnumSet.of(Layer.ENTITIES);
        if (model.getString("unit").equals("token") || model.getInt("segDim") > 0) {
            need.add(Layer.TOKENS);
        }
        return need;
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        BiLstmCrfSpec spec = BiLstmCrfSpec.from(job.model());
        TrainSettings settings = TrainSettings.from(job.train());
        PrintStream log = job.log();
        NeuralEngine.get();
        NeuralEngine.setThreads(settings.threads());
        Device device = settings.device().resolve(log::println);
        log.printf("engine: PyTorch %s on DJL %s, %d thread(s) per operation%n", NeuralEngine.versions().get("pytorch"),
                NeuralEngine.versions().get("djl"), NeuralEngine.threads());

        TaggedData train = TaggedData.read(job, "train", spec.units(NAME));
        TaggedData dev = null;
        if (job.hasSplit("dev")) {
            dev = TaggedData.read(job, "dev", spec.units(NAME));
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
        Set<String> types = train.types();
        if (types.isEmpty()) {
            throw new IllegalStateException("data.train " + job.splitPath("train") + " has no gold entities; check data.format (bmes, conll,"
                    + " cluener) and the tag column");
        }
        log.printf(Locale.ROOT, "data: %,d training sequences (%,d %ss)%s; entity types %s; gold entities %d exact, %d shrunk to %s"
                        + " boundaries, %d dropped (overlapping or between units)%n", train.sequences().size(), train.unitCount(),
                spec.unit(), dev == null ? "" : String.format(Locale.ROOT, ", %,d dev sequences", dev.sequences().size()), types,
                train.alignment().aligned(), train.alignment().misaligned(), spec.unit(), train.alignment().dropped());
        warnAboutWordFeatures(spec, train, log);
        String untrained = untrainedUnknowns(spec);
        if (untrained != null) {
            log.println("warning: " + untrained + " never trained (model.minCount 1, unkReplace 0, no dropout): at test"
                    + " time everything unseen in training reads one random vector, harmless on text like the training data, many"
                    + " false positives on other text. Leave model.unkReplace at its default 0.5 or set model.minCount 2;"
                    + " docs/ner.md#unknown-characters-and-low-precision");
        }

        Featurizer trainingUnits = Featurizer.build(spec, train.sequences(), types);
        PretrainedTable pretrained = PretrainedTable.load(spec, trainingUnits, settings.seed(), log);
        Featurizer featurizer = pretrained.featurizer();
        ModelMeta meta = job.newMeta(BiLstmCrfModel.KIND, BiLstmCrfModel.FORMAT);
        try (Params params = new Params(device, true)) {
            BiLstmCrfNetwork network = BiLstmCrfNetwork.create(spec, featurizer, params, pretrained.unitTable(), pretrained.bigramTable(),
                    Seeds.random(settings.seed(), "init"));
            if (spec.freezeEmbeddings() && pretrained.unitTable() != null) {
                params.freeze("emb.unit");
            }
            if (spec.freezeEmbeddings() && pretrained.bigramTable() != null) {
                params.freeze("emb.bigram");
            }
            if (settings.sparseEmbeddings()) {
                List<String> byRows = new ArrayList<>();
                for (String table : List.of("emb.unit", "emb.bigram", "emb.char")) {
                    if (params.has(table) && params.isTrainable(table)) {
                        params.updateByRows(table);
                        byRows.add(table);
                    }
                }
                log.println("sparseEmbeddings: updating only the rows each batch reads of " + byRows);
            }
            List<Example> trainExamples = encode(featurizer, train);
            List<Example> devExamples = dev == null ? List.of() : encode(featurizer, dev);
            TaggedData devData = dev;
            PrecisionWatch watch = new PrecisionWatch(ADVICE);
            float[] unknownChance = Batch.unknownChances(featurizer.rareUnits, spec.unkReplace(), spec.wordDropout());
            float[] bigramUnknownChance = Batch.unknownChances(featurizer.rareBigrams, spec.unkReplace(), spec.bigramDropout());
            Trainable<Example> trainable = new Trainable<>() {
                @Override
                public Params params() {
                    return params;
                }

                @Override
                public NDArray loss(List<Example> batch, NDManager scope) {
                    return network.loss(new Batch(batch, scope, unknownChance, bigramUnknownChance));
                }

                @Override
                public Map<String, Double> evaluate() {
                    return devData == null ? Map.of() : watch.check(devScores(network, featurizer.tags, devExamples, devData), log);
                }
            };
            Checkpoints checkpoints = Checkpoints.beside(job.output());
            TrainingLoop loop = new TrainingLoop(settings, "f1", checkpoints, Checkpoints.fingerprint(job, meta, NAME), log);
            TrainingResult result = loop.run(trainable, trainExamples, Example::length);

            BiLstmCrfModel model = new BiLstmCrfModel(spec, featurizer, params.snapshot());
            Map<String, Object> metrics = metrics(job, settings, result, device);
            if (job.hasSplit("test")) {
                metrics.put("test", test(job, model, device, log, metrics));
            }
            describe(meta, spec, featurizer, types, settings, result, device, metrics);
            model.save(job.dir());
            ModelDir.writeMeta(job.dir(), meta);
            job.writeMetrics(metrics);
            result.writeReports(job.dir(), NAME + " → " + job.output());
            checkpoints.delete();
        }
    }

    private static void warnAboutWordFeatures(BiLstmCrfSpec spec, TaggedData train, PrintStream log) {
        if (spec.segDim() <= 0) {
            return;
        }
        for (UnitSequence s : train.sequences()) {
            for (byte p : s.wordPositions()) {
                if (p != UnitSequence.S) {
                    return;
                }
            }
        }
        log.println("warning: segDim is set but every character is a one-character word: the tokens layer holds characters. "
                + "Add a word segmentation stage (e.g. segment.hanlp) under 'stages:' so the feature means something.");
    }

    /** Which unknown vectors no training step would update with these options ("the unknown-... vector is"), or {@code null}. */
    static String untrainedUnknowns(BiLstmCrfSpec spec) {
        if (spec.minCount() > 1 || spec.unkReplace() > 0) {
            return null;
        }
        String unit = spec.tokenUnits() ? "word" : "character";
        boolean units = spec.wordDropout() <= 0;
        boolean bigrams = !spec.tokenUnits() && spec.bigramDim() > 0 && spec.bigramDropout() <= 0;
        if (units && bigrams) {
            return "the unknown-" + unit + " and unknown-bigram vectors are";
        }
        return units ? "the unknown-" + unit + " vector is" : bigrams ? "the unknown-bigram vector is" : null;
    }

    private static List<Example> encode(Featurizer f, TaggedData data) {
        List<Example> out = new ArrayList<>(data.sequences().size());
        for (int i = 0; i < data.sequences().size(); i++) {
            out.add(f.encode(data.sequences().get(i), data.gold().get(i)));
        }
        return out;
    }

    /** Unit-level span scores on the dev data (the model's gold spans vs its Viterbi paths). */
    private static Map<String, Double> devScores(BiLstmCrfNetwork network, TagSet tags, List<Example> examples, TaggedData dev) {
        int[][] paths = BiLstmCrfPredictor.predict(network, examples, EVAL_BATCH);
        SpanF1 f1 = new SpanF1();
        for (int i = 0; i < paths.length; i++) {
            f1.add(dev.gold().get(i).stream().map(SpanF1.Span::of).toList(), tags.decode(paths[i]).stream().map(SpanF1.Span::of).toList());
        }
        Scores s = f1.scores();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("f1", s.f1());
        m.put("precision", s.precision());
        m.put("recall", s.recall());
        return m;
    }

    private static Map<String, Object> metrics(TrainingJob job, TrainSettings settings, TrainingResult result, Device device) {
        Map<String, Object> m = result.metrics("trainSentencesPerSecond");
        Map<String, Object> hw = new LinkedHashMap<>();
        hw.put("device", device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu");
        hw.put("threads", NeuralEngine.threads());
        hw.put("cpus", Runtime.getRuntime().availableProcessors());
        hw.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("hardware", hw);
        return m;
    }

    private static Map<String, Object> test(TrainingJob job, BiLstmCrfModel model, Device device, PrintStream log, Map<String, Object> metrics)
            throws IOException {
        TaggedData test = TaggedData.read(job, "test", model.spec().units(NAME));
        long t0 = System.nanoTime();
        Scores scores;
        try (BiLstmCrfPredictor predictor = model.predictorOn(device)) {
            scores = EntityEvaluation.evaluate(test.docs().iterator(), docs -> predictor.entities(docs, EVAL_BATCH), n -> { });
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        metrics.put("testSentencesPerSecond", Math.round(test.sequences().size() / secs * 10) / 10.0);
        log.print("test (" + job.splitPath("test") + "):\n" + scores.table());
        return scores.toMap();
    }

    private static void describe(ModelMeta meta, BiLstmCrfSpec spec, Featurizer f, Set<String> types, TrainSettings settings,
                                 TrainingResult result, Device device, Map<String, Object> metrics) {
        meta.put("network", spec.toMap());
        meta.put("labels", new ArrayList<>(types));
        meta.put("tags", f.tags.tags());
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("units", f.units.size());
        sizes.put("bigrams", spec.bigramDim() > 0 ? f.bigrams.size() : 0);
        sizes.put("chars", spec.tokenUnits() && spec.charFilters() > 0 ? f.chars.size() : 0);
        meta.put("vocabulary", Map.of("file", BiLstmCrfModel.VOCAB, "sizes", sizes));
        meta.put("weights", BiLstmCrfModel.WEIGHTS);
        meta.put("seed", settings.seed());
        Provenance.addVersions(meta, NeuralEngine.versions());
        Map<String, Object> training = result.summary();
        training.put("device", device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu");
        meta.put("training", training);
        meta.put("metrics", metrics);
    }
}
