package dev.nlpipe.bert.mlm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.bert.FineTuning;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.ModelPreprocessing;
import dev.nlpipe.core.model.Provenance;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.nn.HeldOut;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Seeds;
import dev.nlpipe.nn.TensorFile;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code task: pretrain.mlm}: masked-language-model pre-training of a BERT encoder on raw text, as
 * BERT and Chinese-BERT-wwm do it — continued ("in-domain") pre-training of an {@code encoder.bert}
 * directory, or a new encoder from scratch. Documents become sequences ({@link MlmCorpus}), masked
 * anew every epoch ({@link Masking}, whole words optionally), and the encoder with its MLM head
 * ({@link MaskedLmNetwork}) learns to predict the masked pieces. Held-out data, masked once, gives
 * masked-piece accuracy, loss and perplexity before training and after every epoch (early stopping
 * on the accuracy). Writes an {@code encoder.bert} model directory with the MLM head kept beside
 * the encoder, which {@code classify.bert}, {@code ner.bert}, {@code embed.bert} and this task take
 * as {@code encoder}.
 */
public final class MlmTrainer implements TrainerProvider {
    /** The task name. */
    public static final String NAME = "pretrain.mlm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "masked-LM pre-training of a BERT encoder on raw text (continued from an encoder.bert directory, or from scratch);"
                + " writes an encoder.bert directory";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        return MlmSpec.options();
    }

    @Override
    public List<OptionSpec> trainOptions() {
        return TrainSettings.options(Map.of("epochs", 3, "batchSize", 32, "lr", 5e-5, "optimizer", "adamw", "weightDecay", 0.01,
                "schedule", "warmup-linear", "warmupRatio", 0.06, "clipNorm", 1.0, "patience", 2, "devFraction", 0.05));
    }

    /** One training sequence and its place in the list (which, with the epoch and seed, fixes its masking). */
    record Example(MlmSequence sequence, int index) {
        int length() {
            return sequence.length();
        }
    }

    /**
     * Where training starts: the encoder's sizes, its weights (null from scratch), its head and
     * tokenizer, and how many epochs of masks the encoder was pre-trained on by nlpipe: a run
     * continuing one draws its masks after those, not the same ones again.
     */
    private record Start(BertConfig config, Map<String, TensorFile.Tensor> weights, Map<String, TensorFile.Tensor> head,
                         BertTokenizer tokenizer, Map<String, Object> source, int maskEpochsBefore) {
    }

    /** The key under {@code mlm} in {@code model.json}: the epochs of masks drawn for the encoder so far, earlier runs' included. */
    private static final String MASK_EPOCHS = "maskEpochs";

    /** How many epochs of masks an nlpipe {@code pretrain.mlm} encoder was trained on (0 for another encoder). */
    private static int maskEpochs(ModelMeta encoder) {
        if (encoder.get("mlm") instanceof Map<?, ?> mlm && mlm.get(MASK_EPOCHS) instanceof Number n) {
            return n.intValue();
        }
        // written before the count was kept: its own run's epochs
        boolean ours = encoder.get("source") instanceof Map<?, ?> source && NAME.equals(source.get("kind"));
        return ours && encoder.get("training") instanceof Map<?, ?> t && t.get("epochs") instanceof Number n ? n.intValue() : 0;
    }

    @Override
    public String exampleModel() {
        return FineTuning.EXAMPLE_MODEL;
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        MlmSpec spec = MlmSpec.from(job.model());
        TrainSettings settings = TrainSettings.from(job.train());
        PrintStream log = job.log();
        TrainSettings.refuseSparseEmbeddings(job.train(), "pretrain.mlm's output layer is the word-piece table (tied), which needs"
                + " its full gradient");
        NeuralEngine.get();
        NeuralEngine.setThreads(settings.threads());
        Device device = settings.device().resolve(log::println);
        Start start;
        try {
            start = start(spec);
        } catch (IllegalArgumentException unsupported) {
            // a tokenizer nlpipe cannot run (BPE, another normalizer): at the option that names it
            throw job.model().error(spec.encoder() != null ? "encoder" : "vocabulary", unsupported.getMessage());
        }
        start.config().checkPositions(job.model(), "maxLength", spec.maxLength());
        if (spec.encoder() == null && spec.maxPositions() > spec.maxLength()) {
            log.printf(Locale.ROOT, "warning: model.maxPositions %d is longer than the training sequences (maxLength %d): position"
                    + " vectors %d-%d stay as initialized, random, and a text longer than %d pieces given to this encoder later reads"
                    + " them; leave maxPositions out to make it maxLength%n", spec.maxPositions(), spec.maxLength(), spec.maxLength(),
                    spec.maxPositions() - 1, spec.maxLength());
        }
        int maskId = start.tokenizer().tokenId("[MASK]");
        if (maskId < 0) {
            throw spec.encoder() != null
                    ? job.model().error("encoder", spec.encoder() + "'s vocabulary has no [MASK] piece, which masking replaces pieces"
                            + " with; continue from an encoder whose vocabulary has one")
                    : job.model().error("vocabulary", spec.vocabulary() + " has no [MASK] piece, which masking replaces pieces with:"
                            + " train the vocabulary again with [MASK] among its specialTokens");
        }
        if (start.tokenizer().tokenId("[CLS]") < 0 || start.tokenizer().tokenId("[SEP]") < 0) {
            throw spec.encoder() != null
                    ? job.model().error("encoder", spec.encoder() + "'s vocabulary lacks [CLS] or [SEP], which frame every training"
                            + " sequence; continue from an encoder whose vocabulary has both")
                    : job.model().error("vocabulary", spec.vocabulary() + " lacks [CLS] or [SEP], which frame every training sequence:"
                            + " train the vocabulary again with both among its specialTokens");
        }
        int[] undrawable = undrawable(start.tokenizer(), start.config().vocabSize());
        if (undrawable.length >= start.config().vocabSize()) {
            throw job.model().error(spec.encoder() != null ? "encoder" : "vocabulary", (spec.encoder() != null ? spec.encoder()
                    : spec.vocabulary()) + "'s vocabulary holds only special tokens, so masking has no piece to put in at random (was"
                    + " it trained on an empty corpus?)");
        }
        Masking masking = new Masking(spec.maskProbability(), maskId, start.config().vocabSize(), undrawable);
        MlmCorpus corpus = new MlmCorpus(start.tokenizer(), spec.maxLength(), spec.wholeWord());

        List<Document> trainDocs = job.readAll("train");
        List<Document> devDocs;
        if (job.hasSplit("dev")) {
            devDocs = job.readAll("dev");
        } else {
            HeldOut<Document> parts = HeldOut.of(trainDocs, settings, log);
            trainDocs = parts.train();
            devDocs = parts.dev();
        }
        ModelMeta meta = job.newMeta(PretrainedEncoder.KIND, PretrainedEncoder.FORMAT);
        String words = words(spec, trainDocs, !ModelPreprocessing.typesCreating(meta, Layer.TOKENS).isEmpty());
        List<MlmSequence> trainSeqs = requireSequences(job, "train", corpus.sequences(trainDocs));
        // a held-out share of the training data may be small enough to hold nothing: that is no file of the user's to refuse
        List<MlmSequence> devSeqs = job.hasSplit("dev") ? requireSequences(job, "dev", corpus.sequences(devDocs))
                : corpus.sequences(devDocs);
        // read now: an empty test file was found after the training, and scored as "perplexity nu"
        List<MlmSequence> testSeqs = job.hasSplit("test") ? requireSequences(job, "test", corpus.sequences(job.readAll("test")))
                : List.of();
        List<Example> train = new ArrayList<>(trainSeqs.size());
        for (int i = 0; i < trainSeqs.size(); i++) {
            train.add(new Example(trainSeqs.get(i), i));
        }
        List<Masking.Masked> dev = MlmEvaluation.fixed(devSeqs, masking, settings.seed(), "dev-mask");
        long pieces = trainSeqs.stream().mapToLong(MlmSequence::maskable).sum();
        log.printf(Locale.ROOT, "pretrain.mlm: %,d documents -> %,d sequences (%,d pieces, max length %d), %,d dev sequences; %s;"
                        + " masking %.0f %% of the pieces, %s; vocabulary %,d%n", trainDocs.size(), train.size(), pieces,
                spec.maxLength(), dev.size(), spec.encoder() != null ? "continuing encoder " + spec.encoder() : String.format(Locale.ROOT,
                        "new encoder (%d layers, hidden %d, %d heads)", spec.layers(), spec.hidden(), spec.heads()),
                spec.maskProbability() * 100, describeWords(words, trainDocs), start.config().vocabSize());
        try (Params params = new Params(device, true)) {
            boolean newHead = !MaskedLmNetwork.hasHead(start.head());
            MaskedLmNetwork net = MaskedLmNetwork.create(params, start.config(), start.weights(), start.head(),
                    newHead ? MaskedLmNetwork.logFrequencies(trainSeqs, start.config().vocabSize()) : null,
                    Seeds.random(settings.seed(), "init"));
            log.println(newHead ? "MLM head: new (the encoder has none), its bias set to the log frequencies of the training pieces"
                    : "MLM head: the encoder's own");
            int evalBatch = Math.max(settings.batchSize(), 16);
            Map<String, Double> before = MlmEvaluation.score(net, dev, evalBatch);
            if (!before.isEmpty()) {
                log.printf(Locale.ROOT, "epoch 0 (the starting weights): dev masked accuracy %.4f  loss %.4f  perplexity %.2f%n",
                        before.get("accuracy"), before.get("loss"), before.get("perplexity"));
            }
            Trainable<Example> trainable = trainable(net, masking, settings.seed(), start.maskEpochsBefore(), dev, evalBatch);
            TrainingResult result = TrainingLoop.forJob(job, meta, NAME, settings, "accuracy", log).run(trainable, train, Example::length);
            Map<String, TensorFile.Tensor> weights = net.encoderDirectoryWeights();
            // Hugging Face's embeddings keep the padding row at zero and never train it: it must be [PAD]'s, wherever it is
            int pad = start.tokenizer().vocabulary().id("[PAD]");
            Map<String, Object> padding = new LinkedHashMap<>();
            padding.put("pad_token_id", pad >= 0 ? pad : null);
            PretrainedEncoder.writeWeights(job.dir(), start.config(), padding, weights);
            long parameters = weights.entrySet().stream().filter(e -> !e.getKey().startsWith(PretrainedEncoder.HEAD_PREFIX))
                    .mapToLong(e -> e.getValue().values().length).sum();
            // cut where the encoder's positions end (model_max_length, for Hugging Face users of the directory), not where the
            // starting tokenizer cut: an imported encoder's usually cuts nowhere, so transformers would not cut at all
            start.tokenizer().withMaxLength(start.config().maxPositions()).save(job.dir());
            Map<String, Object> metrics = metrics(result, before);
            if (job.hasSplit("test")) {
                List<Masking.Masked> test = MlmEvaluation.fixed(testSeqs, masking, settings.seed(), "test-mask");
                Map<String, Double> scores = MlmEvaluation.score(net, test, evalBatch);
                metrics.put("test", scores);
                log.printf(Locale.ROOT, "test: masked accuracy %.4f  perplexity %.2f%n", scores.get("accuracy"), scores.get("perplexity"));
            }
            describe(meta, spec, start, words, newHead, train.size(), parameters, settings, result, metrics);
            result.complete(job, meta, metrics, NAME);
        }
    }

    private static Start start(MlmSpec spec) throws IOException {
        if (spec.encoder() != null) {
            PretrainedEncoder e = PretrainedEncoder.open(spec.encoder(), LoadOptions.DEFAULT);
            return new Start(e.config(), e.weights(), e.heads(), e.tokenizer(), e.provenance(), maskEpochs(e.meta()));
        }
        BertTokenizer tokenizer = Vocabularies.load(spec.vocabulary());
        // a row per id: a vocab.txt that lists a piece twice has more ids than pieces, and a Hugging Face tokenizer.json's
        // added tokens may have ids past its vocabulary
        int rows = tokenizer.vocabulary().idCount();
        for (var a : tokenizer.addedTokens()) {
            rows = Math.max(rows, a.id() + 1);
        }
        BertConfig config = new BertConfig(rows, spec.hidden(), spec.layers(), spec.heads(), spec.intermediate(),
                spec.maxPositions(), 2, 0.1f, 0.1f, 1e-12, false);
        return new Start(config, null, Map.of(), tokenizer, Map.of("vocabulary", spec.vocabulary().toString()), 0);
    }

    /**
     * The random draw of one sequence's masks in an epoch: epochs are counted across continued runs
     * ({@code epochsBefore} from the model it continues), so a continued pre-training draws new masks
     * instead of repeating the first run's.
     */
    static java.util.Random maskDraw(long seed, int epochsBefore, int epoch, int index) {
        return Masking.random(seed, "mask", epochsBefore + epoch, index);
    }

    private static Trainable<Example> trainable(MaskedLmNetwork net, Masking masking, long seed, int maskEpochsBefore,
                                                List<Masking.Masked> dev, int evalBatch) {
        return new Trainable<>() {
            private int epoch = 1;

            @Override
            public Params params() {
                return net.params();
            }

            @Override
            public void startEpoch(int number) {
                epoch = number;
            }

            @Override
            public NDArray loss(List<Example> batch, NDManager scope) {
                List<Masking.Masked> masked = new ArrayList<>(batch.size());
                for (Example e : batch) {
                    masked.add(masking.mask(e.sequence(), maskDraw(seed, maskEpochsBefore, epoch, e.index())));
                }
                MaskedLmNetwork.Batch b = MaskedLmNetwork.batch(masked, scope);
                return MaskedLmNetwork.loss(net.logits(b.ids(), b.lengths(), b.positions(), true), b.labels());
            }

            @Override
            public Map<String, Double> evaluate() {
                return MlmEvaluation.score(net, dev, evalBatch);
            }
        };
    }

    /**
     * A split that gives no sequence with a piece to mask is refused before the network is built
     * (a blank training file failed later naming no file; a blank dev file trained without dev scores).
     */
    private static List<MlmSequence> requireSequences(TrainingJob job, String split, List<MlmSequence> sequences) {
        if (sequences.isEmpty()) {
            throw job.dataError(split, job.splitPath(split) + " holds no text with a piece to mask (blank lines, or special tokens"
                    + " only); check the path and data.format");
        }
        return sequences;
    }

    /**
     * How words are found, as {@code model.json} records it: {@code pieces} (every piece is one, no
     * whole-word masking), {@code wordpiece} (##-continued groups: no document has a tokens layer),
     * {@code tokens} (the tokens of the stages' segmenter, and ##-continued groups) or
     * {@code data-tokens} (the tokens the data format gives, no stage making any: one per character
     * in a BMES file, so Chinese words are not whole).
     */
    private static String words(MlmSpec spec, List<Document> docs, boolean stagesMakeTokens) {
        if (!spec.wholeWord()) {
            return "pieces";
        }
        if (docs.stream().noneMatch(d -> d.tokens() != null)) {
            return "wordpiece";
        }
        return stagesMakeTokens ? "tokens" : "data-tokens";
    }

    private static String describeWords(String words, List<Document> docs) {
        return switch (words) {
            case "pieces" -> "every piece masked on its own";
            case "wordpiece" -> "whole words = ##-continued piece groups (no tokens layer: Chinese characters stay single; add"
                    + " segment.hanlp under stages: for Chinese whole words)";
            default -> {
                long without = docs.stream().filter(d -> d.tokens() == null).count();
                yield (words.equals("tokens") ? "whole words = the tokens of the stages' segmenter (and ##-continued piece groups)"
                        : "whole words = the tokens the data format gives, no stage making any (one per character in a BMES or"
                        + " character-per-line CoNLL file, so Chinese words are not whole: add segment.hanlp under stages:)")
                        + (without > 0 ? String.format(Locale.ROOT, "; %,d documents without tokens", without) : "");
            }
        };
    }

    private static void describe(ModelMeta meta, MlmSpec spec, Start start, String words, boolean newHead, int sequences, long parameters,
                                 TrainSettings settings, TrainingResult result, Map<String, Object> metrics) {
        Provenance.addVersions(meta, NeuralEngine.versions());
        meta.put("config", start.config().toHuggingFace());
        meta.put("parameters", parameters);
        meta.put("tokenizer", Map.of("lowercase", start.tokenizer().normalization().lowercase(), "from", PretrainedEncoder.TOKENIZER));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", NAME);
        source.put(spec.encoder() != null ? "encoder" : "scratch", start.source());
        meta.put("source", source);
        Map<String, Object> mlm = new LinkedHashMap<>(spec.toMap());
        mlm.put("words", words);
        mlm.put("sequences", sequences);
        mlm.put("head", newHead ? "new" : "continued");
        mlm.put(MASK_EPOCHS, start.maskEpochsBefore() + result.epochs());
        meta.put("mlm", mlm);
        meta.put("seed", settings.seed());
        meta.put("training", result.summary());
        Map<String, Object> scores = new LinkedHashMap<>();
        for (String k : List.of("dev", "test")) {
            if (metrics.containsKey(k)) {
                scores.put(k, metrics.get(k));
            }
        }
        meta.put("metrics", scores);
    }

    private static Map<String, Object> metrics(TrainingResult result, Map<String, Double> before) {
        Map<String, Object> training = FineTuning.metrics(result, "trainSequencesPerSecond");
        Object after = training.remove("dev");
        Map<String, Object> m = new LinkedHashMap<>();
        if (!before.isEmpty()) {
            Map<String, Object> dev = new LinkedHashMap<>();
            dev.put("before", before);
            if (after != null) {
                dev.put("after", after);
            }
            m.put("dev", dev);
        }
        m.putAll(training);
        return m;
    }

    /**
     * The ids a random replacement must not be: the special tokens, and the embedding rows no piece
     * reads (an imported table larger than its vocabulary, the id of a piece a vocab.txt listed twice),
     * whose vectors the encoder never saw as input.
     */
    static int[] undrawable(BertTokenizer tokenizer, int rows) {
        java.util.stream.IntStream.Builder out = java.util.stream.IntStream.builder();
        Set<Integer> added = new HashSet<>();
        for (var a : tokenizer.addedTokens()) {
            added.add(a.id());
            if (a.special()) {
                out.add(a.id());
            }
        }
        for (int id = 0; id < rows; id++) {
            if (!added.contains(id) && tokenizer.vocabulary().token(id) == null) {
                out.add(id);
            }
        }
        return out.build().toArray();
    }
}
