package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * A network as the {@link TrainingLoop} sees it: its weights, the loss of a batch, and its scores
 * on dev data.
 *
 * @param <E> one training example (an encoded sentence, say)
 */
public interface Trainable<E> {

    /**
     * A trainable made of its parts, for a network that adds nothing else (one forward pass per
     * batch, no per-epoch randomness of its own).
     *
     * @param params the weights
     * @param loss the mean loss of a batch, made in the given scope ({@link #loss})
     * @param lrScale the factor on the learning rate per weight name ({@link #lrScale})
     * @param evaluate the dev scores ({@link #evaluate}), which a resumed run replays the recorded epochs into
     */
    static <E> Trainable<E> of(Params params, BiFunction<List<E>, NDManager, NDArray> loss, ToDoubleFunction<String> lrScale,
                               DevScores evaluate) {
        return new Trainable<>() {
            @Override
            public Params params() {
                return params;
            }

            @Override
            public NDArray loss(List<E> batch, NDManager scope) {
                return loss.apply(batch, scope);
            }

            @Override
            public double lrScale(String weight) {
                return lrScale.applyAsDouble(weight);
            }

            @Override
            public Map<String, Double> evaluate() {
                return evaluate.get();
            }

            @Override
            public void replayEvaluation(Map<String, Double> earlier) {
                evaluate.replay(earlier);
            }
        };
    }

    /** {@link #of(Params, BiFunction, ToDoubleFunction, DevScores)} with the base rate for every weight. */
    static <E> Trainable<E> of(Params params, BiFunction<List<E>, NDManager, NDArray> loss, DevScores evaluate) {
        return of(params, loss, weight -> 1.0, evaluate);
    }

    /** The weights the optimizer updates and the checkpoints save. */
    Params params();

    /**
     * The mean loss of a batch in training mode (dropout on). Create every array in {@code scope}
     * (the weights are attached to it); it is closed after the update.
     */
    NDArray loss(List<E> batch, NDManager scope);

    /**
     * Adds the batch's gradients to the weights' and returns its loss: by default one forward pass
     * ({@link #loss}) under a gradient collector, then the backward pass. Training schemes with
     * more passes per batch (adversarial perturbations of the embeddings) override it; the
     * gradients of every pass add up. A loss that is not finite is returned without a backward
     * pass (the loop skips the step; three such steps in a row end the run as diverged).
     *
     * @param scale multiplies the loss before the backward pass (the batch's share of the step's examples when several
     *     batches make one step); exactly 1 leaves the loss as it is
     */
    default float backward(List<E> batch, NDManager scope, float scale) {
        try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
            NDArray l = loss(batch, scope);
            float loss = l.getFloat();
            if (Float.isFinite(loss)) {
                gc.backward(scale == 1f ? l : Ops.times(l, scale));
            }
            return loss;
        }
    }

    /**
     * Called by the loop at the start of every epoch (1-based), after the engine was reseeded for it
     * and also when a resumed run starts after its last finished epoch: a network that draws
     * per-epoch randomness of its own in Java (masked-LM pre-training masks its inputs anew every
     * epoch) derives it from the seed and this number, so a resumed run replays it. Does nothing by
     * default.
     */
    default void startEpoch(int epoch) {
    }

    /**
     * The factor on the scheduled learning rate for one weight; 1 (the default) for all weights
     * gives every weight the base rate. A fine-tuned model returns a larger factor for its new task
     * head than for its pretrained encoder (parameter groups with their own learning rates).
     */
    default double lrScale(String weight) {
        return 1.0;
    }

    /**
     * Scores on the dev data in inference mode, higher is better for the monitored score; an empty
     * map when there is no dev data. Must free what it allocates (use a sub-manager of the weights'
     * manager and close it).
     */
    Map<String, Double> evaluate();

    /**
     * Called by a resumed run, before its first epoch, with the dev scores of each epoch its
     * checkpoint recorded, in order: scoring that watches the epochs ({@link DevScores}) counts
     * them as if this run had scored them. Does nothing by default.
     */
    default void replayEvaluation(Map<String, Double> earlier) {
    }
}
