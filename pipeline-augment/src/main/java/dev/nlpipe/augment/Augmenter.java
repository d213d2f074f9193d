package dev.nlpipe.augment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes variants of one sentence. Implementations are thread-safe and draw every random choice
 * from the generator they are given, which belongs to the one document being augmented.
 */
@FunctionalInterface
public interface Augmenter {

    /**
     * Candidate variants, best first; the caller drops duplicates and keeps at most {@code numAug}.
     * Returning more than {@code numAug} lets duplicates be replaced.
     */
    List<Variant> augment(Sentence sentence, SplittableRandom rng, int numAug);

    /** One operation applied to the original sentence: a variant, or {@code null} when it changes nothing. */
    @FunctionalInterface
    interface Operation {
        Variant apply(Sentence sentence, SplittableRandom rng);
    }

    /**
     * An augmenter that applies {@code op} independently for each variant, retrying (up to three
     * times as many attempts) while it repeats itself or changes nothing.
     */
    static Augmenter repeating(Operation op) {
        return (sentence, rng, numAug) -> {
            List<Variant> out = new ArrayList<>(numAug);
            Set<List<String>> seen = new HashSet<>();
            seen.add(Piece.surfaces(sentence.pieces()));
            for (int attempt = 0; attempt < 3 * numAug && out.size() < numAug; attempt++) {
                Variant v = op.apply(sentence, rng);
                if (v != null && seen.add(Piece.surfaces(v.pieces()))) {
                    out.add(v);
                }
            }
            return out;
        };
    }
}
