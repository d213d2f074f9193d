package dev.nlpipe.nn.optim;

import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Updates a network's trainable weights from their gradients, keeping its own state (moments,
 * velocities, step count) as arrays that a checkpoint saves and restores, so a resumed run continues
 * exactly where it stopped. Each update also clears the gradients for the next batch.
 */
public interface Optimizer {

    /**
     * Updates every trainable weight that has a gradient. Call inside the batch scope the weights are
     * {@linkplain Params#attachTo attached} to.
     *
     * @param params the weights
     * @param lr the learning rate for this step
     * @param gradScale a factor applied to every gradient first (gradient clipping by norm)
     */
    void step(Params params, float lr, float gradScale);

    /** The optimizer's state for a checkpoint. */
    Map<String, TensorFile.Tensor> state();

    /** Restores a state saved by {@link #state}. */
    void load(Map<String, TensorFile.Tensor> state);

    /** The names {@link #create} accepts. */
    String[] NAMES = {"adam", "adamw", "sgd"};

    /**
     * An optimizer by name.
     *
     * @param name {@code adam}, {@code adamw} ({@code torch.optim.AdamW}: decoupled weight decay, none
     *     on the weights {@link #hfNoDecay} names) or {@code sgd} (with momentum)
     * @param params the weights it will update (its state lives in their manager)
     * @param momentum SGD momentum (0 for plain SGD)
     * @param weightDecay L2 penalty (adam, sgd) or decoupled decay (adamw)
     */
    static Optimizer create(String name, Params params, double momentum, double weightDecay) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "adam" -> new Adam(params, (float) weightDecay);
            case "adamw" -> adamW(params, weightDecay, Optimizer::hfNoDecay);
            case "sgd" -> new Sgd(params, (float) momentum, (float) weightDecay);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (valid: adam, adamw, sgd)");
        };
    }

    /**
     * An optimizer by name whose weights learn at rates of their own: weight {@code name} is
     * updated with {@code lr · lrScale(name)} at every step, so the schedule moves every rate in
     * proportion (as PyTorch's {@code LambdaLR} does with parameter groups of different rates, e.g.
     * a new task head learning faster than the pretrained encoder under it).
     *
     * @param lrScale each weight's factor on the scheduled learning rate (1 = the base rate)
     */
    static Optimizer create(String name, Params params, double momentum, double weightDecay, ToDoubleFunction<String> lrScale) {
        Optimizer o = create(name, params, momentum, weightDecay);
        ((StatefulOptimizer) o).scaleRates(lrScale);
        return o;
    }

    /**
     * AdamW with PyTorch's defaults (betas 0.9 and 0.999, epsilon 1e-8), computed as
     * {@code torch.optim.AdamW}, with two parameter groups: the weights {@code noDecay} accepts get
     * no weight decay.
     *
     * @param params the weights it will update
     * @param weightDecay the decoupled decay of the other weights (HF's Trainer default: 0; BERT: 0.01)
     * @param noDecay the names of the weights not to decay, e.g. {@link #hfNoDecay}
     */
    static Optimizer adamW(Params params, double weightDecay, Predicate<String> noDecay) {
        return adamW(params, weightDecay, noDecay, 0.9, 0.999, 1e-8);
    }

    /** AdamW as {@link #adamW(Params, double, Predicate)} with other betas and epsilon (BERT's original: 1e-6). */
    static Optimizer adamW(Params params, double weightDecay, Predicate<String> noDecay, double beta1, double beta2,
                           double eps) {
        return new AdamW(params, weightDecay, noDecay, beta1, beta2, eps);
    }

    /**
     * Hugging Face's {@code no_decay = ["bias", "LayerNorm.weight"]} convention: biases and LayerNorm
     * gains (names containing {@code LayerNorm.weight}) get no weight decay. A bias is a weight whose
     * last name part is {@code bias}, or nlpipe's own {@code b}, {@code bih} or {@code bhh} (an LSTM's,
     * which PyTorch names {@code bias_ih_l0} and HF therefore spares). HF matches {@code "bias"}
     * anywhere in a name; nlpipe only the last name part, so that no weight is spared by an accident of naming.
     */
    static boolean hfNoDecay(String name) {
        return switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "bias", "b", "bih", "bhh" -> true;
            default -> name.contains("LayerNorm.weight");
        };
    }
}
