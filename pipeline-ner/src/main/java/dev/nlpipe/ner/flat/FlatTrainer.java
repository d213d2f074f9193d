package dev.nlpipe.ner.flat;

import ai.djl.Device;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.PrecisionWatch;
import dev.nlpipe.ner.TaggerTraining;
import dev.nlpipe.ner.bilstm.Batch;
import dev.nlpipe.ner.bilstm.PretrainedTable;
import dev.nlpipe.ner.data.SequenceWindows;
import dev.nlpipe.ner.data.TaggedData;
import dev.nlpipe.ner.data.UnitSequence;
import dev.nlpipe.ner.lexicon.Lexicon;
import dev.nlpipe.ner.lexicon.LexiconSpec;
import dev.nlpipe.ner.lexicon.TrainingLexicon;
import dev.nlpipe.ner.lexicon.WordUnknowns;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Seeds;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.Trainable;
import dev.nlpipe.nn.TrainingLoop;
import dev.nlpipe.nn.TrainingResult;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.PieceWindows;
import dev.nlpipe.nn.bert.PretrainedEncoder;
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
 * {@code task: ner.flat}: trains a FLAT tagger (Li et al. 2020, "FLAT: Chinese NER Using
 * Flat-Lattice Transformer") from Chinese documents with gold entities: each sentence's characters
 * and the lexicon words matched in it form a flat lattice read by a Transformer with relative
 * positions of the spans' heads and tails, and a CRF tags the characters. With
 * {@code model.encoder}, a BERT encoder's character features join the input and are fine-tuned
 * (FLAT + BERT). Selects the epoch with the best dev F1, evaluates on {@code data.test} and writes
 * the model directory with its lexicon, metrics and training curves.
 */
public final class FlatTrainer implements TrainerProvider {
    /** The task name. */
    public static final String NAME = "ner.flat";
    private static final int EVAL_BATCH = 64;
    /** What {@link PrecisionWatch} suggests for this tagger. */
    private static final String ADVICE = "Try: model.unkReplace 0.5 (the default: characters and bigrams seen once read as unknown half the time,"
            + " so the unknown vectors are trained); lexicon vectors and a lexicon from text of the same kind (model.lexicon,"
            + " model.lexiconVectors). See docs/ner.md#unknown-characters-and-low-precision.";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "FLAT lexicon-enhanced Chinese named-entity tagger (flat-lattice Transformer + CRF, optionally with BERT) on DJL/PyTorch";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        List<OptionSpec> out = new ArrayList<>(FlatSpec.options());
        out.addAll(CharVectors.options());
        out.addAll(LexiconSpec.options());
        return out;
    }

    @Override
    public List<OptionSpec> trainOptions() {
        // Adam rather than the reference code's SGD (momentum 0.9, lr 6e-4), which learned next to nothing in 5 epochs on
        // 300 Resume sentences where Adam reached 0.72 dev F1 (docs/ner-lattice.md)
        // and the paper's inverse decay after a warm-up, which (unlike a linear decay to 0) gives a short run a usable rate
        Map<String, Object> defaults = Map.of("batchSize", 16, "epochs", 30, "patience", 10, "optimizer", "adam", "lr", 1e-3,
                "schedule", "inverse", "decayRate", 0.05, "warmupSteps", 200);
        List<OptionSpec> out = new ArrayList<>(TrainSettings.options(defaults));
        out.add(OptionSpec.number("encoderLrScale", 0.05, "with model.encoder: the encoder's learning rate as a share of lr"
                + " (the reference code's bert_lr_rate); 0 keeps the encoder fixed"));
        return out;
    }

    @Override
    public Set<Layer> requires(Options model) {
        return EnumSet.of(Layer.ENTITIES);
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        FlatSpec spec = FlatSpec.from(job.model());
        CharVectors charVectors = CharVectors.from(job.model(), spec);
        LexiconSpec lexiconSpec = LexiconSpec.from(job.model());
        TrainSettings settings = TrainSettings.from(job.train());
        double encoderLrScale = job.train().getDouble("encoderLrScale");
        double unkReplace = job.model().getDouble("unkReplace");
        if (encoderLrScale < 0) {
            throw job.train().error("encoderLrScale", "must not be negative (0 keeps the encoder fixed)");
        }
        if (job.train().isSet("encoderLrScale") && !spec.hasEncoder()) {
            throw job.train().error("encoderLrScale", "scales the learning rate of a BERT encoder, and this FLAT has none (model.encoder):"
                    + " remove it, or give model.encoder");
        }
        PrintStream log = job.log();
        Device device = TaggerTraining.start(settings, TaggerTraining.ALL_CORES, log);
        PretrainedEncoder encoder = null;
        BertTokenizer tokenizer = null;
        PieceWindows pieces = null;
        if (spec.hasEncoder()) {
            // before the data is read: a directory that is no encoder (a wordpiece vocabulary, a FLAT model) is refused at once
            try {
                encoder = PretrainedEncoder.open(spec.encoder(), LoadOptions.DEFAULT);
            } catch (ModelException e) {
                throw job.model().error("encoder", e.getMessage() + "; give an encoder directory (`nlpipe model import`, or a"
                        + " pretrain.mlm model)");
            }
            encoder.config().checkPositions(job.model(), "encoderMaxLength", spec.encoderMaxLength());
            tokenizer = encoder.tokenizer();
            pieces = new PieceWindows(tokenizer, spec.encoderMaxLength());
        }
        TaggerTraining.Splits splits = TaggerTraining.read(job, settings, FlatSpec.units(NAME), "char", log);
        TaggedData train = splits.train();
        TaggedData dev = splits.dev();

        Sentences trainSentences = Sentences.clipped(train, spec.maxLength(), log);
        Lexicon lexicon = TrainingLexicon.of(job, lexiconSpec, spec.wordDim(), trainSentences.sequences(), log);
        FlatFeaturizer trained = FlatFeaturizer.build(spec, trainSentences.sequences(), splits.types(), lexicon, pieces);
        CharVectors.Tables pretrained = charVectors.tables(trained, settings.seed(), log);
        FlatFeaturizer featurizer = pretrained.featurizer();
        List<Lattice> trainLattices = trainSentences.encode(featurizer);
        // dev sentences are read as tagging reads them, in windows of at most maxLength characters
        SequenceWindows devWindows = TaggerTraining.devWindows(dev, spec.taggingWindow(), log);
        List<Lattice> devLattices = devWindows.windows().stream().map(s -> featurizer.encode(s, null)).toList();
        logLattices(trainLattices, lexicon, log);

        ModelMeta meta = job.newMeta(FlatModel.KIND, FlatModel.FORMAT);
        BertConfig encoderConfig = encoder == null ? null : encoder.config().withPooler(false);
        FlatNetwork.Sizes sizes = new FlatNetwork.Sizes(featurizer.chars.size(), featurizer.bigrams.size(), lexicon.rows(),
                featurizer.tags.tags(), encoderConfig);
        FlatNetwork.InitialTables tables = new FlatNetwork.InitialTables(pretrained.chars(), pretrained.bigrams(),
                lexicon.initialTable(settings.seed()), pretrained.trainedChars(), pretrained.trainedBigrams());
        try (Params params = new Params(device, true)) {
            FlatNetwork network = FlatNetwork.create(spec, sizes, tables, encoder == null ? null : encoder.weights(), params,
                    Seeds.random(settings.seed(), "init"));
            if (encoder != null && encoderLrScale == 0) {
                // kept fixed as the option says: no gradients (which clipNorm's global norm would count), no dropout
                params.names().stream().filter(FlatNetwork::isEncoder).toList().forEach(params::freeze);
                network.encoderFixed();
            }
            if (charVectors.freeze() && tables.chars() != null) {
                params.freeze("emb.char");
            }
            if (charVectors.freeze() && tables.bigrams() != null) {
                params.freeze("emb.bigram");
            }
            if (settings.sparseEmbeddings()) {
                PretrainedTable.updateByRows(params, List.of("emb.char", "emb.bigram", "emb.word"), log);
            }
            float[] charUnknownChance = Batch.unknownChances(featurizer.rareChars, unkReplace, 0);
            float[] bigramUnknownChance = Batch.unknownChances(featurizer.rareBigrams, unkReplace, 0);
            WordUnknowns wordUnknowns = WordUnknowns.of(lexicon);
            Trainable<Lattice> trainable = Trainable.of(params,
                    (batch, scope) -> network.loss(new FlatBatch(batch, scope, charUnknownChance, bigramUnknownChance, wordUnknowns)),
                    weight -> FlatNetwork.isEncoder(weight) ? encoderLrScale : 1.0,
                    TaggerTraining.devScores(dev, devWindows, featurizer.tags, () -> FlatPredictor.predict(network, devLattices, EVAL_BATCH),
                            ADVICE, log));
            TrainingResult result = TrainingLoop.forJob(job, meta, NAME, settings, "f1", log).run(trainable, trainLattices, Lattice::size);

            FlatModel model = new FlatModel(spec, featurizer, encoderConfig, tokenizer, params.snapshot());
            Map<String, Object> metrics = TaggerTraining.metrics(result, device);
            if (job.hasSplit("test")) {
                try (FlatPredictor predictor = model.predictorOn(device)) {
                    metrics.put("test", TaggerTraining.test(job, FlatSpec.units(NAME), docs -> predictor.entities(docs, EVAL_BATCH),
                            log, metrics));
                }
            }
            meta.put("pretrained", charVectors.toMap());
            describe(meta, spec, featurizer, settings, encoderLrScale, result, device, metrics);
            model.save(job.dir(), meta);
            result.complete(job, meta, metrics, NAME);
        }
    }

    /** Sentences with their gold spans, as training reads them. */
    record Sentences(List<UnitSequence> sequences, List<List<TagScheme.TokenSpan>> gold) {

        /**
         * The training sentences; with {@code maxLength > 0} longer ones are clipped to their first
         * {@code maxLength} characters, dropping the gold entities the cut crosses, and the clipped ones
         * are counted in the log. Clipped before the vocabularies and the lexicon's training words are
         * counted, so these hold every character, bigram and word training reads, and no other.
         */
        static Sentences clipped(TaggedData data, int maxLength, PrintStream log) {
            List<UnitSequence> sequences = new ArrayList<>(data.sequences().size());
            List<List<TagScheme.TokenSpan>> gold = new ArrayList<>(data.sequences().size());
            int clipped = 0;
            long cut = 0;
            int entitiesLeftOut = 0;
            for (int i = 0; i < data.sequences().size(); i++) {
                UnitSequence s = data.sequences().get(i);
                List<TagScheme.TokenSpan> spans = data.gold().get(i);
                if (maxLength > 0 && s.length() > maxLength) {
                    // cut before an entity across the limit, not through it: its first characters would be trained as O
                    int at = maxLength;
                    for (TagScheme.TokenSpan g : spans) {
                        if (g.start() < at && g.end() > at && g.start() > 0) {
                            at = g.start();
                        }
                    }
                    int end = at;
                    clipped++;
                    cut += s.length() - end;
                    s = s.slice(0, end);
                    List<TagScheme.TokenSpan> kept = spans.stream().filter(g -> g.end() <= end).toList();
                    entitiesLeftOut += spans.size() - kept.size();
                    spans = kept;
                }
                sequences.add(s);
                gold.add(spans);
            }
            if (maxLength > 0) {
                log.printf(Locale.ROOT, "maxLength %d: %,d of %,d training sentences clipped (%,d characters and %,d entities left"
                        + " out)%n", maxLength, clipped, data.sequences().size(), cut, entitiesLeftOut);
            }
            return new Sentences(sequences, gold);
        }

        List<Lattice> encode(FlatFeaturizer f) {
            List<Lattice> out = new ArrayList<>(sequences.size());
            for (int i = 0; i < sequences.size(); i++) {
                out.add(f.encode(sequences.get(i), gold.get(i)));
            }
            return out;
        }
    }

    private static void logLattices(List<Lattice> lattices, Lexicon lexicon, PrintStream log) {
        long chars = 0;
        long words = 0;
        int largest = 0;
        for (Lattice l : lattices) {
            chars += l.length();
            words += l.words().length;
            largest = Math.max(largest, l.size());
        }
        log.printf(Locale.ROOT, "lattices: %,d lexicon words trained (%,d with vectors); %.1f words per sentence, %.2f per character;"
                        + " largest lattice %d spans%n", lexicon.trained(), lexicon.vectorCount(), words / (double) lattices.size(),
                words / (double) Math.max(1, chars), largest);
    }

    private static void describe(ModelMeta meta, FlatSpec spec, FlatFeaturizer f, TrainSettings settings, double encoderLrScale,
                                 TrainingResult result, Device device, Map<String, Object> metrics) {
        meta.put("network", spec.toMap());
        meta.put("labels", new ArrayList<>(f.tags.types()));
        meta.put("tags", f.tags.tags());
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("chars", f.chars.size());
        sizes.put("bigrams", spec.bigramDim() > 0 ? f.bigrams.size() : 0);
        sizes.put("lexiconWords", f.lexicon.size());
        meta.put("vocabulary", Map.of("file", FlatModel.VOCAB, "sizes", sizes));
        meta.put("weights", FlatModel.WEIGHTS);
        if (spec.hasEncoder()) {
            Map<String, Object> enc = new LinkedHashMap<>();
            enc.put("source", spec.encoder().toString());
            enc.put("lrScale", encoderLrScale);
            meta.put("encoder", enc);
        }
        TaggerTraining.describe(meta, settings, result, device, metrics);
    }
}
