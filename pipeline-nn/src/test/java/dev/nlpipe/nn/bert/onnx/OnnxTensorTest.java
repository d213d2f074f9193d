package dev.nlpipe.nn.bert.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** An initializer's declared dimensions are checked against its data before anything is allocated. */
class OnnxTensorTest {

    @Test
    void bfloat16IsAFloatingTypeReadAsFloat32() {
        // 1.5 and -2 as float32's upper halves
        ByteBuffer two = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3FC0).putShort((short) 0xC000).flip();
        OnnxTensor t = new OnnxTensor("w", new long[] {2}, OnnxTensor.BFLOAT16, two, null, null);
        assertTrue(t.isFloating());
        assertArrayEquals(new float[] {1.5f, -2f}, t.toFloats());
    }

    @Test
    void dimensionsTheDataDoesNotFillAreRefused() {
        ByteBuffer two = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).flip();
        assertArrayEquals(new float[] {1.5f, -2f}, new OnnxTensor("w", new long[] {2}, OnnxTensor.FLOAT, two, null, null).toFloats());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new OnnxTensor("w", new long[] {2_147_483_000L}, OnnxTensor.FLOAT, two, null, null).toFloats());
        assertTrue(e.getMessage().contains("declares 2147483000 values in 8 bytes"), e.getMessage());
        for (long[] dims : new long[][] {{4294967296L, 4294967296L}, {-1, -2}}) {
            assertThrows(IllegalStateException.class, () -> new OnnxTensor("w", dims, OnnxTensor.FLOAT, two, null, null).toFloats());
        }
    }
}
