package dev.nlpipe.nn.bert.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Protocol Buffers' wire format, read field by field from a slice of a buffer: enough to walk an
 * ONNX model (whose schema is fixed and small) without generated classes or a protobuf library.
 */
final class ProtoReader {
    /** Wire types. */
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH = 2;
    static final int FIXED32 = 5;

    /** Bytes that are not protobuf's wire format: a damaged file, or another kind of file. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    private final ByteBuffer buf;
    private final int end;
    private int pos;
    private int field;
    private int wireType;
    private long varint;
    private int sliceStart;
    private int sliceEnd;

    /** Reads {@code buf[start, end)}. */
    ProtoReader(ByteBuffer buf, int start, int end) {
        this.buf = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.pos = start;
        this.end = end;
    }

    /** Reads a whole buffer. */
    ProtoReader(ByteBuffer buf) {
        this(buf, 0, buf.limit());
    }

    /** Moves to the next field; false at the end. */
    boolean next() throws IOException {
        if (pos >= end) {
            return false;
        }
        long key = readVarint();
        field = (int) (key >>> 3);
        wireType = (int) (key & 7);
        switch (wireType) {
            case VARINT -> varint = readVarint();
            case FIXED64 -> {
                varint = buf.getLong(pos);
                pos += 8;
            }
            case FIXED32 -> {
                varint = buf.getInt(pos) & 0xffffffffL;
                pos += 4;
            }
            case LENGTH -> {
                long n = readVarint();
                if (n < 0 || pos + n > end) {
                    throw new MalformedException("a length-delimited field runs past its message (offset " + pos + ")");
                }
                sliceStart = pos;
                sliceEnd = (int) (pos + n);
                pos = sliceEnd;
            }
            default -> throw new MalformedException("unsupported protobuf wire type " + wireType + " at offset " + pos);
        }
        return true;
    }

    private long readVarint() throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new MalformedException("the protobuf data ends inside a number");
            }
            byte b = buf.get(pos++);
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new MalformedException("a protobuf number is longer than 10 bytes");
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    /** The value of a varint or fixed field. */
    long number() {
        return varint;
    }

    /** A fixed32 field as a float. */
    float float32() {
        return Float.intBitsToFloat((int) varint);
    }

    /** A length-delimited field as a nested reader. */
    ProtoReader message() {
        return new ProtoReader(buf, sliceStart, sliceEnd);
    }

    /** A length-delimited field as UTF-8 text. */
    String string() {
        byte[] b = new byte[sliceEnd - sliceStart];
        buf.get(sliceStart, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A length-delimited field as a little-endian view of its bytes. */
    ByteBuffer bytes() {
        return buf.slice(sliceStart, sliceEnd - sliceStart).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The varints of a packed repeated field. */
    long[] packedVarints() throws IOException {
        ProtoReader r = new ProtoReader(buf, sliceStart, sliceEnd);
        long[] out = new long[sliceEnd - sliceStart];
        int n = 0;
        while (r.pos < r.end) {
            out[n++] = r.readVarint();
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
