package dev.nlpipe.core.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.nlpipe.core.nn.Params;
import dev.nlpipe.core.nn.TensorFile;
import java.util.Map;

/** Stochastic gradient descent, with heavy-ball momentum when {@code momentum > 0}. */
final class Sgd implements Optimizer {
    private final OptimizerState state;
    private final float momentum;
    private final float weightDecay;

    Sgd(Params params, float momentum, float weightDecay) {
        this.state = new OptimizerState(params);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(Params params, float lr, float gradScale) {
        state.nextStep();
        for (String name : params.trainableNames()) {
            NDArray w = params.get(name);
            NDArray g = w.getGradient();
            NDList inputs = momentum > 0 ? new NDList(w, g, state.slot(name, "velocity", w.getShape())) : new NDList(w, g);
            w.getNDArrayInternal().sgdUpdate(inputs, new NDList(w), lr, weightDecay, gradScale, -1f, momentum, false);
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
