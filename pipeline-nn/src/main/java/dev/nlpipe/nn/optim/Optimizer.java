package dev.nlpipe.nn.optim;

import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import java.util.Locale;
import java.util.Map;

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
     * @param name {@code adam}, {@code adamw} (decoupled weight decay) or {@code sgd} (with momentum)
     * @param params the weights it will update (its state lives in their manager)
     * @param momentum SGD momentum (0 for plain SGD)
     * @param weightDecay L2 penalty (adam, sgd) or decoupled decay (adamw)
     */
    static Optimizer create(String name, Params params, double momentum, double weightDecay) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "adam" -> new Adam(params, (float) weightDecay, false);
            case "adamw" -> new Adam(params, (float) weightDecay, true);
            case "sgd" -> new Sgd(params, (float) momentum, (float) weightDecay);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (valid: adam, adamw, sgd)");
        };
    }
}
