package dev.nlpipe.ner.lattice;

import ai.djl.Device;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.ner.PrecisionWatch;
import dev.nlpipe.ner.TaggerTraining;
import dev.nlpipe.ner.bilstm.Batch;
import dev.nlpipe.ner.bilstm.Featurizer;
import dev.nlpipe.ner.bilstm.PretrainedTable;
import dev.nlpipe.ner.data.SequenceWindows;
import dev.nlpipe.ner.data.TaggedData;
import dev.nlpipe.ner.lexicon.Lexicon;
import dev.nlpipe.ner.lexicon.TrainingLexicon;
import dev.nlpipe.ner.lexicon.WordUnknowns;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Seeds;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.Trainable;
import dev.nlpipe.nn.TrainingLoop;
import dev.nlpipe.nn.TrainingResult;
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
 * {@code task: ner.lattice-lstm}: trains Zhang and Yang's Lattice LSTM (2018), a character
 * BiLSTM-CRF whose cells also receive the lexicon words ending at each character, from documents
 * with gold entities; selects the epoch with the best dev F1, evaluates on {@code data.test} and
 * writes the model directory with its lexicon, metrics and training curves.
 *
 * <p>Training defaults are the recipe measured on the whole of Resume: Adam at 0.0015 with the
 * paper's decay {@code lr / (1 + 0.05 epoch)} after 200 warm-up steps, batches of 16. The paper's
 * SGD (0.015, one sentence per step; here batches of 10 with momentum 0.9) kept a dev F1 about one
 * point lower there and stopped early (docs/ner-lattice.md).
 */
public final class LatticeTrainer implements TrainerProvider {
    /** The task name. */
    public static final String NAME = "ner.lattice-lstm";
    /** Sequences per forward pass when evaluating. */
    static final int EVAL_BATCH = 32;
    /** What {@link PrecisionWatch} suggests for this tagger. */
    private static final String ADVICE = "Try: model.unkReplace 0.5 (the default: characters and bigrams seen once read as unknown"
            + " half the time, so the unknown vectors are trained) or model.minCount 2; a lexicon and lexicon vectors from text of"
            + " the same kind (model.lexicon, model.lexiconVectors). See docs/ner.md#unknown-characters-and-low-precision.";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Lattice LSTM named-entity tagger (Zhang & Yang 2018: characters plus lexicon words) on DJL/PyTorch";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        return LatticeSpec.options();
    }

    @Override
    public List<OptionSpec> trainOptions() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("batchSize", 16);
        defaults.put("epochs", 30);
        defaults.put("patience", 10);
        defaults.put("optimizer", "adam");
        defaults.put("lr", 0.0015);
        defaults.put("schedule", "inverse");
        defaults.put("decayRate", 0.05);
        defaults.put("warmupSteps", 200);
        return TrainSettings.options(defaults);
    }

    @Override
    public Set<Layer> requires(Options model) {
        return EnumSet.of(Layer.ENTITIES);
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        LatticeSpec spec = LatticeSpec.from(job.model());
        TrainSettings settings = TrainSettings.from(job.train());
        PrintStream log = job.log();
        Device device = TaggerTraining.start(settings, TaggerTraining.RECURRENT_THREADS, log);
        TaggerTraining.Splits splits = TaggerTraining.read(job, settings, spec.chars().units(NAME), "char", log);
        TaggedData train = splits.train();
        TaggedData dev = splits.dev();
        Lexicon lexicon = TrainingLexicon.of(job, spec.lexicon(), spec.wordDim(), train.sequences(), log);

        Featurizer trainingUnits = Featurizer.build(spec.chars(), train.sequences(), splits.types());
        PretrainedTable pretrained = PretrainedTable.load(spec.chars(), trainingUnits, settings.seed(), log);
        Featurizer featurizer = pretrained.featurizer();
        ModelMeta meta = job.newMeta(LatticeModel.KIND, LatticeModel.FORMAT);
        try (Params params = new Params(device, true)) {
            LatticeNetwork.Tables tables = new LatticeNetwork.Tables(featurizer.units.size(), featurizer.bigrams.size(), lexicon.rows(),
                    pretrained.unitTable(), pretrained.bigramTable(), lexicon.initialTable(settings.seed()), pretrained.trainedUnits(),
                    pretrained.trainedBigrams());
            LatticeNetwork network = LatticeNetwork.create(spec.chars(), spec.wordDim(), tables, featurizer.tags.tags(), spec.orthogonalInit(), params,
                    Seeds.random(settings.seed(), "init"));
            pretrained.configure(params, spec.chars().freezeEmbeddings(), settings.sparseEmbeddings(),
                    List.of("emb.unit", "emb.bigram", "emb.lexicon"), log);
            List<LatticeExample> trainExamples = encode(featurizer, lexicon, train);
            // decoded and scored against gold spans only: a dev type the training data lacks counts as missed; in the windows
            // tagging reads a long line in, so the epoch is chosen on the decoding the model will be used with
            SequenceWindows devWindows = TaggerTraining.devWindows(dev, SequenceWindows.RECURRENT_LIMIT, log);
            List<LatticeExample> devExamples = devWindows.windows().stream()
                    .map(s -> LatticeExample.of(featurizer, lexicon, s, null)).toList();
            logCoverage(trainExamples, log);
            float[] unknownChance = Batch.unknownChances(featurizer.rareUnits, spec.chars().unkReplace(), 0);
            float[] bigramUnknownChance = Batch.unknownChances(featurizer.rareBigrams, spec.chars().unkReplace(), 0);
            WordUnknowns wordUnknowns = WordUnknowns.of(lexicon);
            Trainable<LatticeExample> trainable = Trainable.of(params,
                    (batch, scope) -> network.loss(new LatticeBatch(batch, scope, unknownChance, bigramUnknownChance, wordUnknowns)),
                    TaggerTraining.devScores(dev, devWindows, featurizer.tags, () -> LatticePredictor.predict(network, devExamples, EVAL_BATCH),
                            ADVICE, log));
            TrainingResult result = TrainingLoop.forJob(job, meta, NAME, settings, "f1", log)
                    .run(trainable, trainExamples, LatticeExample::length);

            LatticeModel model = new LatticeModel(spec, featurizer, lexicon, params.snapshot());
            Map<String, Object> metrics = TaggerTraining.metrics(result, device);
            if (job.hasSplit("test")) {
                try (LatticePredictor predictor = model.predictorOn(device)) {
                    metrics.put("test", TaggerTraining.test(job, spec.chars().units(NAME), docs -> predictor.entities(docs, EVAL_BATCH),
                            log, metrics));
                }
            }
            Map<String, Object> lexiconDescription = model.save(job.dir());
            meta.put("network", spec.toMap());
            meta.put("labels", new ArrayList<>(splits.types()));
            meta.put("tags", featurizer.tags.tags());
            Map<String, Object> sizes = new LinkedHashMap<>();
            sizes.put("units", featurizer.units.size());
            sizes.put("bigrams", spec.chars().bigramDim() > 0 ? featurizer.bigrams.size() : 0);
            meta.put("vocabulary", Map.of("file", LatticeModel.VOCAB, "sizes", sizes));
            meta.put("lexicon", lexiconDescription);
            meta.put("weights", LatticeModel.WEIGHTS);
            TaggerTraining.describe(meta, settings, result, device, metrics);
            result.complete(job, meta, metrics, NAME);
        }
    }

    /** The training sentences as lattice examples, with their gold tag ids. */
    private static List<LatticeExample> encode(Featurizer f, Lexicon lexicon, TaggedData data) {
        List<LatticeExample> out = new ArrayList<>(data.sequences().size());
        for (int i = 0; i < data.sequences().size(); i++) {
            out.add(LatticeExample.of(f, lexicon, data.sequences().get(i), data.gold().get(i)));
        }
        return out;
    }

    private static void logCoverage(List<LatticeExample> examples, PrintStream log) {
        long chars = 0;
        long words = 0;
        for (LatticeExample e : examples) {
            chars += e.length();
            words += e.words().length;
        }
        log.printf(Locale.ROOT, "lattice: %,d word matches over %,d training characters (%.2f per character)%n", words, chars,
                chars == 0 ? 0.0 : (double) words / chars);
    }
}
