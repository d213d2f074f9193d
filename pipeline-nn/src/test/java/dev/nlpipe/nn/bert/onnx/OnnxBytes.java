package dev.nlpipe.nn.bert.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** ONNX models written byte by byte in protobuf's wire format, as onnx.proto numbers the fields: a graph of a few nodes. */
final class OnnxBytes {
    private OnnxBytes() {
    }

    /** A ModelProto whose graph (field 7) holds these NodeProtos (GraphProto field 1). */
    static byte[] model(byte[]... nodes) {
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        for (byte[] n : nodes) {
            graph.writeBytes(field(1, n));
        }
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        model.writeBytes(varint(1 << 3, 8)); // ir_version 8
        model.writeBytes(field(7, graph.toByteArray()));
        return model.toByteArray();
    }

    /** A NodeProto: name (3), op_type (4), domain (7) unless empty, and its AttributeProtos (5). */
    static byte[] node(String name, String op, String domain, byte[]... attributes) {
        ByteArrayOutputStream n = new ByteArrayOutputStream();
        n.writeBytes(field(3, name));
        n.writeBytes(field(4, op));
        for (byte[] a : attributes) {
            n.writeBytes(field(5, a));
        }
        if (!domain.isEmpty()) {
            n.writeBytes(field(7, domain));
        }
        return n.toByteArray();
    }

    /** An AttributeProto of type STRING (20 = 3): name (1) and s (4). */
    static byte[] stringAttribute(String name, String value) {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.writeBytes(field(1, name));
        a.writeBytes(field(4, value));
        a.writeBytes(varint(20 << 3, 3));
        return a.toByteArray();
    }

    private static byte[] field(int number, String text) {
        return field(number, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] field(int number, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(varint(number << 3 | 2));
        out.writeBytes(varint(content.length));
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] varint(long key, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(varint(key));
        out.writeBytes(varint(value));
        return out.toByteArray();
    }

    private static byte[] varint(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }
}
