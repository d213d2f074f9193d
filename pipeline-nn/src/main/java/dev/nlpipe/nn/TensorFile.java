package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import dev.nlpipe.core.io.AtomicFile;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small self-describing file of named float tensors (weights, optimizer state): the magic
 * {@code NLPT}, a version, then per tensor its name, shape and little-endian float32 values.
 * Written to a temporary file and renamed, so a crash never leaves a truncated file.
 */
public final class TensorFile {
    private static final int MAGIC = 0x4E4C5054; // "NLPT"
    private static final int VERSION = 1;

    private TensorFile() {
    }

    /** A bfloat16 value (the upper half of a float32's bits, as checkpoints store it) as float32. */
    public static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** A named tensor held on the Java heap. */
    public record Tensor(long[] shape, float[] values) {
        /** An array's shape and values, read into Java memory ({@link HostArrays#floats}). */
        public static Tensor of(NDArray array) {
            return new Tensor(array.getShape().getShape(), HostArrays.floats(array));
        }

        public Tensor {
            long n = count(shape);
            if (n != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, not " + values.length);
            }
        }

        /**
         * The number of values a shape holds, or -1 when a dimension is negative or there are more
         * than a Java array holds (dimensions read from a file may wrap a plain product round to a small one).
         */
        public static long count(long[] shape) {
            long n = 1;
            for (long d : shape) {
                if (d < 0 || d > 0 && n > Integer.MAX_VALUE / d) {
                    return -1;
                }
                n *= d;
            }
            return n;
        }
    }

    /** Writes the tensors, replacing {@code file} only when complete. */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        try (AtomicFile atomic = AtomicFile.create(file)) {
            DataOutputStream out = new DataOutputStream(atomic.stream());
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(tensors.size());
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = e.getValue().shape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                float[] v = e.getValue().values();
                for (int i = 0; i < v.length; ) {
                    buf.clear();
                    int n = Math.min(v.length - i, buf.capacity() / 4);
                    buf.asFloatBuffer().put(v, i, n);
                    out.write(buf.array(), 0, n * 4);
                    i += n;
                }
            }
            out.flush();
            atomic.commit();
        }
    }

    /** Reads a file written by {@link #write}; a damaged or foreign file gives an {@link IOException} naming it. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        long size = Files.size(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not an nlpipe tensor file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has tensor-file version " + version + "; this nlpipe reads version " + VERSION);
            }
            int count = in.readInt();
            Map<String, Tensor> out = new LinkedHashMap<>();
            byte[] bytes = new byte[1 << 16];
            for (int t = 0; t < count; t++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 8) {
                    throw new IOException(file + " is damaged (tensor '" + name + "' has rank " + rank + ")");
                }
                long[] shape = new long[rank];
                for (int i = 0; i < rank; i++) {
                    shape[i] = in.readLong();
                }
                // the shape is checked against the file's size before the values are allocated: a damaged or hostile
                // header (a few bytes declaring billions of values, or dimensions whose product wraps) is refused
                long n = Tensor.count(shape);
                if (n < 0 || 4 * n > size) {
                    throw new IOException(file + " is damaged (tensor '" + name + "' has shape " + Arrays.toString(shape)
                            + (n >= 0 ? ", more values than the file's " + size + " bytes hold)" : ")"));
                }
                float[] v = new float[(int) n];
                for (int i = 0; i < v.length; ) {
                    int k = Math.min(v.length - i, bytes.length / 4);
                    in.readFully(bytes, 0, k * 4);
                    ByteBuffer.wrap(bytes, 0, k * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v, i, k);
                    i += k;
                }
                out.put(name, new Tensor(shape, v));
            }
            return out;
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }
}
