package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightAverageTest {

    private static Params params(float[] w, float[] frozen) {
        Params p = new Params(Device.cpu(), true);
        p.put("w", new Shape(w.length), w);
        p.put("f", new Shape(frozen.length), frozen);
        p.freeze("f");
        return p;
    }

    private static void set(Params p, float[] w) {
        Map<String, TensorFile.Tensor> m = new LinkedHashMap<>(p.snapshot());
        m.put("w", new TensorFile.Tensor(new long[] {w.length}, w));
        p.load(m);
    }

    private static void update(WeightAverage avg, Params p) {
        try (NDManager scope = p.manager().newSubManager()) {
            p.attachTo(scope);
            avg.update(p);
        }
    }

    @Test
    void followsTheTrainableWeightsWithAWarmingUpDecay(@TempDir Path dir) throws IOException {
        try (Params p = params(new float[] {1, 2}, new float[] {7}); WeightAverage avg = new WeightAverage(p, 0.9)) {
            update(avg, p);                       // the first update copies the weights
            set(p, new float[] {3, 4});
            update(avg, p);                       // decay min(0.9, 3/12) = 0.25
            Map<String, TensorFile.Tensor> trained = avg.swapIn(p);
            assertArrayEquals(new float[] {2.5f, 3.5f}, p.get("w").toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {7}, p.get("f").toFloatArray(), "frozen weights are not averaged");
            assertArrayEquals(new float[] {3, 4}, trained.get("w").values(), "swapIn returns the weights as trained");
            p.load(trained);
            assertArrayEquals(new float[] {3, 4}, p.get("w").toFloatArray());

            avg.save(dir.resolve("a.average"));
            try (WeightAverage back = new WeightAverage(p, 0.9)) {
                back.load(dir.resolve("a.average"), p);
                assertEquals(2, back.updates());
                set(p, new float[] {5, 6});
                update(avg, p);
                update(back, p);
                avg.swapIn(p);
                float[] a = p.get("w").toFloatArray();
                set(p, new float[] {5, 6});
                back.swapIn(p);
                assertArrayEquals(a, p.get("w").toFloatArray(), "a reloaded average continues exactly");
            }
        }
    }

    @Test
    void aMismatchedAverageIsRefused(@TempDir Path dir) throws IOException {
        try (Params p = params(new float[] {1, 2}, new float[] {7}); WeightAverage avg = new WeightAverage(p, 0.9)) {
            update(avg, p);
            avg.save(dir.resolve("a.average"));
            try (Params other = params(new float[] {1, 2, 3}, new float[] {7}); WeightAverage back = new WeightAverage(other, 0.9)) {
                IOException e = assertThrows(IOException.class, () -> back.load(dir.resolve("a.average"), other));
                assertTrue(e.getMessage().contains("does not match"), e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(params(new float[] {1}, new float[] {1}), 1.0));
    }
}
