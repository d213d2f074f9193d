package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;

/**
 * The Gaussian error linear unit in its exact form, {@code 0.5 · x · (1 + erf(x / √2))}, as BERT and
 * PyTorch's default {@code F.gelu} compute it (not the tanh approximation of GPT-2's "gelu_new").
 */
public final class Gelu {
    private Gelu() {
    }

    /**
     * GELU of every element, in the manager of {@code x}. DJL's gelu runs PyTorch's
     * {@code torch::nn::functional::gelu} with its default {@code approximate="none"}: one fused
     * kernel and the exact erf form, values and gradients as PyTorch's.
     */
    public static NDArray apply(NDArray x) {
        return x.getNDArrayInternal().gelu();
    }
}
