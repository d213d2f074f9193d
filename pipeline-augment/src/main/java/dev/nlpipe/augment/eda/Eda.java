package dev.nlpipe.augment.eda;

import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.Sentence;
import dev.nlpipe.augment.Shuffle;
import dev.nlpipe.augment.Variant;
import dev.nlpipe.augment.synonym.SynonymSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Easy Data Augmentation (Wei and Zou, 2019): each variant comes from one of the four operations,
 * with {@code n = max(1, ⌊α·l⌋)} for a sentence of {@code l} words. As in the reference code,
 * {@code ⌊numAug/k⌋ + 1} variants are made per operation ({@code k} = the operations turned on,
 * 4 in the paper), shuffled, and the first {@code numAug} distinct ones kept. An operation that
 * changed nothing (no synonym, a sentence of one word) makes no variant, also under
 * {@code dropDuplicates: false}: a copy of the original marked as an operation's result is none.
 *
 * @param alphaSr share of words replaced by synonyms
 * @param alphaRi share of words inserted
 * @param alphaRs share of words swapped
 * @param pRd probability that each word is deleted
 * @param synonyms the synonyms for SR and RI
 */
public record Eda(double alphaSr, double alphaRi, double alphaRs, double pRd, SynonymSource synonyms) implements Augmenter {

    @Override
    public List<Variant> augment(Sentence s, SplittableRandom rng, int numAug) {
        int l = s.wordCount();
        int enabled = (alphaSr > 0 ? 1 : 0) + (alphaRi > 0 ? 1 : 0) + (alphaRs > 0 ? 1 : 0) + (pRd > 0 ? 1 : 0);
        int perOp = numAug / Math.max(1, enabled) + 1;
        List<Piece> in = s.pieces();
        List<Variant> out = new ArrayList<>();
        if (alphaSr > 0) {
            int n = count(alphaSr, l);
            for (int i = 0; i < perOp; i++) {
                addChanged(out, in, SynonymReplacement.apply(in, n, synonyms, rng), SynonymReplacement.OP);
            }
        }
        if (alphaRi > 0) {
            int n = count(alphaRi, l);
            for (int i = 0; i < perOp; i++) {
                addChanged(out, in, RandomInsertion.apply(in, n, synonyms, rng), RandomInsertion.OP);
            }
        }
        if (alphaRs > 0) {
            int n = count(alphaRs, l);
            for (int i = 0; i < perOp; i++) {
                addChanged(out, in, RandomSwap.apply(in, n, rng), RandomSwap.OP);
            }
        }
        if (pRd > 0) {
            for (int i = 0; i < perOp; i++) {
                addChanged(out, in, RandomDeletion.apply(in, pRd, rng), RandomDeletion.OP);
            }
        }
        Shuffle.shuffle(out, rng);
        return out;
    }

    private static void addChanged(List<Variant> out, List<Piece> original, List<Piece> pieces, String op) {
        // by text: a swap of two equal words (good good) moves slots but changes nothing a reader sees
        if (!Piece.surfaces(pieces).equals(Piece.surfaces(original))) {
            out.add(new Variant(pieces, List.of(op)));
        }
    }

    /** {@code max(1, ⌊α·l⌋)}, the reference code's number of edits. */
    static int count(double alpha, int words) {
        return Math.max(1, (int) (alpha * words));
    }
}
