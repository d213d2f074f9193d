package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.AtomicFile;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named tensors in Hugging Face's safetensors format (an 8-byte header length, a JSON header, then
 * raw little-endian data; no code, unlike a pickle). Reading is done here, on the Java heap:
 * tensors of any floating type (float16, bfloat16, float64) and of the integer types (a checkpoint's
 * {@code position_ids} buffer) come back as float32. DJL's own decoder is not used for it, since
 * its PyTorch binding aborts the whole JVM on a bfloat16 tensor. Writing uses DJL's codec (float32).
 */
public final class SafeTensorsFile {
    /** A header longer than this is no safetensors header (the format's own limit is 100 MB). */
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensorsFile() {
    }

    /** Reads every tensor of a file, in the order of their data in it. */
    public static Map<String, TensorFile.Tensor> read(Path file) throws IOException {
        GitLfsPointer.refuse(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer size = readFully(ch, 0, 8, file);
            long headerLength = size.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            if (headerLength <= 1 || headerLength > MAX_HEADER || 8 + headerLength > ch.size()) {
                throw new IOException(file + " is not a safetensors file (its first 8 bytes give a header of " + headerLength
                        + " bytes in a file of " + ch.size() + ")");
            }
            Map<String, Object> header;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> h = DocumentJson.mapper().readValue(readFully(ch, 8, (int) headerLength, file).array(), Map.class);
                header = h;
            } catch (IOException e) {
                throw new IOException(file + " is not a safetensors file (its header is no JSON object: " + e.getMessage() + ")", e);
            }
            if (header == null) {
                throw new IOException(file + " is not a safetensors file (its header is no JSON object)");
            }
            long dataStart = 8 + headerLength;
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<String, Object> e : header.entrySet()) {
                if (!"__metadata__".equals(e.getKey())) {
                    entries.add(Entry.of(file, e.getKey(), e.getValue()));
                }
            }
            entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
            Map<String, TensorFile.Tensor> out = new LinkedHashMap<>();
            long expectedBegin = 0;
            for (Entry e : entries) {
                long bytes = e.end() - e.begin();
                // the format lays tensors end to end: an overlap would read one tensor's bytes as another's
                // (and let a small file ask for any amount of memory), a gap holds bytes no tensor owns
                if (e.begin() != expectedBegin) {
                    throw new IOException(file + ": tensor '" + e.name() + "' begins at data offset " + e.begin() + ", but "
                            + (expectedBegin == 0 ? "the data begins at 0" : "the tensor before it ends at " + expectedBegin)
                            + "; safetensors tensors lie end to end, so the file is damaged");
                }
                expectedBegin = e.end();
                if (e.count() > (Integer.MAX_VALUE - 8) / e.type().bytes) {
                    throw new IOException(file + ": tensor '" + e.name() + "' has " + e.count() + " values of " + e.type().bytes
                            + " bytes, more than nlpipe reads into one tensor (2 GiB)");
                }
                if (e.begin() > e.end() || e.end() > ch.size() - dataStart || bytes != e.count() * e.type().bytes) {
                    throw new IOException(file + ": tensor '" + e.name() + "' (" + e.type() + ", " + e.count() + " values) has data offsets ["
                            + e.begin() + ", " + e.end() + ") that do not fit it or the file; the file is damaged or cut short");
                }
                ByteBuffer data = readFully(ch, dataStart + e.begin(), (int) bytes, file).order(ByteOrder.LITTLE_ENDIAN);
                out.put(e.name(), new TensorFile.Tensor(e.shape(), e.type().floats(data, (int) e.count())));
            }
            return out;
        }
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length, Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        long at = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                throw new EOFException(file + " ends at byte " + at + ", before the " + length + " bytes its header promises at "
                        + position + "; the file is cut short");
            }
            at += n;
        }
        return buf.flip();
    }

    /** One tensor of the header. */
    private record Entry(String name, DType type, long[] shape, long begin, long end) {
        static Entry of(Path file, String name, Object description) throws IOException {
            if (!(description instanceof Map<?, ?> m) || !(m.get("dtype") instanceof String dtype) || !(m.get("shape") instanceof List<?> dims)
                    || !(m.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2) {
                throw new IOException(file + ": the header's entry for tensor '" + name + "' lacks its dtype, shape or data_offsets");
            }
            DType type;
            try {
                type = DType.valueOf(dtype);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": tensor '" + name + "' has dtype " + dtype + ", which nlpipe does not read (it reads"
                        + " F32, F16, BF16, F64 and the integer types)");
            }
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = wholeNumber(dims.get(i), file, name, "shape");
            }
            Entry entry = new Entry(name, type, shape, wholeNumber(offsets.get(0), file, name, "data_offsets"),
                    wholeNumber(offsets.get(1), file, name, "data_offsets"));
            try {
                entry.count();
            } catch (ArithmeticException overflow) {
                throw new IOException(file + ": tensor '" + name + "' has a shape of more values than a file holds");
            }
            return entry;
        }

        private static long wholeNumber(Object v, Path file, String name, String field) throws IOException {
            if (!(v instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
                throw new IOException(file + ": tensor '" + name + "' has " + field + " entry " + v + ", not a whole number of at least 0;"
                        + " the file is damaged");
            }
            return n.longValue();
        }

        long count() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    /** The element types of safetensors, each widened to float32. */
    private enum DType {
        F32(4), F16(2), BF16(2), F64(8), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

        final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }

        float[] floats(ByteBuffer b, int n) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = switch (this) {
                    case F32 -> b.getFloat();
                    case F16 -> Float.float16ToFloat(b.getShort());
                    case BF16 -> TensorFile.bfloat16ToFloat(b.getShort());
                    case F64 -> (float) b.getDouble();
                    case I64 -> b.getLong();
                    case I32 -> b.getInt();
                    case I16 -> b.getShort();
                    case I8 -> b.get();
                    case U8, BOOL -> b.get() & 0xFF;
                };
            }
            return out;
        }
    }

    /** Writes tensors as float32, replacing {@code file} only when complete. */
    public static void write(Path file, Map<String, TensorFile.Tensor> tensors) throws IOException {
        try (NDManager m = NeuralEngine.get().newBaseManager(); AtomicFile atomic = AtomicFile.create(file)) {
            NDList list = new NDList(tensors.size());
            for (Map.Entry<String, TensorFile.Tensor> e : tensors.entrySet()) {
                NDArray a = m.create(e.getValue().values(), new Shape(e.getValue().shape()));
                a.setName(e.getKey());
                list.add(a);
            }
            list.encode(atomic.stream(), NDList.Encoding.SAFETENSORS);
            atomic.commit();
        }
    }
}
