package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFileTest {

    @Test
    void roundTripsNamesShapesAndValues(@TempDir Path dir) throws IOException {
        Map<String, TensorFile.Tensor> t = new LinkedHashMap<>();
        float[] big = new float[50_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) Math.sin(i);
        }
        t.put("emb.unit", new TensorFile.Tensor(new long[] {500, 100}, big));
        t.put("bias", new TensorFile.Tensor(new long[] {3}, new float[] {1, -2, Float.MIN_VALUE}));
        Path f = dir.resolve("w.bin");
        TensorFile.write(f, t);
        Map<String, TensorFile.Tensor> back = TensorFile.read(f);
        assertArrayEquals(t.keySet().toArray(), back.keySet().toArray());
        for (String k : t.keySet()) {
            assertArrayEquals(t.get(k).shape(), back.get(k).shape());
            assertArrayEquals(t.get(k).values(), back.get(k).values());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().equals("w.bin")), "no temporary file is left");
        }
    }

    @Test
    void damagedFilesAreReportedByName(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("w.bin");
        TensorFile.write(f, Map.of("a", new TensorFile.Tensor(new long[] {100}, new float[100])));
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 10));
        IOException e = assertThrows(IOException.class, () -> TensorFile.read(f));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(f.toString()), e.getMessage());
        Files.writeString(f, "not a tensor file");
        e = assertThrows(IOException.class, () -> TensorFile.read(f));
        assertTrue(e.getMessage().contains("not an nlpipe tensor file"), e.getMessage());
    }

    @Test
    void aShapeTheFileCannotHoldIsRefusedBeforeAllocating(@TempDir Path dir) throws IOException {
        // a downloaded model's weights.bin: magic, version, count, name "a", rank 2, then the two dimensions at byte 19
        Path f = dir.resolve("w.bin");
        TensorFile.write(f, Map.of("a", new TensorFile.Tensor(new long[] {1, 1}, new float[1])));
        byte[] bytes = Files.readAllBytes(f);
        for (long[] shape : new long[][] {{1, 2147483000L}, {4294967296L, 4294967296L}, {-1, -1}}) {
            java.nio.ByteBuffer.wrap(bytes, 19, 16).putLong(shape[0]).putLong(shape[1]);
            Files.write(f, bytes);
            IOException e = assertThrows(IOException.class, () -> TensorFile.read(f), Arrays.toString(shape));
            assertTrue(e.getMessage().contains("is damaged (tensor 'a' has shape " + Arrays.toString(shape)), e.getMessage());
        }
    }
}
