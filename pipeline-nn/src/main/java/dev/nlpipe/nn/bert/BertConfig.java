package dev.nlpipe.nn.bert;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.nn.EncoderConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of a BERT encoder, as Hugging Face's {@code config.json} names them, so that a
 * checkpoint's configuration reads and writes unchanged.
 *
 * @param vocabSize word-piece vocabulary ({@code vocab_size})
 * @param hidden model width ({@code hidden_size})
 * @param layers encoder layers ({@code num_hidden_layers})
 * @param heads attention heads ({@code num_attention_heads})
 * @param intermediate feed-forward width ({@code intermediate_size})
 * @param maxPositions the longest input ({@code max_position_embeddings})
 * @param typeVocabSize segment types ({@code type_vocab_size})
 * @param hiddenDropout {@code hidden_dropout_prob}
 * @param attentionDropout {@code attention_probs_dropout_prob}
 * @param layerNormEps {@code layer_norm_eps}
 * @param pooler whether the encoder has BERT's pooler (a dense + tanh layer on the first token)
 */
public record BertConfig(int vocabSize, int hidden, int layers, int heads, int intermediate, int maxPositions, int typeVocabSize,
                         float hiddenDropout, float attentionDropout, double layerNormEps, boolean pooler) {

    public BertConfig {
        if (vocabSize < 1 || layers < 1 || maxPositions < 1 || typeVocabSize < 1) {
            throw new IllegalArgumentException("vocabulary, layers, positions and token types must be positive");
        }
        new EncoderConfig(hidden, heads, intermediate, hiddenDropout, attentionDropout, layerNormEps);
    }

    /** The sizes of each encoder layer. */
    public EncoderConfig layer() {
        return new EncoderConfig(hidden, heads, intermediate, hiddenDropout, attentionDropout, layerNormEps);
    }

    /** The same encoder with other dropout rates (0, 0 to compare outputs with another implementation). */
    public BertConfig withDropout(float hiddenRate, float attentionRate) {
        return new BertConfig(vocabSize, hidden, layers, heads, intermediate, maxPositions, typeVocabSize, hiddenRate, attentionRate,
                layerNormEps, pooler);
    }

    /** The same encoder with or without the pooler. */
    public BertConfig withPooler(boolean withPooler) {
        return new BertConfig(vocabSize, hidden, layers, heads, intermediate, maxPositions, typeVocabSize, hiddenDropout,
                attentionDropout, layerNormEps, withPooler);
    }

    /**
     * Reads Hugging Face's {@code config.json} (a BERT-family {@code model_type}); absent dropouts
     * and epsilon take BERT's defaults.
     *
     * @param pooler whether the checkpoint holds the pooler's weights
     * @throws IllegalArgumentException naming the missing or unsupported field
     */
    public static BertConfig fromHuggingFace(Map<String, Object> json, boolean pooler) {
        Object act = json.getOrDefault("hidden_act", "gelu");
        if (!"gelu".equals(act)) {
            throw new IllegalArgumentException("hidden_act '" + act + "' is not supported; nlpipe's BERT uses the exact (erf) gelu");
        }
        Object type = json.get("model_type");
        if (type != null && !"bert".equals(type)) {
            throw new IllegalArgumentException("model_type '" + type + "' is not BERT; nlpipe imports BERT encoders (bert)");
        }
        if (Boolean.TRUE.equals(json.get("is_decoder")) || Boolean.TRUE.equals(json.get("add_cross_attention"))) {
            // transformers runs such a BertModel with a causal mask (and cross-attention): read as an encoder it would give other outputs
            throw new IllegalArgumentException("is_decoder or add_cross_attention is true: it is a BERT decoder, and nlpipe imports BERT"
                    + " encoders, which read the whole text at once");
        }
        Object positions = json.getOrDefault("position_embedding_type", "absolute");
        if (!"absolute".equals(positions)) {
            // relative_key models add distance embeddings inside attention; read as absolute they would give wrong outputs
            throw new IllegalArgumentException("position_embedding_type '" + positions + "' is not supported; nlpipe's BERT has"
                    + " absolute position embeddings");
        }
        return new BertConfig(integer(json, "vocab_size"), integer(json, "hidden_size"), integer(json, "num_hidden_layers"),
                integer(json, "num_attention_heads"), integer(json, "intermediate_size"), integer(json, "max_position_embeddings"),
                json.get("type_vocab_size") instanceof Number n ? n.intValue() : 2,
                (float) number(json, "hidden_dropout_prob", 0.1), (float) number(json, "attention_probs_dropout_prob", 0.1),
                number(json, "layer_norm_eps", 1e-12), pooler);
    }

    /** The configuration as Hugging Face's {@code config.json} writes it. */
    public Map<String, Object> toHuggingFace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_type", "bert");
        m.put("architectures", java.util.List.of("BertModel"));
        m.put("vocab_size", vocabSize);
        m.put("hidden_size", hidden);
        m.put("num_hidden_layers", layers);
        m.put("num_attention_heads", heads);
        m.put("intermediate_size", intermediate);
        m.put("hidden_act", "gelu");
        m.put("max_position_embeddings", maxPositions);
        m.put("type_vocab_size", typeVocabSize);
        m.put("hidden_dropout_prob", hiddenDropout);
        m.put("attention_probs_dropout_prob", attentionDropout);
        m.put("layer_norm_eps", layerNormEps);
        m.put("pad_token_id", 0);
        return m;
    }

    private static int integer(Map<String, Object> json, String key) {
        if (!(json.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("config.json has no number '" + key + "'");
        }
        return n.intValue();
    }

    private static double number(Map<String, Object> json, String key, double fallback) {
        return json.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    /**
     * Refuses {@code options}' {@code option} when its {@code length} pieces would not fit this
     * encoder's position table, naming the largest value that does (as a configuration error, before
     * training, rather than at the first long enough text).
     */
    public void checkPositions(Options options, String option, int length) {
        if (length > maxPositions) {
            throw options.error(option, "is " + length + " but the encoder has only " + maxPositions + " positions; set " + option + ": "
                    + maxPositions);
        }
    }
}
