package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of the trainable weights (Polyak averaging), updated after every
 * optimizer step. SGD with a high learning rate leaves the weights of any one step noisy, so dev
 * scores jump from epoch to epoch and early stopping picks a lucky epoch; the average follows the
 * same path with the noise smoothed out, and is what gets scored and saved.
 *
 * <p>The decay starts low and rises towards {@code decay} ({@code min(decay, (1 + n) / (10 + n))}
 * after {@code n} updates), so the first steps' random weights fade quickly. The averages live in
 * their own manager, on the weights' device.
 */
public final class WeightAverage implements AutoCloseable {
    private static final String UPDATES = "#updates";
    private final float decay;
    private final NDManager manager;
    private final Map<String, NDArray> averages = new LinkedHashMap<>();
    private long updates;

    /**
     * @param params the weights to follow
     * @param decay the weight of the old average at each step, in (0, 1)
     */
    public WeightAverage(Params params, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the averaging decay must be between 0 and 1, got " + decay);
        }
        this.decay = (float) decay;
        this.manager = NeuralEngine.get().newBaseManager(params.manager().getDevice());
    }

    /**
     * Moves the averages towards the current weights. Call it inside the batch's scope: the
     * temporary arrays go there.
     */
    public void update(Params params) {
        updates++;
        float d = Math.min(decay, (1f + updates) / (10f + updates));
        for (String name : params.trainableNames()) {
            NDArray w = params.get(name);
            NDArray avg = averages.get(name);
            if (avg == null) {
                averages.put(name, manager.create(HostArrays.floats(w), w.getShape()));
            } else {
                Ops.timesInPlace(avg, d).addi(Ops.times(w, 1 - d));
            }
        }
    }

    /** Updates so far. */
    public long updates() {
        return updates;
    }

    /**
     * Puts the averages into {@code params} (weights without an average keep their values) and
     * returns the weights they replaced, for {@link Params#load(Map)} to put back.
     */
    public Map<String, TensorFile.Tensor> swapIn(Params params) {
        Map<String, TensorFile.Tensor> current = params.snapshot();
        params.load(averaged(current));
        return current;
    }

    private Map<String, TensorFile.Tensor> averaged(Map<String, TensorFile.Tensor> current) {
        Map<String, TensorFile.Tensor> out = new LinkedHashMap<>(current);
        putAverages(out);
        return out;
    }

    private void putAverages(Map<String, TensorFile.Tensor> out) {
        averages.forEach((k, v) -> out.put(k, TensorFile.Tensor.of(v)));
    }

    /** Writes the averages and the update count (for resuming). */
    public void save(Path file) throws IOException {
        Map<String, TensorFile.Tensor> out = new LinkedHashMap<>();
        out.put(UPDATES, new TensorFile.Tensor(new long[] {1}, new float[] {updates}));
        putAverages(out);
        TensorFile.write(file, out);
    }

    /** Reads what {@link #save} wrote, checking it against the weights. */
    public void load(Path file, Params params) throws IOException {
        Map<String, TensorFile.Tensor> read = TensorFile.read(file);
        TensorFile.Tensor n = read.remove(UPDATES);
        if (n == null) {
            throw new IOException(file + ": not a weight average (no update count)");
        }
        for (Map.Entry<String, TensorFile.Tensor> e : read.entrySet()) {
            if (!params.isTrainable(e.getKey())
                    || !Arrays.equals(params.get(e.getKey()).getShape().getShape(), e.getValue().shape())) {
                throw new IOException(file + ": the weight average does not match the network (weight '" + e.getKey() + "')");
            }
        }
        averages.values().forEach(NDArray::close);
        averages.clear();
        read.forEach((k, v) -> averages.put(k, manager.create(v.values(), new Shape(v.shape()))));
        updates = (long) n.values()[0];
    }

    @Override
    public void close() {
        manager.close();
    }
}
