package dev.nlpipe.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * A tiny linear regression for training-loop tests: examples are indices into a fixed random data
 * set with a known linear target; the dev score is the negative mean squared error (higher is better).
 */
final class ToyRegression implements Trainable<Integer>, AutoCloseable {
    static final int DIM = 8;
    final Params params;
    final float[][] x;
    final float[] y;
    final List<Integer> train = new ArrayList<>();
    final List<Integer> dev = new ArrayList<>();
    /** When set, evaluate() returns these scores in turn instead of measuring. */
    double[] scripted;
    int evaluations;
    /** Called before every loss; may throw to simulate an interruption. */
    IntSupplier beforeBatch = () -> 0;
    /** Called before every dev scoring (a test's clock moves there). */
    Runnable beforeEvaluate = () -> { };

    ToyRegression(long seed, int n) {
        this(seed, n, false);
    }

    /**
     * @param offsetsByRows whether each example also adds a learnt offset of its own, read from an
     *     {@code (n, 1)} table that is {@linkplain Params#updateByRows updated by rows}
     */
    ToyRegression(long seed, int n, boolean offsetsByRows) {
        params = new Params(Device.cpu(), true);
        Random init = Seeds.random(seed, "init");
        params.create("w", new Shape(1, DIM), Init.xavierUniform(), init);
        params.create("b", new Shape(1), Init.zeros(), init);
        if (offsetsByRows) {
            params.create("offset", new Shape(n, 1), Init.zeros(), init);
            params.updateByRows("offset");
        }
        Random data = new Random(12345);
        x = new float[n][DIM];
        y = new float[n];
        for (int i = 0; i < n; i++) {
            float t = 0.3f;
            for (int d = 0; d < DIM; d++) {
                x[i][d] = (float) data.nextGaussian();
                t += x[i][d] * (d - 3.5f) / 4;
            }
            y[i] = t + (float) (0.01 * data.nextGaussian());
            (i % 5 == 0 ? dev : train).add(i);
        }
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public NDArray loss(List<Integer> batch, NDManager scope) {
        beforeBatch.getAsInt();
        return mse(batch, scope, true);
    }

    private NDArray mse(List<Integer> batch, NDManager scope, boolean training) {
        float[] xs = new float[batch.size() * DIM];
        float[] ys = new float[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(x[batch.get(i)], 0, xs, i * DIM, DIM);
            ys[i] = y[batch.get(i)];
        }
        NDArray in = scope.create(xs, new Shape(batch.size(), DIM));
        NDArray pred = Ops.linear(in, params.get("w"), params.get("b")).reshape(batch.size());
        if (params.has("offset")) {
            long[] ids = batch.stream().mapToLong(Integer::longValue).toArray();
            pred = pred.add(params.embed("offset", scope.create(ids), training).reshape(batch.size()));
        }
        return pred.sub(scope.create(ys)).square().mean();
    }

    @Override
    public Map<String, Double> evaluate() {
        beforeEvaluate.run();
        evaluations++;
        if (scripted != null) {
            return Map.of("score", scripted[evaluations - 1]);
        }
        try (NDManager scope = params.manager().newSubManager()) {
            params.attachTo(scope);
            return Map.of("score", -(double) mse(dev, scope, false).getFloat());
        }
    }

    /** The training-set loss with the current weights. */
    double trainLoss() {
        try (NDManager scope = params.manager().newSubManager()) {
            params.attachTo(scope);
            return mse(train, scope, false).getFloat();
        }
    }

    @Override
    public void close() {
        params.close();
    }

    static int length(Integer i) {
        return 1 + i % 13;
    }
}
