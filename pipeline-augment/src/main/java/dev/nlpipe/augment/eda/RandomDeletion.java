package dev.nlpipe.augment.eda;

import dev.nlpipe.augment.Piece;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * EDA's random deletion (RD): each free word is deleted with probability {@code p}; a sentence of
 * one word is left alone, and when every word went, one random word is kept, as in the reference
 * code. Entities and punctuation are never deleted.
 */
final class RandomDeletion {
    static final String OP = "RD";

    private RandomDeletion() {
    }

    static List<Piece> apply(List<Piece> in, double p, SplittableRandom rng) {
        int words = 0;
        for (Piece piece : in) {
            if (piece.isWord()) {
                words++;
            }
        }
        if (words <= 1) {
            return new ArrayList<>(in);
        }
        List<Piece> out = new ArrayList<>(in.size());
        List<Integer> editable = new ArrayList<>();
        boolean[] deleted = new boolean[in.size()];
        int left = 0;
        for (int i = 0; i < in.size(); i++) {
            Piece piece = in.get(i);
            if (piece.editable()) {
                editable.add(i);
                deleted[i] = rng.nextDouble() < p;
            }
            if (!deleted[i] && piece.isWord()) {
                left++;
            }
        }
        if (left == 0) {
            deleted[editable.get(rng.nextInt(editable.size()))] = false;
        }
        for (int i = 0; i < in.size(); i++) {
            if (!deleted[i]) {
                out.add(in.get(i));
            }
        }
        return out;
    }
}
