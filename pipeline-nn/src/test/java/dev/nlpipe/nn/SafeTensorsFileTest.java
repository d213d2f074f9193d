package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safetensors files of every element type a checkpoint is saved in, written here byte by byte as the format defines them. */
class SafeTensorsFileTest {
    @TempDir
    Path dir;

    /** A file of the given tensors: each {@code name -> (dtype, shape, little-endian bytes)}, in the order given. */
    private Path file(String name, List<Object[]> tensors) throws IOException {
        StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Object[] t : tensors) {
            byte[] bytes = (byte[]) t[3];
            header.append(",\"").append(t[0]).append("\":{\"dtype\":\"").append(t[1]).append("\",\"shape\":").append(t[2])
                    .append(",\"data_offsets\":[").append(data.size()).append(',').append(data.size() + bytes.length).append("]}");
            data.writeBytes(bytes);
        }
        byte[] h = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(data.toByteArray());
        return Files.write(dir.resolve(name), out.array());
    }

    private static byte[] le(int bytesEach, long... values) {
        ByteBuffer b = ByteBuffer.allocate(bytesEach * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (bytesEach) {
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.array();
    }

    @Test
    void everyFloatingAndIntegerTypeIsReadAsFloat32() throws IOException {
        // 1.5, -2, 0.25 in each encoding: bfloat16 is float32's upper half, float16 its own half format
        long[] bf16 = {Float.floatToIntBits(1.5f) >>> 16, Float.floatToIntBits(-2f) >>> 16, Float.floatToIntBits(0.25f) >>> 16};
        long[] f16 = {Float.floatToFloat16(1.5f), Float.floatToFloat16(-2f), Float.floatToFloat16(0.25f)};
        long[] f64 = {Double.doubleToLongBits(1.5), Double.doubleToLongBits(-2), Double.doubleToLongBits(0.25)};
        Path f = file("all.safetensors", List.of(
                new Object[] {"w.bf16", "BF16", "[1,3]", le(2, bf16)},
                new Object[] {"w.f16", "F16", "[3]", le(2, f16)},
                new Object[] {"w.f64", "F64", "[3,1]", le(8, f64)},
                new Object[] {"w.f32", "F32", "[3]", le(4, Float.floatToIntBits(1.5f), Float.floatToIntBits(-2f), Float.floatToIntBits(0.25f))},
                new Object[] {"position_ids", "I64", "[1,3]", le(8, 0, 1, 2)}));
        Map<String, TensorFile.Tensor> t = SafeTensorsFile.read(f);
        assertEquals(List.of("w.bf16", "w.f16", "w.f64", "w.f32", "position_ids"), List.copyOf(t.keySet()), "in the data's order");
        for (String name : List.of("w.bf16", "w.f16", "w.f64", "w.f32")) {
            assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, t.get(name).values(), name);
        }
        assertArrayEquals(new long[] {1, 3}, t.get("w.bf16").shape());
        assertArrayEquals(new float[] {0, 1, 2}, t.get("position_ids").values());
    }

    @Test
    void whatWeWriteReadsBackAndDamagedFilesAreNamed() throws IOException {
        Path ours = dir.resolve("ours.safetensors");
        SafeTensorsFile.write(ours, Map.of("a", new TensorFile.Tensor(new long[] {2, 2}, new float[] {1, 2, 3, 4})));
        assertArrayEquals(new float[] {1, 2, 3, 4}, SafeTensorsFile.read(ours).get("a").values());

        byte[] whole = Files.readAllBytes(ours);
        Path cut = Files.write(dir.resolve("cut.safetensors"), java.util.Arrays.copyOf(whole, whole.length - 3));
        IOException e = assertThrows(IOException.class, () -> SafeTensorsFile.read(cut));
        assertTrue(e.getMessage().contains("cut.safetensors") && e.getMessage().contains("damaged or cut short"), e.getMessage());

        Path text = Files.writeString(dir.resolve("text.safetensors"), "this is no safetensors file at all");
        e = assertThrows(IOException.class, () -> SafeTensorsFile.read(text));
        assertTrue(e.getMessage().contains("is not a safetensors file"), e.getMessage());

        for (String header : List.of("null", "{\"a\":{\"dtype\":\"F32\",\"shape\":[\"2\"],\"data_offsets\":[0,8]}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[null,8]}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[8,0]}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[9223372036854775800,9223372036854775804]}}",
                // two tensors over the same bytes (thousands of them made a 10 MB file take gigabytes), and a gap
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                // 600 M floats: more bytes than one array holds, named before the int cast went negative
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[600000000],\"data_offsets\":[0,2400000000]}}")) {
            byte[] h = header.getBytes(StandardCharsets.UTF_8);
            Path damaged = Files.write(dir.resolve("damaged.safetensors"), ByteBuffer.allocate(8 + h.length + 8)
                    .order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array());
            e = assertThrows(IOException.class, () -> SafeTensorsFile.read(damaged), header);
            assertTrue(e.getMessage().contains("damaged.safetensors"), header + ": " + e.getMessage());
        }

        // what `git clone` without git-lfs leaves in place of the weights
        Path pointer = Files.writeString(dir.resolve("model.safetensors"), "version https://git-lfs.github.com/spec/v1\n"
                + "oid sha256:4b2d5e0ba1f4e0a4b9cbd9b04d9bb8e5f5b1b7c1d8f0a1e2b3c4d5e6f7a8b9c0\nsize 133093490\n");
        e = assertThrows(IOException.class, () -> SafeTensorsFile.read(pointer));
        assertTrue(e.getMessage().startsWith(pointer + " is a Git LFS pointer") && e.getMessage().contains("git lfs pull"), e.getMessage());

        Path complex = file("c.safetensors", List.<Object[]>of(new Object[] {"z", "C64", "[1]", new byte[8]}));
        e = assertThrows(IOException.class, () -> SafeTensorsFile.read(complex));
        assertTrue(e.getMessage().contains("tensor 'z' has dtype C64"), e.getMessage());
    }
}
