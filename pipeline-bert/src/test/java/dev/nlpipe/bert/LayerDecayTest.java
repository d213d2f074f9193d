package dev.nlpipe.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Which factor each of BERT's weight names gets, by the layer it belongs to. */
class LayerDecayTest {
    private static final double EPS = 1e-12;

    @Test
    void eachLayerBelowTheLastGetsOneMoreFactorAndTheEmbeddingsOneMoreStill() {
        LayerDecay d = new LayerDecay(4, 0.5);
        assertEquals(1.0, d.scale("bert.encoder.layer.3.output.dense.weight"), EPS);
        assertEquals(0.5, d.scale("bert.encoder.layer.2.attention.self.query.bias"), EPS);
        assertEquals(0.125, d.scale("bert.encoder.layer.0.intermediate.dense.weight"), EPS);
        assertEquals(0.0625, d.scale("bert.embeddings.word_embeddings.weight"), EPS);
        assertEquals(0.0625, d.scale("embeddings.LayerNorm.weight"), EPS, "an encoder's own names, without a prefix");
        assertEquals(0.25, d.scale("encoder.layer.1.output.LayerNorm.bias"), EPS);
    }

    @Test
    void twoDigitLayersAreReadWhole() {
        LayerDecay d = new LayerDecay(12, 0.9);
        assertEquals(1.0, d.scale("bert.encoder.layer.11.output.dense.weight"), EPS);
        assertEquals(0.9, d.scale("bert.encoder.layer.10.output.dense.weight"), EPS);
        assertEquals(0.9 * 0.9, d.scale("bert.encoder.layer.9.output.dense.weight"), EPS);
        assertEquals(Math.pow(0.9, 11), d.scale("bert.encoder.layer.0.output.dense.weight"), EPS);
    }

    @Test
    void weightsOutsideTheLayersAndEmbeddingsKeepTheRate() {
        LayerDecay d = new LayerDecay(4, 0.5);
        assertEquals(1.0, d.scale("bert.pooler.dense.weight"), EPS);
        assertEquals(1.0, d.scale("classifier.weight"), EPS);
        assertEquals(1.0, d.scale("crf.transitions"), EPS);
        assertEquals(1.0, d.scale("mlm.predictions.decoder_embeddings.bias"), EPS, "'embeddings' must start a name part");
    }

    @Test
    void withoutDecayEveryWeightKeepsTheRate() {
        LayerDecay none = LayerDecay.none(4);
        assertFalse(none.active());
        assertEquals(1.0, none.scale("bert.embeddings.word_embeddings.weight"), EPS);
        assertEquals(1.0, none.scale("bert.encoder.layer.0.output.dense.weight"), EPS);
    }
}
