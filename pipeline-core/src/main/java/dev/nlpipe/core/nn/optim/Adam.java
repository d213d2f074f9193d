package dev.nlpipe.core.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.nlpipe.core.nn.Params;

/**
 * Adam (Kingma and Ba) with bias correction, or AdamW (Loshchilov and Hutter: weight decay applied to
 * the weights directly, not through the gradient), using the engine's fused update kernel.
 */
final class Adam extends StatefulOptimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private final float weightDecay;
    private final boolean decoupled;

    Adam(Params params, float weightDecay, boolean decoupled) {
        super(params);
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    public void step(Params params, float lr, float gradScale) {
        long t = state.nextStep();
        float corrected = (float) (lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
        for (String name : params.trainableNames()) {
            NDArray w = params.get(name);
            NDArray g = w.getGradient();
            NDArray m = state.slot(name, "m", w.getShape());
            NDArray v = state.slot(name, "v", w.getShape());
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, m, v), new NDList(w), lr, corrected, weightDecay, gradScale,
                    -1f, BETA1, BETA2, EPSILON, false, decoupled);
        }
    }
}
