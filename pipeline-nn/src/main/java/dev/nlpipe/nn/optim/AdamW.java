package dev.nlpipe.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import java.util.function.Predicate;

/**
 * AdamW (Loshchilov and Hutter) as {@code torch.optim.AdamW} computes it (to rounding), with parameter
 * groups: weights the {@code noDecay} predicate names (by default Hugging Face's biases and
 * LayerNorm weights) get no weight decay. Per weight and step {@code t}:
 * <pre>
 * w ← w · (1 - lr · decay)
 * m ← β1 · m + (1 - β1) · g
 * v ← β2 · v + (1 - β2) · g²
 * w ← w - lr / (1 - β1^t) · m / (√v / √(1 - β2^t) + ε)
 * </pre>
 * Computed in place, the gradient serving as scratch space (it is cleared after the step) and one
 * square root the only new array, rather than with DJL's fused Adam kernel: that kernel adds ε to
 * {@code √v} before the bias correction, in effect {@code ε / √(1 - β2^t)} (32 times PyTorch's ε at
 * the first step, near it only after thousands of steps), decays with {@code w - w·lr·decay}, and
 * makes five new arrays per weight; the {@code adam} optimizer keeps using it unchanged.
 */
final class AdamW extends StatefulOptimizer {
    private final double weightDecay;
    private final Predicate<String> noDecay;
    private final double beta1;
    private final double beta2;
    private final double eps;

    AdamW(Params params, double weightDecay, Predicate<String> noDecay, double beta1, double beta2, double eps) {
        super(params);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("AdamW's betas must be in [0, 1), not " + beta1 + ", " + beta2);
        }
        this.weightDecay = weightDecay;
        this.noDecay = noDecay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    String[] slots() {
        return new String[] {"m", "v"};
    }

    @Override
    void update(String name, NDArray w, NDArray g, NDList slots, float lr, float gradScale, long step) {
        apply(w, g, slots, lr, gradScale, step, noDecay.test(name) ? 0 : weightDecay);
    }

    @Override
    void update(NDArray w, NDArray g, NDList slots, float lr, float gradScale, long step) {
        apply(w, g, slots, lr, gradScale, step, weightDecay);
    }

    private void apply(NDArray w, NDArray g, NDList slots, double lr, float gradScale, long step, double decay) {
        NDArray m = slots.get(0);
        NDArray v = slots.get(1);
        // In place throughout, with the gradient as scratch space (it is cleared at the end anyway): a
        // new array as large as BERT's word embeddings costs six passes over one (its pages come fresh
        // from the kernel), and six such temporaries made this step slower than the whole backward pass.
        if (decay != 0) {
            Ops.timesInPlace(w, (float) (1 - lr * decay));
        }
        Ops.timesInPlace(g, (1 - beta1) * gradScale);                  // g = (1-β1)·s·grad
        Ops.timesInPlace(m, (float) beta1).addi(g);
        g.muli(g);                                                     // g = (1-β1)²·s²·grad²
        Ops.timesInPlace(g, (1 - beta2) / ((1 - beta1) * (1 - beta1)));
        Ops.timesInPlace(v, (float) beta2).addi(g);
        // lr/(1-β1^t) · m/(√v/√(1-β2^t) + ε) = lr·√(1-β2^t)/(1-β1^t) · m/(√v + ε·√(1-β2^t))
        double root2 = Math.sqrt(1 - Math.pow(beta2, step));
        try (NDArray denom = v.sqrt()) {
            denom.addi((float) (eps * root2));
            g.set(new NDIndex("..."), m);
            g.divi(denom);
        }
        Ops.timesInPlace(g, -lr * root2 / (1 - Math.pow(beta1, step)));
        w.addi(g);
        clearGradient(w);
    }
}
