package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.nlpipe.nn.optim.Optimizer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedding tables updated by rows against the same tables updated densely. */
class RowUpdatesTest {
    private static final int ROWS = 4;
    private static final int DIM = 3;

    private static Params table(boolean byRows) {
        return table(byRows, ROWS);
    }

    /** The table {@code t} with its rows from {@code trained} on fixed ({@link Params#createTable}), and a bias {@code b}. */
    private static Params table(boolean byRows, int trained) {
        Params p = new Params(Device.cpu(), true);
        float[] v = new float[ROWS * DIM];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.1f * i - 0.5f;
        }
        p.createTable("t", new Shape(ROWS, DIM), v, trained, null);
        p.put("b", new Shape(DIM), new float[] {1, 2, 3});
        if (byRows) {
            p.updateByRows("t");
        }
        return p;
    }

    /** One step on the loss sum((t[ids] + b) * ids-dependent weights), clipped to norm 0.5. */
    private static float step(Params p, Optimizer opt, long... ids) {
        try (NDManager scope = p.manager().newSubManager()) {
            p.attachTo(scope);
            try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                NDArray e = p.embed("t", scope.create(ids, new Shape(1, ids.length)), true).add(p.get("b"));
                float[] w = new float[ids.length * DIM];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (i % 5) - 2f + ids[i / DIM];
                }
                gc.backward(e.mul(scope.create(w, e.getShape())).sum());
            }
            float norm = GradClip.globalNorm(p);
            opt.step(p, 0.1f, GradClip.scale(p, 0.5));
            return norm;
        } finally {
            p.clearSlices();
        }
    }

    private static float[] row(Params p, int r) {
        return Arrays.copyOfRange(p.get("t").toFloatArray(), r * DIM, (r + 1) * DIM);
    }

    @Test
    void adamByRowsMatchesDenseAdamOnReadRowsAndLeavesTheOthersStill() {
        for (String name : new String[] {"adam", "adamw", "sgd"}) {
            try (Params dense = table(false); Params rows = table(true)) {
                Optimizer denseOpt = Optimizer.create(name, dense, 0.9, 0.0);
                Optimizer rowsOpt = Optimizer.create(name, rows, 0.9, 0.0);
                float[] before = rows.get("t").toFloatArray();

                assertEquals(step(dense, denseOpt, 1, 3, 3), step(rows, rowsOpt, 1, 3, 3), 1e-6f, name + ": the same clipping norm");
                assertArrayEquals(dense.get("t").toFloatArray(), rows.get("t").toFloatArray(), 1e-6f, name + ": first step equal");
                assertArrayEquals(dense.get("b").toFloatArray(), rows.get("b").toFloatArray(), 1e-6f, name);
                assertArrayEquals(Arrays.copyOfRange(before, 0, DIM), row(rows, 0), name + ": unread row 0 untouched");
                assertTrue(!Arrays.equals(Arrays.copyOfRange(before, DIM, 2 * DIM), row(rows, 1)), name + ": row 1 was read");

                float[] row1 = row(rows, 1);
                float[] row3 = row(rows, 3);
                step(dense, denseOpt, 2);
                step(rows, rowsOpt, 2);
                assertArrayEquals(row(dense, 2), row(rows, 2), 1e-6f, name + ": a row read for the first time moves the same");
                assertArrayEquals(row1, row(rows, 1), name + ": by rows, rows not read keep their values");
                assertArrayEquals(row3, row(rows, 3), name);
                assertTrue(!Arrays.equals(row1, row(dense, 1)), name + ": dense momentum moves rows the batch did not read");
            }
        }
    }

    @Test
    void aTableIsReadByRowsOnlyWhileTraining() {
        try (Params p = table(true); NDManager scope = p.manager().newSubManager()) {
            p.attachTo(scope);
            NDArray ids = scope.create(new long[] {2, 0, 2}, new Shape(3));
            NDArray direct = p.embed("t", ids, false);
            assertNull(p.slice("t"), "inference reads the table itself");
            assertNull(p.gradient("t"));
            NDArray viaRows = p.embed("t", ids, true);
            assertArrayEquals(direct.toFloatArray(), viaRows.toFloatArray());
            assertArrayEquals(new long[] {0, 2}, p.slice("t").ids().toLongArray(), "each row read once, ascending");
            assertEquals(new Shape(2, DIM), p.slice("t").rows().getShape());
            assertThrows(IllegalStateException.class, () -> p.embed("t", ids, true));
            assertTrue(!p.get("t").hasGradient(), "the table itself collects no gradient");
            p.clearSlices();
            assertNull(p.slice("t"));
        }
    }

    @Test
    void rowsPastTheTrainedOnesStayFixedAndEverythingElseTrainsAsWithTheWholeTable() {
        for (boolean byRows : new boolean[] {false, true}) {
            try (Params whole = table(byRows); Params split = table(byRows, 2)) {
                assertEquals(new Shape(2, DIM), split.get("t").getShape());
                assertEquals(List.of("t", "b"), split.trainableNames(), "the fixed rows are not trained");
                Optimizer wholeOpt = Optimizer.create("adam", whole, 0.9, 0.0);
                Optimizer splitOpt = Optimizer.create("adam", split, 0.9, 0.0);
                // training reads only the trained rows, as a tagger's training sentences do
                assertEquals(step(whole, wholeOpt, 0, 1, 1), step(split, splitOpt, 0, 1, 1), 1e-6f);
                step(whole, wholeOpt, 1);
                step(split, splitOpt, 1);
                float[] all = whole.get("t").toFloatArray();
                assertArrayEquals(Arrays.copyOf(all, 2 * DIM), split.get("t").toFloatArray(), 1e-6f, "byRows " + byRows);
                assertArrayEquals(Arrays.copyOfRange(all, 2 * DIM, all.length), split.get("t" + Params.FIXED_ROWS).toFloatArray(),
                        "rows no batch reads do not move in the whole table either");
                try (NDManager scope = split.manager().newSubManager()) {
                    NDArray ids = scope.create(new long[] {3, 0, 2, 1}, new Shape(2, 2));
                    NDArray read = split.embed("t", ids, false);
                    assertEquals(new Shape(2, 2, DIM), read.getShape());
                    assertArrayEquals(whole.embed("t", ids, false).toFloatArray(), read.toFloatArray(), 1e-6f,
                            "ids past the trained rows read the fixed ones");
                }
            }
        }
    }
}
