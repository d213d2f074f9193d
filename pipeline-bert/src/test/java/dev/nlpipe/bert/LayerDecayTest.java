package dev.nlpipe.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which factor each of BERT's weight names gets, by the layer it belongs to. */
class LayerDecayTest {
    private static void assertScales(LayerDecay decay, Map<String, Double> expected) {
        expected.forEach((name, scale) -> assertEquals(scale, decay.scale(name), 1e-12, name));
    }

    @Test
    void eachLayerBelowTheLastGetsOneMoreFactorAndTheEmbeddingsOneMoreStill() {
        assertScales(new LayerDecay(4, 0.5), Map.of(
                "bert.encoder.layer.3.output.dense.weight", 1.0,
                "bert.encoder.layer.2.attention.self.query.bias", 0.5,
                "bert.encoder.layer.0.intermediate.dense.weight", 0.125,
                "bert.embeddings.word_embeddings.weight", 0.0625,
                "embeddings.LayerNorm.weight", 0.0625,             // an encoder's own names, without a prefix
                "encoder.layer.1.output.LayerNorm.bias", 0.25));
    }

    @Test
    void twoDigitLayersAreReadWhole() {
        assertScales(new LayerDecay(12, 0.9), Map.of(
                "bert.encoder.layer.11.output.dense.weight", 1.0,
                "bert.encoder.layer.10.output.dense.weight", 0.9,
                "bert.encoder.layer.9.output.dense.weight", 0.9 * 0.9,
                "bert.encoder.layer.0.output.dense.weight", Math.pow(0.9, 11)));
    }

    @Test
    void weightsOutsideTheLayersAndEmbeddingsKeepTheRate() {
        assertScales(new LayerDecay(4, 0.5), Map.of(
                "bert.pooler.dense.weight", 1.0,
                "classifier.weight", 1.0,
                "crf.transitions", 1.0,
                "mlm.predictions.decoder_embeddings.bias", 1.0));  // 'embeddings' must start a name part
    }

    @Test
    void withoutDecayEveryWeightKeepsTheRate() {
        LayerDecay none = new LayerDecay(4, 1.0);
        assertFalse(none.active());
        assertScales(none, Map.of("bert.embeddings.word_embeddings.weight", 1.0, "bert.encoder.layer.0.output.dense.weight", 1.0));
    }
}
