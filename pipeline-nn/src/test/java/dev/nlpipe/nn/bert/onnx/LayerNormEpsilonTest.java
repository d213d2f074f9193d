package dev.nlpipe.nn.bert.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where an ONNX export keeps its LayerNorm epsilon, and the defaults when it keeps none. */
class LayerNormEpsilonTest {
    private static OnnxGraph graph(OnnxNode... nodes) {
        return new OnnxGraph(Map.of(), List.of(nodes), List.of(), List.of());
    }

    private static OnnxNode layerNorm(Map<String, Float> attributes) {
        return new OnnxNode("/embeddings/LayerNorm/LayerNormalization", "LayerNormalization", List.of(), List.of(), attributes, Map.of(),
                Map.of(), Map.of(), "");
    }

    private static OnnxNode constant(OnnxTensor value) {
        return new OnnxNode("/embeddings/LayerNorm/Constant_1", "Constant", List.of(), List.of(), Map.of(), Map.of(),
                Map.of("value", value), Map.of(), "");
    }

    @Test
    void aFusedNodeGivesItsAttributeOrOnnxsDefault() {
        assertEquals(1e-7, OnnxBertWeights.epsilon(graph(layerNorm(Map.of("epsilon", 1e-7f)))), 1e-12);
        assertEquals(1e-5, OnnxBertWeights.epsilon(graph(layerNorm(Map.of()))), 0, "ONNX's default when the attribute is left out");
    }

    @Test
    void theConstantAddedToTheVarianceIsReadAsFloatOrDouble() {
        assertEquals(1e-6, OnnxBertWeights.epsilon(graph(constant(new OnnxTensor("eps", new long[0], OnnxTensor.FLOAT, null,
                new float[] {1e-6f}, null)))), 1e-12);
        ByteBuffer raw = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0, 1e-7);
        assertEquals(1e-7, OnnxBertWeights.epsilon(graph(constant(new OnnxTensor("eps", new long[0], OnnxTensor.DOUBLE, raw, null,
                null)))), 1e-12);
        assertEquals(1e-12, OnnxBertWeights.epsilon(graph()), 0, "BERT's own when the graph shows none");
    }

    @Test
    void theConstantOfAFloat16GraphIsRead() {
        ByteBuffer raw = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, Float.floatToFloat16(1e-5f));
        assertEquals(1e-5, OnnxBertWeights.epsilon(graph(constant(new OnnxTensor("eps", new long[0], OnnxTensor.FLOAT16, raw, null,
                null)))), 1e-7, "float16's nearest to 1e-5, not BERT's 1e-12");
    }
}
