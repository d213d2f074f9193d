package dev.nlpipe.bert.classify;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.bert.CutTexts;
import dev.nlpipe.bert.FineTunedFiles;
import dev.nlpipe.bert.Pooling;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TextClassifier;
import dev.nlpipe.nn.Inference;
import dev.nlpipe.nn.Params;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code classify.bert} model kind: a fine-tuned BERT classifier as a {@link TextClassifier}. */
public final class BertClassifierKind implements ModelKind<TextClassifier> {
    /** The model kind in {@code model.json}, and the task that writes it. */
    public static final String KIND = "classify.bert";
    /** The newest format this build writes and reads. */
    public static final int FORMAT = 1;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BertClassifierKind.class);

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String description() {
        return "fine-tuned BERT text classifier, written by task classify.bert";
    }

    @Override
    public Class<TextClassifier> type() {
        return TextClassifier.class;
    }

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    /** Raw text: the model tokenizes it. */
    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return Set.of();
    }

    @Override
    public TextClassifier load(Path dir, ModelMeta meta, LoadOptions options) {
        List<String> labels = meta.getStringList("labels");
        Map<String, Object> network = meta.getMap("network");
        if (labels.size() < 2 || !(network.get("maxLength") instanceof Number maxLength)) {
            throw new ModelException(dir, "model.json lacks its labels or network description");
        }
        Device device = Inference.prepare(dir, options, LOG);
        FineTunedFiles files = FineTunedFiles.read(dir);
        files.checkAgainst(dir, maxLength.intValue(), "label", labels.size());
        Params params = new Params(device, false);
        try {
            files.weights().forEach((name, t) -> params.put(name, new Shape(t.shape()), t.values()));
            Pooling pooling = Pooling.parse(String.valueOf(network.getOrDefault("pooling", "cls")), files.config().pooler());
            BertClassifierNetwork net = BertClassifierNetwork.bind(params, files.config(), pooling, 0f);
            return new BertClassifier(labels, files.tokenizer().withMaxLength(maxLength.intValue()), net, device, options.batchSize(),
                    new CutTexts(dir, maxLength.intValue(), "the model was trained with"
                            + " model.maxLength " + maxLength + ": train it again with a higher one (up to the encoder's positions), or split"
                            + " long texts"));
        } catch (RuntimeException e) {
            params.close();
            throw ModelException.cannotLoad(dir, e);
        }
    }
}
