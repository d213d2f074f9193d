package dev.nlpipe.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;

/**
 * Stochastic gradient descent, with heavy-ball momentum when {@code momentum > 0}, as
 * {@code torch.optim.SGD} computes it (no dampening, not Nesterov): per weight and step,
 * <pre>
 * d ← s · g + decay · w
 * v ← μ · v + d
 * w ← w - lr · v
 * </pre>
 * The learning rate multiplies the velocity when it is applied, not when it is accumulated as in
 * DJL's fused SGD kernel ({@code v ← μ·v + lr·d}): the two differ whenever the rate changes (warm-up,
 * decay), where the fused form carries the old rates in the velocity. A checkpoint written before
 * this form (2026-12-07) holds a velocity scaled by the rate; resumed, it is too small for the few
 * dozen steps momentum takes to rebuild it.
 */
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
        // in place, the gradient as scratch space (it is cleared at the end anyway)
        if (gradScale != 1f) {
            Ops.timesInPlace(g, gradScale);
        }
        if (weightDecay != 0f) {
            try (NDArray decay = Ops.times(w, weightDecay)) {
                g.addi(decay);
            }
        }
        if (momentum > 0) {
            NDArray v = slots.get(0);
            Ops.timesInPlace(v, momentum).addi(g);
            g.set(new NDIndex("..."), v);
        }
        Ops.timesInPlace(g, -lr);
        w.addi(g);
        clearGradient(w);
    }
}
