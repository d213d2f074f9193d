package dev.nlpipe.bert.ner;

import dev.nlpipe.nn.DevScores;
import dev.nlpipe.nn.bert.PieceWindows;
import dev.nlpipe.nn.bert.UnitLayout;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.bert.BertTrainable;
import dev.nlpipe.bert.FineTunedFiles;
import dev.nlpipe.bert.FineTuning;
import dev.nlpipe.bert.LayerDecay;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.PrecisionWatch;
import dev.nlpipe.ner.TaggerTraining;
import dev.nlpipe.ner.data.SequenceWindows;
import dev.nlpipe.ner.data.TagSet;
import dev.nlpipe.ner.data.TaggedData;
import dev.nlpipe.ner.data.UnitSequence;
import dev.nlpipe.ner.data.Units;
import dev.nlpipe.nn.DeviceSpec;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Seeds;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.Trainable;
import dev.nlpipe.nn.TrainingLoop;
import dev.nlpipe.nn.TrainingResult;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code task: ner.bert}: fine-tunes a pretrained BERT encoder for named entities — encoder, the
 * first word piece of each unit (character or token), dropout, linear layer, CRF — with AdamW (a
 * rate of its own for the new output layer and CRF), warm-up and linear decay, gradient clipping,
 * length-bucketed batches, early stopping on dev span F1, and optionally adversarial training on
 * the word embeddings. Evaluates on {@code data.test} by loading the written model directory as
 * {@code nlpipe eval ner} does.
 */
public final class BertTaggerTrainer implements TrainerProvider {
    /** The task name. */
    public static final String NAME = BertTaggerKind.KIND;
    /** Encoder rows per forward pass when evaluating. */
    static final int EVAL_BATCH = 64;
    /**
     * What {@link PrecisionWatch} suggests here: word pieces not in the vocabulary read [UNK], whose
     * vector comes pretrained, so unknown units are not the usual cause for this tagger.
     */
    private static final String ADVICE = "Unknown characters read the encoder's pretrained [UNK] piece here, so look first at the"
            + " gold labels (a sample of the dev data), then try more epochs or a lower train.lr."
            + " See docs/ner.md#unknown-characters-and-low-precision.";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "fine-tunes a pretrained BERT encoder (nlpipe model import) with a CRF for named entities, on DJL/PyTorch";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        return BertTaggerSpec.options();
    }

    @Override
    public List<OptionSpec> trainOptions() {
        List<OptionSpec> out = new ArrayList<>(TrainSettings.options(Map.of("epochs", 10, "batchSize", 16, "lr", 5e-5, "optimizer",
                "adamw", "weightDecay", 0.01, "schedule", "warmup-linear", "warmupRatio", 0.1, "clipNorm", 1.0, "patience", 3)));
        out.add(OptionSpec.number("headLr", 1e-3, "learning rate of the new output layer and CRF, which start from random weights"
                + " (the schedule moves it with lr); 0 = lr"));
        out.add(LayerDecay.option());
        return out;
    }

    @Override
    public Set<Layer> requires(Options model) {
        Set<Layer> need = EnumSet.of(Layer.ENTITIES);
        if (model.getString("unit").equals("token")) {
            need.add(Layer.TOKENS);
        }
        return need;
    }

    /** One training sentence: its layout and a gold tag id per position. */
    record Example(UnitLayout layout, int[] tags) {
        int width() {
            return layout.width();
        }
    }

    @Override
    public String exampleModel() {
        return FineTuning.EXAMPLE_MODEL;
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        BertTaggerSpec spec = BertTaggerSpec.from(job.model());
        TrainSettings settings = TrainSettings.from(job.train());
        TrainSettings.refuseSparseEmbeddings(job.train(), "ner.bert trains its encoder's word-piece table densely");
        double headLr = job.train().getDouble("headLr");
        if (headLr < 0) {
            throw job.train().error("headLr", "must not be negative (0 uses lr)");
        }
        PrintStream log = job.log();
        Device device = TaggerTraining.start(settings, TaggerTraining.ALL_CORES, log);
        PretrainedEncoder encoder = PretrainedEncoder.open(spec.encoder(), LoadOptions.DEFAULT);
        LayerDecay layerDecay = LayerDecay.from(job.train(), encoder.config().layers());
        encoder.config().checkPositions(job.model(), "maxLength", spec.maxLength());
        BertTokenizer tokenizer = encoder.tokenizer();
        PieceWindows windows = new PieceWindows(tokenizer, spec.maxLength());
        Units units = spec.units(NAME);
        TaggerTraining.Splits splits = TaggerTraining.split(job, settings, units, log);
        TaggedData train = splits.train();
        TaggedData dev = splits.dev();
        Set<String> types = splits.types();
        TagSet tags = TagSet.of(spec.scheme(), types);
        log.printf(Locale.ROOT, "ner.bert: %,d training sentences (%,d %ss), %,d dev; entity types %s, %d tags (%s); encoder %s"
                        + " (%d layers, hidden %d), max length %d, %s%s; learning rates %s (encoder%s), %s (%s); %s%n",
                train.sequences().size(), train.unitCount(), spec.unit(), dev == null ? 0 : dev.sequences().size(), types, tags.size(),
                spec.scheme().name().toLowerCase(Locale.ROOT), spec.encoder(), encoder.config().layers(), encoder.config().hidden(),
                spec.maxLength(), spec.describeHead(), spec.adversarial().active() ? ", adversarial " + spec.adversarial().toMap() : "",
                settings.lr(), layerDecay.active() ? ", " + layerDecay.describe() : "", headLr > 0 ? headLr : settings.lr(),
                spec.newLayers(), TaggerTraining.fit(train, spec.unit()));
        // the entities shrunk or dropped here are scored so by dev F1, and every one by eval ner
        TaggerTraining.warnDevAlignment(dev, spec.unit(), log);
        TaggerTraining.warnLongTraining(train, SequenceWindows.RECURRENT_LIMIT, log);
        List<Example> trainExamples = examples(train, windows, tags, log);
        // dev sentences are read as tagging reads them: one over SequenceWindows' limit in windows of units
        SequenceWindows devWindows = TaggerTraining.devWindows(dev, SequenceWindows.RECURRENT_LIMIT, log);
        List<UnitLayout> devLayouts = layouts(devWindows.windows(), windows);
        ModelMeta meta = job.newMeta(BertTaggerKind.KIND, BertTaggerKind.FORMAT);
        BertConfig config = encoder.config().withPooler(false);
        try (Params params = new Params(device, true)) {
            BertTaggerNetwork net = BertTaggerNetwork.create(params, config, encoder.weights(), spec.scheme(), tags.tags(), spec.crf(),
                    spec.lstm(), (float) spec.dropout(), Seeds.random(settings.seed(), "init"));
            Trainable<Example> trainable = trainable(net, spec, headLr > 0 ? headLr / settings.lr() : 1.0, layerDecay, tags,
                    devWindows, devLayouts, dev, log);
            TrainingResult result = TrainingLoop.forJob(job, meta, NAME, settings, "f1", log).run(trainable, trainExamples, Example::width);
            // long sentences are windowed, not cut: Hugging Face users are cut only where the encoder's positions end
            new FineTunedFiles(config, tokenizer.withMaxLength(config.maxPositions()), params.snapshot()).write(job.dir());
            describe(meta, spec, tags, encoder, settings, headLr, layerDecay, result);
            Map<String, Object> metrics = FineTuning.metrics(result, "trainSentencesPerSecond");
            metrics.put("hardware", TaggerTraining.hardware(device));
            if (job.hasSplit("test")) {
                // the test loads the model from its directory; complete() rewrites model.json with the test scores
                ModelDir.writeMeta(job.dir(), meta);
                metrics.put("test", test(job, units, device, log, metrics));
            }
            meta.put("metrics", metrics);
            result.complete(job, meta, metrics, NAME);
        }
    }

    private static Trainable<Example> trainable(BertTaggerNetwork net, BertTaggerSpec spec, double headScale, LayerDecay layerDecay,
                                                TagSet tags, SequenceWindows devWindows, List<UnitLayout> devLayouts, TaggedData dev,
                                                PrintStream log) {
        DevScores devScores = TaggerTraining.devScores(dev, () -> devWindows.mergeSpans(
                BertTagger.spans(net, tags, devLayouts, EVAL_BATCH, () -> net.params().manager().newSubManager())), ADVICE, log);
        return new BertTrainable<>(net.params(), net.encoder().wordEmbeddingsName(), spec.adversarial(), BertTaggerNetwork::isHead,
                headScale, layerDecay) {
            @Override
            public NDArray loss(List<Example> batch, NDManager scope) {
                return net.loss(TaggerBatch.of(batch.stream().map(Example::layout).toList(), batch.stream().map(Example::tags).toList(),
                        scope));
            }

            @Override
            public Map<String, Double> evaluate() {
                return devScores.get();
            }

            @Override
            public void replayEvaluation(Map<String, Double> earlier) {
                devScores.replay(earlier);
            }
        };
    }

    /** The layouts of sentences, in order (on several threads when there are many). */
    static List<UnitLayout> layouts(List<UnitSequence> seqs, PieceWindows windows) {
        IntStream range = IntStream.range(0, seqs.size());
        return (seqs.size() >= 256 ? range.parallel() : range).mapToObj(i -> windows.layout(seqs.get(i).texts())).toList();
    }

    /** The training examples, with a log line on what did not fit: units without pieces, long sentences, cut pieces. */
    private static List<Example> examples(TaggedData data, PieceWindows windows, TagSet tags, PrintStream log) {
        List<UnitLayout> layouts = layouts(data.sequences(), windows);
        List<Example> out = new ArrayList<>(layouts.size());
        int empty = 0;
        int windowed = 0;
        int longest = 0;
        long cut = 0;
        long unplaced = 0;
        long lostEntities = 0;
        for (int i = 0; i < layouts.size(); i++) {
            UnitLayout l = layouts.get(i);
            List<TagScheme.TokenSpan> gold = data.gold().get(i);
            longest = Math.max(longest, l.pieces());
            cut += l.cut();
            unplaced += l.unitCount() - l.length();
            if (l.windows().length > 1) {
                windowed++;
            }
            if (l.length() == 0) {
                empty++;
                lostEntities += gold.size();
                continue;
            }
            List<TagScheme.TokenSpan> positions = l.toPositions(gold);
            lostEntities += gold.size() - positions.size();
            out.add(new Example(l, tags.encode(positions, l.length())));
        }
        log.printf(Locale.ROOT, "word pieces: longest sentence %,d pieces, %,d sentence(s) read in several windows; %,d unit(s) without"
                        + " a word piece (tagged only inside an entity), %,d gold entit%s on them alone left out, %,d sentence(s) without"
                        + " any piece skipped, %,d piece(s) of over-long units cut%n", longest, windowed, unplaced, lostEntities,
                lostEntities == 1 ? "y" : "ies", empty, cut);
        return out;
    }

    private static Map<String, Object> test(TrainingJob job, Units units, Device device, PrintStream log, Map<String, Object> metrics)
            throws IOException {
        LoadOptions options = new LoadOptions(DeviceSpec.nameOf(device), EVAL_BATCH, NeuralEngine.threads());
        try (Tagger tagger = ModelKinds.get().load(job.dir(), Tagger.class, options)) {
            return TaggerTraining.test(job, units, tagger::tag, log, metrics);
        }
    }

    private static void describe(ModelMeta meta, BertTaggerSpec spec, TagSet tags, PretrainedEncoder encoder, TrainSettings settings,
                                 double headLr, LayerDecay layerDecay, TrainingResult result) {
        meta.put("network", spec.toMap());
        meta.put("labels", new ArrayList<>(tags.types()));
        meta.put("tags", tags.tags());
        Map<String, Object> rates = FineTuning.learningRates(settings, layerDecay);
        rates.put("head", headLr > 0 ? headLr : settings.lr());
        meta.put("learningRates", rates);
        meta.put("regularization", Map.of("adversarial", spec.adversarial().toMap()));
        FineTuning.describe(meta, encoder, settings, result);
    }
}
