package dev.nlpipe.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.nlpipe.nn.Params;

/** Stochastic gradient descent, with heavy-ball momentum when {@code momentum > 0}. */
final class Sgd extends StatefulOptimizer {
    private final float momentum;
    private final float weightDecay;

    Sgd(Params params, float momentum, float weightDecay) {
        super(params);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    String[] slots() {
        return momentum > 0 ? new String[] {"velocity"} : new String[0];
    }

    @Override
    void update(NDArray w, NDArray g, NDList slots, float lr, float gradScale, long step) {
        NDList inputs = momentum > 0 ? new NDList(w, g, slots.get(0)) : new NDList(w, g);
        w.getNDArrayInternal().sgdUpdate(inputs, new NDList(w), lr, weightDecay, gradScale, -1f, momentum, false);
    }
}
