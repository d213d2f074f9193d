package dev.nlpipe.nn;

/**
 * The sizes of a Transformer encoder layer, as Hugging Face's {@code BertConfig} names them.
 *
 * @param hidden model width ({@code hidden_size})
 * @param heads attention heads ({@code num_attention_heads}); divides {@code hidden}
 * @param intermediate width of the feed-forward layer ({@code intermediate_size})
 * @param hiddenDropout dropout after the attention output and the feed-forward output ({@code hidden_dropout_prob})
 * @param attentionDropout dropout on the attention probabilities ({@code attention_probs_dropout_prob})
 * @param layerNormEps the LayerNorms' epsilon ({@code layer_norm_eps})
 */
public record EncoderConfig(int hidden, int heads, int intermediate, float hiddenDropout, float attentionDropout,
                            double layerNormEps) {

    public EncoderConfig {
        if (hidden < 1 || heads < 1 || hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a positive multiple of " + heads + " heads");
        }
        if (intermediate < 1) {
            throw new IllegalArgumentException("intermediate size must be positive, not " + intermediate);
        }
        if (!(hiddenDropout >= 0 && hiddenDropout < 1 && attentionDropout >= 0 && attentionDropout < 1)) {
            throw new IllegalArgumentException("dropout rates must be in [0, 1)");
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("layerNormEps must be positive");
        }
    }

    /** BERT's choices for a width and head count: feed-forward 4 × hidden, dropouts 0.1, epsilon 1e-12. */
    public static EncoderConfig bert(int hidden, int heads) {
        return new EncoderConfig(hidden, heads, 4 * hidden, 0.1f, 0.1f, LayerNorm.BERT_EPS);
    }

    /** The same sizes with other dropout rates (0, 0 for deterministic checks). */
    public EncoderConfig withDropout(float hidden, float attention) {
        return new EncoderConfig(this.hidden, heads, intermediate, hidden, attention, layerNormEps);
    }
}
