package dev.nlpipe.ner.flat;

import dev.nlpipe.nn.SelfAttention;
import java.util.Locale;

/**
 * Which form of the FLAT layer a model uses: the paper's formulas in a standard post-LN Transformer
 * layer, or the layer as FLAT's reference code ({@code V1/modules.py}, its default options) computes
 * it. The reference code's "add and norm" adds a sub-layer's output to itself rather than to its
 * input (its issues #34, #83, #111), so its layers have no residual connections; its attention does
 * not project the keys, has no output projection and does not scale the scores ({@code k_proj},
 * {@code attn_ff} and {@code scaled} off), and its relative positions fuse two distances, head–head
 * and tail–tail ({@code four_pos_fusion: ff_two}), instead of the paper's four.
 */
public enum FlatVariant {
    /** The paper's formulas, with residual connections, projected keys, an output projection and scaling. */
    STANDARD(SelfAttention.Form.BERT, RelativePositions.FOUR, true),
    /** The reference code's defaults: no residuals, unprojected keys, no output projection, no scaling, two distances. */
    REFERENCE(new SelfAttention.Form(false, false, false), RelativePositions.TWO, false);

    private final SelfAttention.Form attention;
    private final int[] distances;
    private final boolean residual;

    FlatVariant(SelfAttention.Form attention, int[] distances, boolean residual) {
        this.attention = attention;
        this.distances = distances;
        this.residual = residual;
    }

    /** The attention's form. */
    SelfAttention.Form attention() {
        return attention;
    }

    /**
     * The distances fused into the relative positions, as indices into {@code d_hh, d_ht, d_th, d_tt}
     * ({@link RelativePositions#FOUR}, {@link RelativePositions#TWO}; {@code RelativePositions} copies them).
     */
    int[] distances() {
        return distances;
    }

    /** Whether each sub-layer's input is added to its output before the LayerNorm. */
    boolean residual() {
        return residual;
    }

    /** The option value, {@code standard} or {@code reference}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads an option value. */
    public static FlatVariant parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
