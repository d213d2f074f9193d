package dev.nlpipe.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-weight state arrays of an optimizer ({@code name#slot}), created lazily beside the weights
 * (in their manager, never in a batch scope), plus a step counter; saved and restored as tensors.
 */
final class OptimizerState {
    private final Params params;
    private final Map<String, NDArray> slots = new LinkedHashMap<>();
    private long steps;

    OptimizerState(Params params) {
        this.params = params;
    }

    /** The state array of a weight's slot, zeros the first time. */
    NDArray slot(String weight, String slot, Shape shape) {
        return slots.computeIfAbsent(weight + "#" + slot, k -> params.manager().zeros(shape));
    }

    long steps() {
        return steps;
    }

    long nextStep() {
        return ++steps;
    }

    Map<String, TensorFile.Tensor> save() {
        Map<String, TensorFile.Tensor> out = new LinkedHashMap<>();
        out.put("#steps", new TensorFile.Tensor(new long[] {1}, new float[] {steps}));
        slots.forEach((k, v) -> out.put(k, TensorFile.Tensor.of(v)));
        return out;
    }

    void load(Map<String, TensorFile.Tensor> state) {
        TensorFile.Tensor s = state.get("#steps");
        if (s == null) {
            throw new IllegalArgumentException("the optimizer state has no step count");
        }
        steps = (long) s.values()[0];
        for (Map.Entry<String, TensorFile.Tensor> e : state.entrySet()) {
            if (e.getKey().equals("#steps")) {
                continue;
            }
            int hash = e.getKey().lastIndexOf('#');
            String weight = e.getKey().substring(0, hash);
            if (!params.has(weight) || !Arrays.equals(params.get(weight).getShape().getShape(), e.getValue().shape())) {
                throw new IllegalArgumentException("the optimizer state does not match the network (weight '" + weight + "')");
            }
            NDArray old = slots.put(e.getKey(), params.manager().create(e.getValue().values(), new Shape(e.getValue().shape())));
            if (old != null) {
                old.close();
            }
        }
    }
}
