package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;

/**
 * A network as the {@link TrainingLoop} sees it: its weights, the loss of a batch, and its scores
 * on dev data.
 *
 * @param <E> one training example (an encoded sentence, say)
 */
public interface Trainable<E> {

    /** The weights the optimizer updates and the checkpoints save. */
    Params params();

    /**
     * The mean loss of a batch in training mode (dropout on). Create every array in {@code scope}
     * (the weights are attached to it); it is closed after the update.
     */
    NDArray loss(List<E> batch, NDManager scope);

    /**
     * Scores on the dev data in inference mode, higher is better for the monitored score; an empty
     * map when there is no dev data. Must free what it allocates (use a sub-manager of the weights'
     * manager and close it).
     */
    Map<String, Double> evaluate();
}
