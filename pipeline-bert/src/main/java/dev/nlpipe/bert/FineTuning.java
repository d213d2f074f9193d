package dev.nlpipe.bert;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.bert.wordpiece.WordPieceModelKind;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Provenance;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.TrainingResult;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the fine-tuning tasks record alike: the checkpoint fingerprint, the provenance in {@code model.json}, the training metrics. */
public final class FineTuning {
    /**
     * The {@code model:} line of the BERT tasks' examples ({@code nlpipe list}): an imported encoder,
     * as the tasks have none of their own ({@code docs/bert.md} imports bge-small-zh so).
     */
    public static final String EXAMPLE_MODEL = "encoder: models/bge-small-zh";

    private FineTuning() {
    }

    /**
     * Records how the model was made: the encoder it started from (its path and the source its
     * directory names), the seed, the library versions, the epochs run and the encoder's size.
     */
    public static void describe(ModelMeta meta, PretrainedEncoder encoder, TrainSettings settings, TrainingResult result) {
        meta.put("encoder", encoder.provenance());
        meta.put("seed", settings.seed());
        Provenance.addVersions(meta, NeuralEngine.versions());
        meta.put("training", result.summary());
        meta.put("encoderParameters", encoder.weights().values().stream().mapToLong(t -> t.values().length).sum());
    }

    /**
     * The training part of {@code metrics.json}: what {@link TrainingResult#metrics} gives, and the threads per
     * operation.
     */
    public static Map<String, Object> metrics(TrainingResult result, String speedKey) {
        Map<String, Object> m = result.metrics(speedKey);
        m.put("threads", NeuralEngine.threads());
        return m;
    }

    /** {@code model.json}'s {@code learningRates}: the encoder's rate and its decay per layer; a task adds its head's. */
    public static Map<String, Object> learningRates(TrainSettings settings, LayerDecay layerDecay) {
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("encoder", settings.lr());
        rates.put(LayerDecay.OPTION, layerDecay.decay());
        return rates;
    }

    /** The {@code adversarial} model option that every fine-tuning task takes. */
    public static OptionSpec adversarialOption() {
        return OptionSpec.map("adversarial", "adversarial training on the word embeddings: {method: fgm, epsilon: 1.0} or {method:"
                + " pgd, epsilon: 1.0, steps: 3, alpha: 0.3}");
    }

    /**
     * The {@code encoder} model option: an existing directory, and not a {@code tokenize.wordpiece}
     * vocabulary (the docs chain the two tasks, and the kind error said nothing of the option or the fix).
     */
    public static Path encoder(Options o) {
        Path encoder = o.getPath("encoder");
        if (!Files.isDirectory(encoder)) {
            throw o.error("encoder", "not found: " + encoder + "; import one with `nlpipe model import SOURCE --output DIR`");
        }
        if (Files.isRegularFile(encoder.resolve(ModelDir.MODEL_JSON))) {
            String kind;
            try {
                kind = ModelDir.read(encoder).kind();
            } catch (RuntimeException unreadable) {
                return encoder; // loading the encoder says what is wrong with it
            }
            if (WordPieceModelKind.KIND.equals(kind)) {
                throw o.error("encoder", encoder + " is a " + kind + " vocabulary, not an encoder: pre-train one with it first (task"
                        + " pretrain.mlm with model.vocabulary: " + encoder + "), or give it there as vocabulary instead of encoder");
            }
        }
        return encoder;
    }

    /** The {@code maxLength} model option: room for [CLS], one piece and [SEP] at least. */
    public static int maxLength(Options o) {
        int maxLength = o.getInt("maxLength");
        if (maxLength < 3) {
            throw o.error("maxLength", "must be at least 3 ([CLS], one piece, [SEP])");
        }
        return maxLength;
    }

    /** The {@code dropout} model option: a rate in [0, 1). */
    public static double dropout(Options o) {
        double dropout = o.getDouble("dropout");
        if (dropout < 0 || dropout >= 1) {
            throw o.error("dropout", "must be at least 0 and below 1");
        }
        return dropout;
    }
}
