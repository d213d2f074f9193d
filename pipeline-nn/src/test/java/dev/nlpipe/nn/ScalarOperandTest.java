package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A product or quotient with a Java number must still have the number when the backward pass runs,
 * however long after the forward pass that is and whatever the garbage collector did meanwhile.
 * DJL's own {@code NDArray.div(Number)} does not (its number lives in Java memory it frees at
 * once): that cost BERT fine-tuning about one step in a few hundred with gradients of 1e8 to 1e24.
 */
class ScalarOperandTest {
    private static final float[] X = {1f, 2f, 3f, 4f};

    @Test
    void timesAndDividedByKeepTheirNumberForTheBackwardPass() {
        for (int round = 0; round < 10; round++) {
            assertArrayEquals(new float[] {0.125f, 0.125f, 0.125f, 0.125f}, gradientAfterCollection(x -> Ops.dividedBy(x, 8)));
            assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, gradientAfterCollection(x -> Ops.times(x, 2.5)));
            assertArrayEquals(new float[] {2f, 4f, 6f, 8f}, gradientAfterCollection(x -> Ops.times(x.square(), 1.0)));
        }
    }

    @Test
    void inPlaceVersionsChangeTheArrayItself() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            NDArray x = m.create(X);
            Ops.timesInPlace(x, 3);
            Ops.dividedByInPlace(x, 2);
            assertArrayEquals(new float[] {1.5f, 3f, 4.5f, 6f}, x.toFloatArray());
        }
    }

    /** The harness above can fail: DJL's own scalar product loses its number under it. */
    @Test
    void djlsOwnScalarQuotientLosesItsNumber() {
        int lost = 0;
        for (int round = 0; round < 10; round++) {
            if (gradientAfterCollection(ScalarOperandTest::djlQuotient)[0] != 0.125f) {
                lost++;
            }
        }
        assertTrue(lost > 0, "DJL's NDArray.div(Number) kept its number through a collection in 10 of 10 rounds: if DJL"
                + " fixed it, Ops.times and the forbidden-API rule in pom.xml may go");
    }

    @SuppressForbidden
    private static NDArray djlQuotient(NDArray x) {
        return x.div(8f);
    }

    /**
     * The gradient of {@code sum(op(x))}, with a full collection between the forward and the backward
     * pass and then fresh direct buffers that reuse freed native memory, each holding 1e-20.
     */
    private static float[] gradientAfterCollection(Function<NDArray, NDArray> op) {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            NDArray x = m.create(X);
            x.setRequiresGradient(true);
            try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                NDArray y = op.apply(x).sum();
                System.gc();
                waitForCleaner();
                List<ByteBuffer> reuse = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    reuse.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1e-20f));
                }
                gc.backward(y);
                return x.getGradient().toFloatArray();
            }
        }
    }

    private static void waitForCleaner() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
