package dev.nlpipe.bert.classify;

import dev.nlpipe.bert.Adversarial;
import dev.nlpipe.bert.FineTuning;
import dev.nlpipe.bert.Pooling;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code model:} options of {@code classify.bert}, validated.
 *
 * @param encoder the pretrained encoder's model directory ({@code nlpipe model import} or {@code pretrain.mlm})
 * @param maxLength the most word pieces of a text, [CLS] and [SEP] included (longer texts are cut)
 * @param pooling how the hidden states become one vector ({@code auto}, {@code cls}, {@code mean}, {@code pooler})
 * @param dropout dropout before the output layer
 * @param rdropAlpha the weight of R-Drop's symmetric KL term (0 = off)
 * @param adversarial adversarial training on the word embeddings
 * @param balanced whether the loss weighs each class by {@code n / (classes · n_class)} ({@code classWeight: balanced})
 */
public record BertClassifierSpec(Path encoder, int maxLength, String pooling, double dropout, double rdropAlpha,
                                 Adversarial adversarial, boolean balanced) {

    /** The options. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.path("encoder", "the pretrained encoder: a model directory written by `nlpipe model import` or task"
                        + " pretrain.mlm").asRequired(),
                OptionSpec.integer("maxLength", 128, "the most word pieces per text, [CLS] and [SEP] included; longer texts are cut"),
                OptionSpec.choice("pooling", "auto", "one vector per text: cls (the first token), mean (of the tokens), pooler"
                        + " (BERT's pooler), auto (the pooler when the encoder has one, else cls)", Pooling.NAMES),
                OptionSpec.number("dropout", 0.1, "dropout before the output layer (the encoder's own rates come from its config)"),
                OptionSpec.map("rdrop", "R-Drop: {alpha: 4.0} runs each batch twice with different dropout and adds alpha times"
                        + " the symmetric KL divergence of the two predictions to the loss"),
                FineTuning.adversarialOption(),
                OptionSpec.choice("classWeight", "none", "balanced weighs each training text's loss by n / (classes · n_class), as"
                        + " scikit-learn's class_weight=\"balanced\", so a rare class counts as much as a common one", "none", "balanced"));
    }

    /** Reads and checks validated options. */
    public static BertClassifierSpec from(Options o) {
        Path encoder = FineTuning.encoder(o);
        int maxLength = FineTuning.maxLength(o);
        double dropout = FineTuning.dropout(o);
        Map<String, Object> rdrop = o.getMap("rdrop");
        double alpha = 0;
        if (rdrop != null && !rdrop.isEmpty()) {
            if (!rdrop.keySet().equals(Set.of("alpha")) || !(rdrop.get("alpha") instanceof Number n) || !(n.doubleValue() >= 0)
                    || !Double.isFinite(n.doubleValue())) {
                throw o.error("rdrop", "is {alpha: NUMBER}, the weight of the KL term (e.g. 4.0)");
            }
            alpha = n.doubleValue();
        }
        return new BertClassifierSpec(encoder, maxLength, o.getString("pooling"), dropout, alpha, Adversarial.from(o, "adversarial"),
                o.getString("classWeight").equals("balanced"));
    }

    /** The form stored in {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxLength", maxLength);
        m.put("pooling", pooling);
        m.put("dropout", dropout);
        return m;
    }
}
