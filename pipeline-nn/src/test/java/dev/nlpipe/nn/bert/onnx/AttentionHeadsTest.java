package dev.nlpipe.nn.bert.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attention head count of an ONNX export, from the constant its first layer scales the scores by. */
class AttentionHeadsTest {
    private static OnnxGraph scaledBy(float value) {
        OnnxNode c = new OnnxNode("/encoder/layer.0/attention/self/Constant_2", "Constant", List.of(), List.of(), Map.of(), Map.of(),
                Map.of("value", new OnnxTensor("s", new long[0], OnnxTensor.FLOAT, null, new float[] {value}, null)), Map.of(), "");
        return new OnnxGraph(Map.of(), List.of(c), List.of(), List.of());
    }

    /** A scale kept as a 16-bit float, as a graph converted to float16 or bfloat16 keeps its constants. */
    private static OnnxGraph scaledBy(int dataType, float value) {
        short bits = dataType == OnnxTensor.FLOAT16 ? Float.floatToFloat16(value) : (short) (Float.floatToIntBits(value) >>> 16);
        ByteBuffer raw = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, bits);
        OnnxNode c = new OnnxNode("/encoder/layer.0/attention/self/Constant_2", "Constant", List.of(), List.of(), Map.of(), Map.of(),
                Map.of("value", new OnnxTensor("s", new long[0], dataType, raw, null, null)), Map.of(), "");
        return new OnnxGraph(Map.of(), List.of(c), List.of(), List.of());
    }

    @Test
    void aScaleKeptAsFloat16OrBfloat16GivesTheHeadsDespiteItsRounding() throws IOException {
        // MiniLM's hidden 384 in heads of 32: √32 and 1/√32 are rounded to 11 (float16) or 8 (bfloat16) significant bits
        for (int type : new int[] {OnnxTensor.FLOAT16, OnnxTensor.BFLOAT16}) {
            assertEquals(12, OnnxBertWeights.heads(scaledBy(type, (float) Math.sqrt(32)), 384), "type " + type);
            assertEquals(12, OnnxBertWeights.heads(scaledBy(type, (float) (1 / Math.sqrt(32))), 384), "type " + type);
            assertEquals(8, OnnxBertWeights.heads(scaledBy(type, 0.125f), 512), "type " + type);
        }
    }

    @Test
    void aDivisorAndAFactorOfTheSameScaleGiveTheSameHeads() throws IOException {
        // hidden 512 in heads of 64: older exports divide by √64 = 8, newer ones multiply by 1/8
        assertEquals(8, OnnxBertWeights.heads(scaledBy(8f), 512));
        assertEquals(8, OnnxBertWeights.heads(scaledBy(0.125f), 512));
        assertThrows(IOException.class, () -> OnnxBertWeights.heads(scaledBy(3f), 512), "9 does not divide 512");
    }
}
