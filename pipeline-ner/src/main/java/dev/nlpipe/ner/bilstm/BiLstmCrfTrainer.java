package dev.nlpipe.ner.bilstm;

import ai.djl.Device;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Seeds;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.Trainable;
import dev.nlpipe.nn.TrainingLoop;
import dev.nlpipe.nn.TrainingResult;
import dev.nlpipe.ner.PrecisionWatch;
import dev.nlpipe.ner.TaggerTraining;
import dev.nlpipe.ner.data.SequenceWindows;
import dev.nlpipe.ner.data.TaggedData;
import dev.nlpipe.ner.data.UnitSequence;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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
        Device device = TaggerTraining.start(settings, TaggerTraining.RECURRENT_THREADS, log);
        TaggerTraining.Splits splits = TaggerTraining.read(job, settings, spec.units(NAME), spec.unit(), log);
        TaggedData train = splits.train();
        TaggedData dev = splits.dev();
        Set<String> types = splits.types();
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
            BiLstmCrfNetwork network = BiLstmCrfNetwork.create(spec, featurizer, params, pretrained, Seeds.random(settings.seed(), "init"));
            pretrained.configure(params, spec.freezeEmbeddings(), settings.sparseEmbeddings(), List.of("emb.unit", "emb.bigram", "emb.char"),
                    log);
            List<Example> trainExamples = encode(featurizer, train);
            // dev sentences are only decoded and scored against their gold spans, so a dev entity type the
            // training data lacks counts as missed instead of failing the tag encoding; in the windows tagging reads a long line in
            SequenceWindows devWindows = TaggerTraining.devWindows(dev, SequenceWindows.RECURRENT_LIMIT, log);
            List<Example> devExamples = devWindows.windows().stream().map(s -> featurizer.encode(s, null)).toList();
            float[] unknownChance = Batch.unknownChances(featurizer.rareUnits, spec.unkReplace(), spec.wordDropout());
            float[] bigramUnknownChance = Batch.unknownChances(featurizer.rareBigrams, spec.unkReplace(), spec.bigramDropout());
            float[] charUnknownChance = Batch.unknownChances(featurizer.rareChars, spec.unkReplace(), 0);
            Trainable<Example> trainable = Trainable.of(params,
                    (batch, scope) -> network.loss(new Batch(batch, scope, unknownChance, bigramUnknownChance, charUnknownChance)),
                    TaggerTraining.devScores(dev, devWindows, featurizer.tags, () -> BiLstmCrfPredictor.predict(network, devExamples, EVAL_BATCH),
                            ADVICE, log));
            TrainingResult result = TrainingLoop.forJob(job, meta, NAME, settings, "f1", log).run(trainable, trainExamples, Example::length);

            BiLstmCrfModel model = new BiLstmCrfModel(spec, featurizer, params.snapshot());
            Map<String, Object> metrics = TaggerTraining.metrics(result, device);
            if (job.hasSplit("test")) {
                try (BiLstmCrfPredictor predictor = model.predictorOn(device)) {
                    metrics.put("test", TaggerTraining.test(job, spec.units(NAME), docs -> predictor.entities(docs, EVAL_BATCH), log,
                            metrics));
                }
            }
            describe(meta, spec, featurizer, types, settings, result, device, metrics);
            model.save(job.dir());
            result.complete(job, meta, metrics, NAME);
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

    /** The sentences as examples, with their gold tag ids. */
    private static List<Example> encode(Featurizer f, TaggedData data) {
        List<Example> out = new ArrayList<>(data.sequences().size());
        for (int i = 0; i < data.sequences().size(); i++) {
            out.add(f.encode(data.sequences().get(i), data.gold().get(i)));
        }
        return out;
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
        TaggerTraining.describe(meta, settings, result, device, metrics);
    }
}
