package dev.nlpipe.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.Trainable;
import java.util.List;
import java.util.function.Predicate;

/**
 * What every fine-tuned BERT task gives the training loop beside its loss and dev scores: the
 * adversarial passes on the word embeddings after each clean backward pass ({@link Adversarial}),
 * a learning rate of its own for the task's new head (output layer, CRF), which starts from
 * random weights while the encoder under it is only adjusted, and the encoder's rates by layer
 * ({@link LayerDecay}).
 *
 * @param <E> one training example
 */
public abstract class BertTrainable<E> implements Trainable<E> {
    private final Params params;
    private final String wordEmbeddings;
    private final Adversarial adversarial;
    private final Predicate<String> head;
    private final double headScale;
    private final LayerDecay layerDecay;

    /**
     * @param params the weights: the encoder and the head
     * @param wordEmbeddings the word-embedding table's name (perturbed by adversarial training)
     * @param adversarial adversarial training, or {@link Adversarial#NONE}
     * @param head which weights belong to the head
     * @param headScale the head's learning rate as a multiple of the encoder's (1 = the same rate)
     * @param layerDecay the encoder's rates by layer
     */
    protected BertTrainable(Params params, String wordEmbeddings, Adversarial adversarial, Predicate<String> head, double headScale,
                            LayerDecay layerDecay) {
        this.params = params;
        this.wordEmbeddings = wordEmbeddings;
        this.adversarial = adversarial;
        this.head = head;
        this.headScale = headScale;
        this.layerDecay = layerDecay;
    }

    @Override
    public final Params params() {
        return params;
    }

    /** The clean pass, then the perturbed passes of adversarial training (their gradients add up). */
    @Override
    public float backward(List<E> batch, NDManager scope, float scale) {
        // a batch that is a share of an accumulated step (scale below 1) finds earlier batches' gradients in the table
        NDArray before = null;
        if (adversarial.active() && scale != 1f && params.gradient(wordEmbeddings) != null) {
            before = params.gradient(wordEmbeddings).duplicate();
        }
        float loss = Trainable.super.backward(batch, scope, scale);
        if (Float.isFinite(loss)) {
            adversarial.addPerturbedGradients(params, wordEmbeddings, () -> loss(batch, scope), scale, before);
        }
        return loss;
    }

    @Override
    public double lrScale(String weight) {
        return head.test(weight) ? headScale : layerDecay.scale(weight);
    }
}
