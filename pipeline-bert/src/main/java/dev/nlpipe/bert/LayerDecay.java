package dev.nlpipe.bert;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer-wise learning-rate decay for fine-tuning: the encoder's last layer learns at the encoder's
 * rate and each layer below it at {@code decay} times the rate of the layer above; the embeddings,
 * below the first layer, at {@code decay^layers}. Lower layers hold the most general features of
 * pretraining, so they are moved least (Howard &amp; Ruder 2018; Clark et al. 2020 for ELECTRA).
 * Weights outside the encoder's layers and embeddings (pooler, task head) keep factor 1.
 *
 * @param layers the encoder's layer count
 * @param decay the factor per layer, in (0, 1]; 1 turns the decay off
 */
public record LayerDecay(int layers, double decay) {
    /** Name of the {@code train:} option. */
    public static final String OPTION = "layerDecay";
    private static final Pattern LAYER = Pattern.compile("(?:^|\\.)encoder\\.layer\\.(\\d+)\\.");
    private static final Pattern EMBEDDINGS = Pattern.compile("(?:^|\\.)embeddings\\.");

    /** The {@code layerDecay} option spec, shared by the fine-tuning tasks. */
    public static OptionSpec option() {
        return OptionSpec.number(OPTION, 1.0, "layer-wise learning-rate decay: each encoder layer learns at this factor times the rate"
                + " of the layer above it, the embeddings below the first layer; 1 = every layer at lr");
    }

    /** Reads {@code layerDecay} from the training options, for an encoder of {@code layers} layers. */
    public static LayerDecay from(Options train, int layers) {
        double decay = train.getDouble(OPTION);
        if (!(decay > 0 && decay <= 1)) {
            throw train.error(OPTION, "must be above 0 and at most 1 (1 = no decay), e.g. 0.9");
        }
        return new LayerDecay(layers, decay);
    }

    /** For the training log: {@code × D per layer below the last}. */
    public String describe() {
        return "× " + decay + " per layer below the last";
    }

    /** Whether some weight learns below the encoder's rate. */
    public boolean active() {
        return decay < 1;
    }

    /** The factor on the encoder's learning rate for the weight of this name. */
    public double scale(String weight) {
        if (!active()) {
            return 1.0;
        }
        Matcher layer = LAYER.matcher(weight);
        if (layer.find()) {
            return Math.pow(decay, layers - 1 - Integer.parseInt(layer.group(1)));
        }
        return EMBEDDINGS.matcher(weight).find() ? Math.pow(decay, layers) : 1.0;
    }
}
