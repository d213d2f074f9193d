package dev.nlpipe.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.RowSlice;
import dev.nlpipe.nn.TensorFile;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The part every optimizer shares: its per-weight state, saved and restored with checkpoints, and
 * the walk over the trainable weights. A weight {@linkplain Params#updateByRows updated by rows} is
 * updated on the rows the batch read: those rows of the weight and of its state are copied out,
 * updated by the same rule as a whole weight, and written back.
 */
abstract class StatefulOptimizer implements Optimizer {
    protected final OptimizerState state;
    /** Each weight's factor on the step's learning rate (parameter groups with their own rates); {@code null}: 1 for all. */
    private ToDoubleFunction<String> lrScale;

    StatefulOptimizer(Params params) {
        this.state = new OptimizerState(params);
    }

    /** Gives each weight the learning rate {@code lr · lrScale(name)} from now on. */
    void scaleRates(ToDoubleFunction<String> scale) {
        this.lrScale = scale;
    }

    /** The names of the state arrays each weight has (each shaped like the weight). */
    abstract String[] slots();

    /**
     * Updates {@code w} in place from its gradient, and {@code slots} (the state arrays named by
     * {@link #slots}, in that order) in place. The gradient {@code g} is spent: an update may use it
     * as scratch space, and it is cleared afterwards.
     *
     * @param step the 1-based number of this update
     */
    abstract void update(NDArray w, NDArray g, NDList slots, float lr, float gradScale, long step);

    /**
     * Updates the weight called {@code name}; the default ignores the name. Optimizers whose rule
     * depends on the weight (parameter groups) override this one instead.
     */
    void update(String name, NDArray w, NDArray g, NDList slots, float lr, float gradScale, long step) {
        update(w, g, slots, lr, gradScale, step);
    }

    /** Clears a weight's gradient after its update, as DJL's fused updates do: PyTorch adds gradients up until cleared. */
    static void clearGradient(NDArray w) {
        if (w.hasGradient()) {
            JniUtils.zeroGrad((PtNDArray) w);
        }
    }

    @Override
    public final void step(Params params, float lr, float gradScale) {
        long step = state.nextStep();
        for (String name : params.trainableNames()) {
            NDArray w = params.get(name);
            float rate = lrScale == null ? lr : (float) (lr * lrScale.applyAsDouble(name));
            NDList slots = new NDList();
            for (String s : slots()) {
                slots.add(state.slot(name, s, w.getShape()));
            }
            if (!params.updatesByRows(name)) {
                update(name, w, w.getGradient(), slots, rate, gradScale, step);
                continue;
            }
            RowSlice slice = params.slice(name);
            if (slice == null) {
                continue;
            }
            NDManager scope = slice.ids().getManager();
            NDIndex rows = slice.index();
            NDArray wRows = w.get(scope, rows);
            NDList slotRows = new NDList();
            for (NDArray s : slots) {
                slotRows.add(s.get(scope, rows));
            }
            update(name, wRows, slice.gradient(), slotRows, rate, gradScale, step);
            w.set(rows, wRows);
            for (int i = 0; i < slots.size(); i++) {
                slots.get(i).set(rows, slotRows.get(i));
            }
        }
    }

    @Override
    public Map<String, TensorFile.Tensor> state() {
        return state.save();
    }

    @Override
    public void load(Map<String, TensorFile.Tensor> saved) {
        state.load(saved);
    }
}
