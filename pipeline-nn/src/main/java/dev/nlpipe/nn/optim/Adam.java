package dev.nlpipe.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.nlpipe.nn.Params;

/**
 * Adam (Kingma and Ba) with bias correction and L2 weight decay through the gradient, using the
 * engine's fused update kernel. (AdamW, decoupled decay, is {@link AdamW}.)
 */
final class Adam extends StatefulOptimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private final float weightDecay;

    Adam(Params params, float weightDecay) {
        super(params);
        this.weightDecay = weightDecay;
    }

    @Override
    String[] slots() {
        return new String[] {"m", "v"};
    }

    @Override
    void update(NDArray w, NDArray g, NDList slots, float lr, float gradScale, long step) {
        float corrected = (float) (lr * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
        w.getNDArrayInternal().adamUpdate(new NDList(w, g, slots.get(0), slots.get(1)), new NDList(w), lr, corrected, weightDecay,
                gradScale, -1f, BETA1, BETA2, EPSILON, false, false);
    }
}
