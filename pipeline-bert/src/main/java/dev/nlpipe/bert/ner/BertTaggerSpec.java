package dev.nlpipe.bert.ner;

import dev.nlpipe.bert.Adversarial;
import dev.nlpipe.bert.FineTuning;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.data.Units;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code model:} options of {@code ner.bert}, validated, and the network description stored in
 * {@code model.json} (everything but the encoder path and the adversarial recipe).
 *
 * @param encoder the pretrained encoder's model directory ({@code null} in a loaded model's description)
 * @param unit {@code char} (every non-space character is tagged; Chinese) or {@code token} (every
 *     token of the tokens layer; English)
 * @param scheme the tag scheme the CRF learns
 * @param maxLength the most word pieces the encoder reads at once, [CLS] and [SEP] included; longer
 *     sentences are read in overlapping windows
 * @param dropout dropout on the hidden states before the output layer
 * @param crf a CRF over the units' scores (else each unit's tag is the best of its own scores)
 * @param lstm units per direction of a BiLSTM between the encoder and the output layer (0 = none)
 * @param adversarial adversarial training on the word embeddings
 */
public record BertTaggerSpec(Path encoder, String unit, TagScheme scheme, int maxLength, double dropout, boolean crf,
                             int lstm, Adversarial adversarial) {

    /** The options. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.path("encoder", "the pretrained encoder: a model directory written by `nlpipe model import` or task"
                        + " pretrain.mlm").asRequired(),
                OptionSpec.choice("unit", "char", "what is tagged: char (each character; Chinese) or token (each token of the tokens"
                        + " layer, read through its first word piece; English)", "char", "token"),
                OptionSpec.choice("scheme", "bioes", "tag scheme the CRF learns (output is always entity spans)", "bioes", "bio",
                        "bmes"),
                OptionSpec.integer("maxLength", 256, "the most word pieces the encoder reads at once, [CLS] and [SEP] included;"
                        + " longer sentences are read in overlapping windows, so nothing is cut"),
                OptionSpec.number("dropout", 0.1, "dropout before the output layer (the encoder's own rates come from its config)"),
                OptionSpec.bool("crf", true, "a linear-chain CRF over the units' tag scores; false tags each unit by its own best score"),
                OptionSpec.integer("lstm", 0, "units per direction of a BiLSTM between the encoder and the output layer"
                        + " (BERT-BiLSTM-CRF; it learns at headLr); 0 = none"),
                FineTuning.adversarialOption());
    }

    /** Reads and checks validated options. */
    public static BertTaggerSpec from(Options o) {
        Path encoder = FineTuning.encoder(o);
        int maxLength = FineTuning.maxLength(o);
        double dropout = FineTuning.dropout(o);
        int lstm = o.getInt("lstm");
        if (lstm < 0) {
            throw o.error("lstm", "must not be negative (0 = no BiLSTM)");
        }
        return new BertTaggerSpec(encoder, o.getString("unit"), TagScheme.parse(o.getString("scheme")), maxLength, dropout,
                o.getBoolean("crf"), lstm, Adversarial.from(o, "adversarial"));
    }

    /** The layers above the encoder, as the training log names them: {@code BiLSTM 256 x 2, CRF}. */
    public String describeHead() {
        return (lstm > 0 ? "BiLSTM " + lstm + " x 2, " : "") + (crf ? "CRF" : "no CRF");
    }

    /** The layers that start random and learn at {@code headLr}: {@code output layer, BiLSTM and CRF}. */
    public String newLayers() {
        return "output layer" + (lstm > 0 ? ", BiLSTM" : "") + (crf ? " and CRF" : "");
    }

    /** Whether units are tokens (else characters). */
    public boolean tokenUnits() {
        return unit.equals("token");
    }

    /** What the tagger labels; {@code stage} is named in missing-layer messages. */
    public Units units(String stage) {
        return new Units(tokenUnits(), false, stage);
    }

    /** The network description stored in {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unit);
        m.put("scheme", scheme.name().toLowerCase(Locale.ROOT));
        m.put("maxLength", maxLength);
        m.put("dropout", dropout);
        m.put("crf", crf);
        if (lstm > 0) {
            m.put("lstm", lstm);
        }
        return m;
    }

    /**
     * Reads a network description stored in {@code model.json}.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static BertTaggerSpec fromMap(Map<String, Object> m) {
        if (!(m.get("unit") instanceof String unit) || !(unit.equals("char") || unit.equals("token"))) {
            throw new IllegalArgumentException("'unit' is missing or is neither char nor token");
        }
        if (!(m.get("scheme") instanceof String scheme) || !(m.get("maxLength") instanceof Number maxLength)) {
            throw new IllegalArgumentException("'scheme' or 'maxLength' is missing");
        }
        double dropout = m.get("dropout") instanceof Number d ? d.doubleValue() : 0.0;
        boolean crf = !(m.get("crf") instanceof Boolean b) || b;
        int lstm = m.get("lstm") instanceof Number n ? n.intValue() : 0;
        return new BertTaggerSpec(null, unit, TagScheme.parse(scheme), maxLength.intValue(), dropout, crf, lstm, Adversarial.NONE);
    }
}
