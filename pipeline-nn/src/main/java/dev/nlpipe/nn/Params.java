package dev.nlpipe.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The named weights of a network, owned by one {@link NDManager} on one device. Trainable weights
 * carry gradients; frozen ones (e.g. fixed pretrained embeddings) do not and are skipped by the
 * optimizers. Saved as a {@link TensorFile}.
 *
 * <p>Operations whose first operand is a weight put their result in the weight's manager, so a
 * training step first {@linkplain #attachTo attaches} the weights to its per-batch scope; closing the
 * scope frees every intermediate array and hands the weights back.
 *
 * <p>An embedding table can be {@linkplain #updateByRows updated by rows}: a training batch then
 * reads it through {@link #embed}, which copies out only the rows the batch uses, and the optimizer
 * updates only those rows. With large tables (a Chinese tagger's character bigrams) this saves the
 * dense gradient and the update of every row at every step.
 *
 * <p>Not thread-safe: inference from several threads uses one {@linkplain #copy copy} per thread.
 */
public final class Params implements AutoCloseable {
    /** The suffix of the weight that holds a table's fixed rows ({@link #createTable}). */
    public static final String FIXED_ROWS = ".fixed";
    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private final Set<String> frozen = new HashSet<>();
    private final Set<String> byRows = new HashSet<>();
    private final Map<String, RowSlice> slices = new LinkedHashMap<>();
    private final boolean trainable;

    /**
     * @param device where the weights live
     * @param trainable whether weights carry gradients (false for inference copies)
     */
    public Params(Device device, boolean trainable) {
        this.manager = NeuralEngine.get().newBaseManager(device);
        this.trainable = trainable;
    }

    /** The manager owning the weights; per-batch scopes are its sub-managers. */
    public NDManager manager() {
        return manager;
    }

    /** Creates a weight with seeded initial values. */
    public NDArray create(String name, Shape shape, Init init, Random rng) {
        float[] v = new float[Math.toIntExact(shape.size())];
        init.fill(v, shape.getShape(), rng);
        return put(name, shape, v);
    }

    /**
     * Creates an embedding table {@code (rows, dim)}: seeded random rows ({@link Init#embedding})
     * when {@code initial} is {@code null}, else those rows. Rows from {@code trained} on (vectors of
     * keys that no training example reads, such as a tagger's characters known only to a pretrained
     * vectors file) go to a frozen weight of their own, {@code name + }{@link #FIXED_ROWS}, which
     * {@link #embed} reads for ids past the trained rows: trained with the rest they would get no
     * gradient and not move, yet every dense update would sweep them.
     *
     * @param trained the rows that are trained; {@code rows} or more for all of them
     */
    public void createTable(String name, Shape shape, float[] initial, long trained, Random rng) {
        if (initial == null) {
            create(name, shape, Init.embedding(), rng);
            return;
        }
        long rows = shape.get(0);
        int dim = Math.toIntExact(shape.get(1));
        if (trained >= rows) {
            put(name, shape, initial);
            return;
        }
        int split = Math.toIntExact(trained * dim);
        put(name, new Shape(trained, dim), Arrays.copyOf(initial, split));
        put(name + FIXED_ROWS, new Shape(rows - trained, dim), Arrays.copyOfRange(initial, split, initial.length));
        freeze(name + FIXED_ROWS);
    }

    /** Creates a weight from given values (pretrained vectors, a loaded file). */
    public NDArray put(String name, Shape shape, float[] values) {
        if (arrays.containsKey(name)) {
            throw new IllegalArgumentException("weight '" + name + "' exists already");
        }
        NDArray a = manager.create(values, shape);
        a.setName(name);
        if (trainable) {
            a.setRequiresGradient(true);
        }
        arrays.put(name, a);
        return a;
    }

    /** The weight with this name. */
    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no weight '" + name + "' (have " + arrays.keySet() + ")");
        }
        return a;
    }

    /** Whether a weight with this name exists. */
    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    /** Stops training a weight: it keeps its values and gets no gradient. */
    public void freeze(String name) {
        NDArray a = get(name);
        if (frozen.add(name) && a.hasGradient()) {
            a.setRequiresGradient(false);
        }
    }

    /**
     * Makes the optimizer update this embedding table (a {@code (rows, dim)} weight read with
     * {@link #embed}) only in the rows each batch reads: the table itself gets no gradient. Adam's
     * moments and SGD's velocity of a row then change only when a batch reads it (PyTorch's sparse
     * embeddings with {@code SparseAdam}, TensorFlow's LazyAdam), so results differ slightly from
     * dense updates, where a row read once keeps moving with its momentum. No effect on a frozen
     * weight or an inference copy.
     */
    public void updateByRows(String name) {
        NDArray a = get(name);
        if (a.getShape().dimension() != 2) {
            throw new IllegalArgumentException("weight '" + name + "' is not a table of rows: shape " + a.getShape());
        }
        if (isTrainable(name) && byRows.add(name) && a.hasGradient()) {
            a.setRequiresGradient(false);
        }
    }

    /** Whether this weight is trained {@linkplain #updateByRows by rows}. */
    public boolean updatesByRows(String name) {
        return byRows.contains(name) && isTrainable(name);
    }

    /**
     * Looks up rows of an embedding table: {@code (ids..., dim)}. While training a weight
     * {@linkplain #updateByRows updated by rows}, the rows the batch reads are copied into its scope
     * (the manager of {@code ids}) as a {@link RowSlice} that collects their gradient; a table is read
     * this way at most once per batch, and {@link #clearSlices} ends the batch. At inference, ids past the
     * rows of a table {@linkplain #createTable created with fixed rows} read those (training never has them).
     *
     * @param training whether this is a training pass (else the table is read directly)
     */
    public NDArray embed(String name, NDArray ids, boolean training) {
        NDArray fixed = arrays.get(name + FIXED_ROWS);
        // training never reads a fixed row (they hold what no training sentence has): only inference needs the split look-up
        if (fixed == null || training) {
            return embedTrained(name, ids, training);
        }
        long trained = get(name).getShape().get(0);
        NDManager m = ids.getManager();
        NDArray own = Ops.embedding(ids.minimum(m.create(trained - 1).toType(ids.getDataType(), false)), get(name));
        NDArray rest = Ops.embedding(ids.sub(trained).maximum(m.zeros(new Shape(), ids.getDataType())), fixed);
        return NDArrays.where(ids.lt(trained).expandDims(-1).broadcast(own.getShape()), own, rest);
    }

    private NDArray embedTrained(String name, NDArray ids, boolean training) {
        NDArray table = get(name);
        if (!training || !updatesByRows(name)) {
            return Ops.embedding(ids, table);
        }
        if (slices.containsKey(name)) {
            throw new IllegalStateException("weight '" + name + "' was read twice in one batch; a table updated by rows is read once");
        }
        NDList unique = ids.flatten().unique(null, true, true, false);
        NDArray rowIds = unique.get(0);
        NDArray rows = Ops.embedding(rowIds, table);
        rows.setRequiresGradient(true);
        slices.put(name, new RowSlice(rowIds, rows));
        return Ops.embedding(unique.get(1).reshape(ids.getShape()), rows);
    }

    /** The rows of a weight updated by rows that the current batch read, or {@code null} if none. */
    public RowSlice slice(String name) {
        return slices.get(name);
    }

    /**
     * The gradient of a trainable weight for the current batch: the weight's own, or for one
     * {@linkplain #updateByRows updated by rows} the gradient of the rows read ({@code null} when the
     * batch read none).
     */
    public NDArray gradient(String name) {
        if (!updatesByRows(name)) {
            return get(name).getGradient();
        }
        RowSlice s = slices.get(name);
        return s == null ? null : s.gradient();
    }

    /**
     * Discards the current batch's gradients: every trainable weight's gradient becomes zero (NaN and
     * infinity included) and the row slices are forgotten, so the batch can be computed again.
     */
    public void zeroGradients() {
        for (String name : trainableNames()) {
            NDArray a = arrays.get(name);
            if (!byRows.contains(name) && a.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) a);
            }
        }
        slices.clear();
    }

    /** Forgets the current batch's row slices (their arrays close with the batch's scope). */
    public void clearSlices() {
        slices.clear();
    }

    /** Whether the optimizer updates this weight. */
    public boolean isTrainable(String name) {
        return trainable && arrays.containsKey(name) && !frozen.contains(name);
    }

    /** All weight names, in creation order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(arrays.keySet()));
    }

    /** The names of the weights the optimizer updates. */
    public List<String> trainableNames() {
        return arrays.keySet().stream().filter(this::isTrainable).toList();
    }

    /** The number of scalars in all weights, and in the trainable ones. */
    public long[] counts() {
        long all = 0;
        long train = 0;
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            long n = e.getValue().getShape().size();
            all += n;
            if (isTrainable(e.getKey())) {
                train += n;
            }
        }
        return new long[] {all, train};
    }

    /** Temporarily moves every weight into {@code scope}; they return when the scope closes. */
    public void attachTo(NDManager scope) {
        scope.tempAttachAll(arrays.values().toArray(new NDArray[0]));
    }

    /**
     * An inference copy of {@code weights} on {@code device} (no gradients), handed to {@code bind},
     * which builds a network on it; the copy is closed when that fails, so a bad model leaks no
     * native memory.
     */
    public static <T> T bindCopy(Device device, Map<String, TensorFile.Tensor> weights, Function<Params, T> bind) {
        Params p = new Params(device, false);
        try {
            weights.forEach((name, t) -> p.put(name, new Shape(t.shape()), t.values()));
            return bind.apply(p);
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** The weights as heap tensors, in creation order. */
    public Map<String, TensorFile.Tensor> snapshot() {
        Map<String, TensorFile.Tensor> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, TensorFile.Tensor.of(v)));
        return out;
    }

    /** Writes all weights to a file. */
    public void save(Path file) throws IOException {
        TensorFile.write(file, snapshot());
    }

    /** Overwrites the weights' values from a file with the same names and shapes. */
    public void load(Path file) throws IOException {
        Map<String, TensorFile.Tensor> read = TensorFile.read(file);
        try {
            load(read);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the weights' values from heap tensors with the same names and shapes. */
    public void load(Map<String, TensorFile.Tensor> tensors) {
        if (!tensors.keySet().equals(arrays.keySet())) {
            throw new IllegalArgumentException("the weights do not match this network: expected " + arrays.keySet()
                    + ", found " + tensors.keySet());
        }
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            TensorFile.Tensor t = tensors.get(e.getKey());
            if (!Arrays.equals(t.shape(), e.getValue().getShape().getShape())) {
                throw new IllegalArgumentException("weight '" + e.getKey() + "' has shape " + Arrays.toString(t.shape())
                        + ", the network expects " + e.getValue().getShape());
            }
        }
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            // A fresh array rather than an in-place copy: networks look weights up by name on every pass.
            NDArray old = e.getValue();
            NDArray fresh = manager.create(tensors.get(e.getKey()).values(), old.getShape());
            fresh.setName(e.getKey());
            if (isTrainable(e.getKey()) && !byRows.contains(e.getKey())) {
                fresh.setRequiresGradient(true);
            }
            e.setValue(fresh);
            old.close();
        }
    }

    /**
     * Converts every weight to another floating-point type, keeping names and gradient flags. For
     * gradient checks in float64 only: {@link #snapshot} and saving need float32.
     */
    void castTo(DataType type) {
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray old = e.getValue();
            NDArray cast = old.toType(type, true);
            cast.setName(e.getKey());
            if (old.hasGradient()) {
                cast.setRequiresGradient(true);
            }
            e.setValue(cast);
            old.close();
        }
    }

    /** A copy of all weights in a new manager on {@code device} (e.g. one per inference thread). */
    public Params copy(Device device, boolean copyTrainable) {
        Params p = new Params(device, copyTrainable);
        for (Map.Entry<String, TensorFile.Tensor> e : snapshot().entrySet()) {
            p.put(e.getKey(), new Shape(e.getValue().shape()), e.getValue().values());
        }
        for (String f : frozen) {
            p.freeze(f);
        }
        return p;
    }

    /** Frees the weights' native memory. */
    @Override
    public void close() {
        manager.close();
    }
}
