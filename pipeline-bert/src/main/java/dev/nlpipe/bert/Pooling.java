package dev.nlpipe.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.nn.bert.BertEncoder;
import java.util.Locale;

/** How a sequence's hidden states become one vector: its first token ([CLS]), their mean, or BERT's pooler. */
public enum Pooling {
    /** The hidden state of [CLS], as bge and most sentence encoders are meant to be used. */
    CLS,
    /** The mean over the real tokens. */
    MEAN,
    /** BERT's pooler (dense + tanh on [CLS]), as {@code BertForSequenceClassification}; only for encoders that have one. */
    POOLER;

    /** The option values. */
    public static final String[] NAMES = {"auto", "cls", "mean", "pooler"};

    /** Parses an option value; {@code auto} is the pooler when the encoder has one, else [CLS]. */
    public static Pooling parse(String name, boolean hasPooler) {
        return name.equals("auto") ? (hasPooler ? POOLER : CLS) : valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Runs {@code encoder} over a batch and pools its last hidden states into {@code (B, H)}. [CLS]
     * and the pooler read the first token alone, so the encoder's last layer runs for it alone
     * ({@link BertEncoder#firstToken}); the mean runs it for every token.
     */
    public NDArray encode(BertEncoder encoder, BertInput in, boolean training) {
        return switch (this) {
            case CLS -> encoder.firstToken(in.ids(), in.types(), in.lengths(), training);
            case POOLER -> encoder.poolFirst(encoder.firstToken(in.ids(), in.types(), in.lengths(), training));
            case MEAN -> mean(encoder.forward(in.ids(), in.types(), in.lengths(), training), in.lengths());
        };
    }

    /** The mean of {@code (B, T, H)} hidden states over each sequence's {@code lengths[b]} real tokens, {@code (B, H)}. */
    private static NDArray mean(NDArray hidden, int[] lengths) {
        long steps = hidden.getShape().get(1);
        float[] mask = new float[lengths.length * (int) steps];
        float[] inverse = new float[lengths.length];
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[b * (int) steps + t] = 1;
            }
            inverse[b] = 1f / lengths[b];
        }
        NDArray m = hidden.getManager().create(mask, new Shape(lengths.length, steps, 1));
        NDArray inv = hidden.getManager().create(inverse, new Shape(lengths.length, 1));
        return hidden.mul(m).sum(new int[] {1}).mul(inv);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
