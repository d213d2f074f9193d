package dev.nlpipe.augment.eda;

import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.WordReplacement;
import dev.nlpipe.augment.synonym.SynonymSource;
import java.util.List;
import java.util.SplittableRandom;

/**
 * EDA's synonym replacement (SR): up to {@code n} distinct non-stop words, taken in random order
 * among those that have synonyms, are each replaced by one random synonym — every occurrence of
 * the word, as in the reference code.
 */
final class SynonymReplacement {
    static final String OP = "SR";

    private SynonymReplacement() {
    }

    static List<Piece> apply(List<Piece> in, int n, SynonymSource synonyms, SplittableRandom rng) {
        List<Piece> out = WordReplacement.replace(in, n, synonyms::synonyms, rng);
        return out == null ? in : out;
    }
}
