package dev.nlpipe.nn.bert.onnx;

import dev.nlpipe.nn.TensorFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor of an ONNX graph (an initializer, or a constant's value): its name, shape, element
 * type and data, read in place from the model file.
 *
 * @param name the tensor's name ({@code onnx::MatMul_541} for an anonymous one)
 * @param dims the shape
 * @param dataType ONNX's element type ({@link #FLOAT}, {@link #INT64}...)
 * @param raw the little-endian {@code raw_data}, or {@code null} when the values are in the typed fields
 * @param floats {@code float_data}, or {@code null}
 * @param longs {@code int64_data}, or {@code null}
 */
public record OnnxTensor(String name, long[] dims, int dataType, ByteBuffer raw, float[] floats, long[] longs) {
    /** ONNX's FLOAT. */
    public static final int FLOAT = 1;
    /** ONNX's INT64. */
    public static final int INT64 = 7;
    /** ONNX's FLOAT16. */
    public static final int FLOAT16 = 10;
    /** ONNX's DOUBLE. */
    public static final int DOUBLE = 11;
    /** ONNX's BFLOAT16. */
    public static final int BFLOAT16 = 16;

    /** The number of elements. */
    public long size() {
        long n = TensorFile.Tensor.count(dims);
        if (n < 0) {
            throw new IllegalStateException("tensor '" + name + "' has dimensions " + Arrays.toString(dims)
                    + ": negative, or more values than an array holds");
        }
        return n;
    }

    /** Whether the elements are floating point (float16, bfloat16, float32, float64). */
    public boolean isFloating() {
        return dataType == FLOAT || dataType == FLOAT16 || dataType == BFLOAT16 || dataType == DOUBLE;
    }

    /** The values as float32, from any floating type. */
    public float[] toFloats() {
        int n = Math.toIntExact(size());
        if (floats != null) {
            if (floats.length != n) {
                throw new IllegalStateException("tensor '" + name + "' declares " + n + " values and holds " + floats.length);
            }
            return floats.clone();
        }
        if (raw == null) {
            throw new IllegalStateException("tensor '" + name + "' has no data");
        }
        ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int width = dataType == DOUBLE ? 8 : dataType == FLOAT16 || dataType == BFLOAT16 ? 2 : 4;
        // checked before allocating: declared dimensions that the data does not fill (a damaged or hostile file) are refused
        if ((long) n * width != b.remaining()) {
            throw new IllegalStateException("tensor '" + name + "' declares " + n + " values in " + b.remaining() + " bytes of data");
        }
        float[] out = new float[n];
        switch (dataType) {
            case FLOAT -> b.asFloatBuffer().get(out);
            case DOUBLE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) b.getDouble(i * 8);
                }
            }
            case FLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.float16ToFloat(b.getShort(i * 2));
                }
            }
            case BFLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = TensorFile.bfloat16ToFloat(b.getShort(i * 2));
                }
            }
            default -> throw new IllegalStateException("tensor '" + name + "' has ONNX type " + dataType + ", not a floating type");
        }
        return out;
    }

    /** The values as int64. */
    public long[] toLongs() {
        if (longs != null) {
            return longs.clone();
        }
        if (dataType != INT64 || raw == null) {
            throw new IllegalStateException("tensor '" + name + "' is not int64");
        }
        long[] out = new long[Math.toIntExact(size())];
        raw.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims);
    }
}
