package dev.nlpipe.nn.bert.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attention head count of an ONNX export, from the constant its first layer scales the scores by. */
class AttentionHeadsTest {
    private static OnnxGraph scaledBy(float value) {
        OnnxNode c = new OnnxNode("/encoder/layer.0/attention/self/Constant_2", "Constant", List.of(), List.of(), Map.of(), Map.of(),
                Map.of("value", new OnnxTensor("s", new long[0], OnnxTensor.FLOAT, null, new float[] {value}, null)));
        return new OnnxGraph(Map.of(), List.of(c), List.of(), List.of());
    }

    @Test
    void aDivisorAndAFactorOfTheSameScaleGiveTheSameHeads() throws IOException {
        // hidden 512 in heads of 64: older exports divide by √64 = 8, newer ones multiply by 1/8
        assertEquals(8, OnnxBertWeights.heads(scaledBy(8f), 512));
        assertEquals(8, OnnxBertWeights.heads(scaledBy(0.125f), 512));
        assertThrows(IOException.class, () -> OnnxBertWeights.heads(scaledBy(3f), 512), "9 does not divide 512");
    }
}
