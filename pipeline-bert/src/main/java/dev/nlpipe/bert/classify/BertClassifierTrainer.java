package dev.nlpipe.bert.classify;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.bert.BertInput;
import dev.nlpipe.bert.BertTrainable;
import dev.nlpipe.bert.FineTunedFiles;
import dev.nlpipe.bert.FineTuning;
import dev.nlpipe.bert.LayerDecay;
import dev.nlpipe.bert.Pooling;
import dev.nlpipe.classify.ClassWeights;
import dev.nlpipe.classify.ClassifierEvaluation;
import dev.nlpipe.classify.GoldLabel;
import dev.nlpipe.classify.LabelSet;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.nn.DeviceSpec;
import dev.nlpipe.nn.HeldOut;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Seeds;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.Trainable;
import dev.nlpipe.nn.TrainingLoop;
import dev.nlpipe.nn.TrainingResult;
import dev.nlpipe.nn.bert.BertEncoding;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code task: classify.bert}: fine-tunes a pretrained BERT encoder for text classification —
 * encoder, pooled vector, dropout, linear layer — with AdamW, warm-up and linear decay, gradient
 * clipping and accumulation, length-bucketed batches padded to their longest text, early stopping
 * on dev accuracy; optionally R-Drop and adversarial training on the word embeddings. Evaluates on
 * {@code data.test} the way {@code nlpipe eval classify} does and writes the model directory.
 */
public final class BertClassifierTrainer implements TrainerProvider {
    /** The task name. */
    public static final String NAME = BertClassifierKind.KIND;
    private static final int EVAL_BATCH = 64;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "fine-tunes a pretrained BERT encoder (nlpipe model import) for text classification, on DJL/PyTorch";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        return BertClassifierSpec.options();
    }

    @Override
    public List<OptionSpec> trainOptions() {
        List<OptionSpec> out = new ArrayList<>(TrainSettings.options(Map.of("epochs", 3, "batchSize", 32, "lr", 5e-5, "optimizer",
                "adamw", "weightDecay", 0.01, "schedule", "warmup-linear", "warmupRatio", 0.1, "clipNorm", 1.0, "patience", 2)));
        out.add(LayerDecay.option());
        return out;
    }

    /** One labelled text, tokenized. */
    record Example(BertEncoding encoding, int label) {
        int length() {
            return encoding.length();
        }
    }

    @Override
    public String exampleModel() {
        return FineTuning.EXAMPLE_MODEL;
    }

    @Override
    public boolean trainsOnLabels() {
        return true;
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        BertClassifierSpec spec = BertClassifierSpec.from(job.model());
        TrainSettings settings = TrainSettings.from(job.train());
        TrainSettings.refuseSparseEmbeddings(job.train(), "classify.bert trains its encoder's word-piece table densely");
        PrintStream log = job.log();
        NeuralEngine.get();
        NeuralEngine.setThreads(settings.threads());
        Device device = settings.device().resolve(log::println);
        PretrainedEncoder encoder = PretrainedEncoder.open(spec.encoder(), LoadOptions.DEFAULT);
        encoder.config().checkPositions(job.model(), "maxLength", spec.maxLength());
        LayerDecay layerDecay = LayerDecay.from(job.train(), encoder.config().layers());
        BertTokenizer tokenizer = encoder.tokenizer().withMaxLength(spec.maxLength());
        Map<String, List<Document>> docs = new LinkedHashMap<>();
        for (String split : List.of("train", "dev")) {
            if (job.hasSplit(split)) {
                docs.put(split, job.readAll(split));
            }
        }
        if (!docs.containsKey("dev") && settings.devFraction() > 0) {
            HeldOut<Document> parts = HeldOut.of(docs.get("train"), settings, log);
            docs.put("train", parts.train());
            docs.put("dev", parts.dev());
        }
        // the test split is scored after training: one without labels would fail then, hours later
        job.requireGold("test", d -> GoldLabel.of(d) != null, "labels");
        LabelSet labels = labels(job, docs.get("train"));
        // and one whose labels are all others (neg/pos against 0/1) would be refused then too
        job.requireGold("test", d -> labels.labels().contains(GoldLabel.of(d)), "label of the training data (" + String.join(", ",
                labels.labels()) + ")");
        List<Example> train = encode(docs.get("train"), labels, tokenizer, log, "train");
        List<Example> dev = docs.containsKey("dev") ? encode(docs.get("dev"), labels, tokenizer, log, "dev") : List.of();
        if (job.hasSplit("dev") && dev.isEmpty()) {
            // no dev accuracy: early stopping would be off and the last epoch kept, which is not what a dev file asks for
            throw job.dataError("dev", job.splitPath("dev") + " has no document with a label of the training data (" + docs.get("dev").size()
                    + " read); check it is read with the training data's format and label column");
        }
        Pooling pooling = Pooling.parse(spec.pooling(), encoder.config().pooler());
        if (pooling == Pooling.POOLER && !encoder.config().pooler()) {
            // found at the first batch otherwise, after the data was read and tokenized, and without the option's name
            throw job.model().error("pooling", "the encoder " + spec.encoder() + " has no pooler (its checkpoint had none, as bge's and"
                    + " those pre-trained here have none): use cls, mean or auto");
        }
        log.printf(Locale.ROOT, "classify.bert: %d labels %s; %,d training texts, %,d dev; encoder %s (%d layers, hidden %d), %s"
                        + " pooling, max length %d%s%s%s%s%n", labels.size(), labels.labels(), train.size(), dev.size(), spec.encoder(),
                encoder.config().layers(), encoder.config().hidden(), pooling, spec.maxLength(),
                layerDecay.active() ? ", learning rate " + layerDecay.describe() : "",
                spec.rdropAlpha() > 0 ? ", R-Drop alpha " + spec.rdropAlpha() : "",
                spec.adversarial().active() ? ", adversarial " + spec.adversarial().toMap() : "",
                spec.balanced() ? ", balanced class weights" : "");
        ModelMeta meta = job.newMeta(BertClassifierKind.KIND, BertClassifierKind.FORMAT);
        try (Params params = new Params(device, true)) {
            BertClassifierNetwork net = BertClassifierNetwork.create(params, encoder.config(), encoder.weights(), pooling,
                    (float) spec.dropout(), labels.size(), Seeds.random(settings.seed(), "init"));
            if (pooling != Pooling.POOLER && encoder.config().pooler()) {
                // a pooler this pooling does not read gets zero gradients, and AdamW's decay alone would shrink it (PyTorch
                // leaves a weight without a gradient alone): it stays as imported
                params.freeze(FineTunedFiles.ENCODER_PREFIX + "pooler.dense.weight");
                params.freeze(FineTunedFiles.ENCODER_PREFIX + "pooler.dense.bias");
            }
            float[] classWeights = classWeights(spec, train, labels);
            Trainable<Example> trainable = trainable(net, spec, layerDecay, dev, classWeights);
            TrainingResult result = TrainingLoop.forJob(job, meta, NAME, settings, "accuracy", log).run(trainable, train, Example::length);
            new FineTunedFiles(encoder.config(), tokenizer, params.snapshot()).write(job.dir(), huggingFaceConfig(pooling, labels));
            describe(meta, spec, pooling, labels, classWeights, encoder, settings, layerDecay, result, job);
            Map<String, Object> metrics = FineTuning.metrics(result, "trainTextsPerSecond");
            if (job.hasSplit("test")) {
                // the test loads the model from its directory; complete() rewrites model.json with the test scores
                ModelDir.writeMeta(job.dir(), meta);
                // scored where it trained (device, threads), as ner.bert scores its test split
                Map<String, Object> test = ClassifierEvaluation.evaluateSplit(job.dir(), job.splitPath("test"), job.config().input(),
                        new LoadOptions(DeviceSpec.nameOf(device), TEST_BATCH, NeuralEngine.threads()), log);
                test.remove("model");
                metrics.put("test", test);
                log.printf(Locale.ROOT, "test: accuracy %.4f  macro F1 %.4f%n", test.get("accuracy"), test.get("macro_f1"));
                meta.put("metrics", Map.of("test", Map.of("accuracy", test.get("accuracy"), "macro_f1", test.get("macro_f1"))));
            }
            result.complete(job, meta, metrics, NAME);
        }
    }

    /**
     * What Hugging Face reads from {@code config.json} to load the directory as a classifier: the
     * labels always; {@code BertForSequenceClassification} only under pooler pooling, the one that
     * class computes (pooler, dropout, {@code classifier}): under cls or mean pooling it would put a
     * pooler this model never used in front of the output layer, so the file says {@code BertModel}.
     */
    static Map<String, Object> huggingFaceConfig(Pooling pooling, LabelSet labels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architectures", List.of(pooling == Pooling.POOLER ? "BertForSequenceClassification" : "BertModel"));
        m.putAll(FineTunedFiles.labelConfig(labels.labels()));
        return m;
    }

    /** Texts per forward pass when the test split is scored at the end of training. */
    private static final int TEST_BATCH = 64;

    /** The loss's weight per label with {@code classWeight: balanced} (scikit-learn's balanced weights), else {@code null}. */
    private static float[] classWeights(BertClassifierSpec spec, List<Example> train, LabelSet labels) {
        if (!spec.balanced()) {
            return null;
        }
        float[] w = new float[labels.size()];
        double[] balanced = ClassWeights.balanced(train.stream().mapToInt(Example::label).toArray(), labels.size());
        for (int c = 0; c < w.length; c++) {
            w[c] = (float) balanced[c];
        }
        return w;
    }

    /** The plain mean without class weights ({@code weights} null), so a run without them computes what it did before. */
    private static NDArray crossEntropy(NDArray logits, NDArray gold, NDArray weights) {
        return weights == null ? ClassificationLoss.crossEntropy(logits, gold) : ClassificationLoss.crossEntropy(logits, gold, weights);
    }

    private static Trainable<Example> trainable(BertClassifierNetwork net, BertClassifierSpec spec, LayerDecay layerDecay,
                                                List<Example> dev, float[] classWeights) {
        return new BertTrainable<>(net.params(), net.encoder().wordEmbeddingsName(), spec.adversarial(), w -> false, 1.0, layerDecay) {
            @Override
            public NDArray loss(List<Example> batch, NDManager scope) {
                BertInput in = BertInput.of(batch.stream().map(Example::encoding).toList(), scope);
                NDArray gold = scope.create(batch.stream().mapToLong(Example::label).toArray());
                NDArray weights = classWeights == null ? null : scope.create(classWeights);
                NDArray logits = net.logits(in, true);
                NDArray ce = crossEntropy(logits, gold, weights);
                if (spec.rdropAlpha() <= 0) {
                    return ce;
                }
                NDArray again = net.logits(in, true);
                NDArray both = Ops.times(ce.add(crossEntropy(again, gold, weights)), 0.5);
                return both.add(Ops.times(ClassificationLoss.symmetricKl(logits, again), (float) spec.rdropAlpha()));
            }

            @Override
            public Map<String, Double> evaluate() {
                if (dev.isEmpty()) {
                    return Map.of();
                }
                int[] predicted = BertClassifier.predict(net, dev.stream().map(Example::encoding).toList(), EVAL_BATCH,
                        () -> net.params().manager().newSubManager());
                int correct = 0;
                for (int i = 0; i < predicted.length; i++) {
                    if (predicted[i] == dev.get(i).label()) {
                        correct++;
                    }
                }
                return Map.of("accuracy", correct / (double) dev.size());
            }
        };
    }

    private static LabelSet labels(TrainingJob job, List<Document> train) {
        GoldLabel.warnMultiLabel(train, "data.train", job.log());
        Set<String> seen = new LinkedHashSet<>();
        for (Document d : train) {
            if (GoldLabel.of(d) != null) {
                seen.add(GoldLabel.of(d));
            }
        }
        if (seen.size() < 2) {
            throw job.dataError("train", job.splitPath("train") + " has " + seen.size() + " label(s); a classifier needs at least two"
                    + " (is the label column right for format " + job.config().input().format() + "?)");
        }
        return LabelSet.of(seen, null);
    }

    private static List<Example> encode(List<Document> docs, LabelSet labels, BertTokenizer tokenizer, PrintStream log, String split) {
        List<Example> out = new ArrayList<>(docs.size());
        int unlabeled = 0;
        int unknown = 0;
        int truncated = 0;
        for (Document d : docs) {
            String g = GoldLabel.of(d);
            int label = g == null ? -1 : labels.indexOf(g);
            if (label < 0) {
                if (g == null) {
                    unlabeled++;
                } else {
                    unknown++;
                }
                continue;
            }
            BertEncoding e = tokenizer.encode(d.analysisText());
            if (e.truncated()) {
                truncated++;
            }
            out.add(new Example(e, label));
        }
        if (unlabeled + unknown + truncated > 0) {
            log.printf(Locale.ROOT, "%s: %,d texts without a label and %,d with a label training never saw left out; %,d texts cut to"
                    + " maxLength%n", split, unlabeled, unknown, truncated);
        }
        return out;
    }

    private static void describe(ModelMeta meta, BertClassifierSpec spec, Pooling pooling, LabelSet labels, float[] classWeights,
                                 PretrainedEncoder encoder, TrainSettings settings, LayerDecay layerDecay, TrainingResult result,
                                 TrainingJob job) {
        Map<String, Object> network = new LinkedHashMap<>(spec.toMap());
        network.put("pooling", pooling.toString());
        meta.put("network", network);
        meta.put("labels", labels.labels());
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("rdrop", spec.rdropAlpha());
        recipe.put("adversarial", spec.adversarial().toMap());
        if (classWeights != null) {
            Map<String, Object> weights = new LinkedHashMap<>();
            for (int c = 0; c < classWeights.length; c++) {
                weights.put(labels.labels().get(c), (double) classWeights[c]);
            }
            recipe.put("classWeights", weights);
        }
        meta.put("regularization", recipe);
        meta.put("learningRates", FineTuning.learningRates(settings, layerDecay));
        FineTuning.describe(meta, encoder, settings, result);
    }
}
