package dev.nlpipe.augment.eda;

import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.synonym.SynonymSource;
import java.util.List;
import java.util.SplittableRandom;

/**
 * EDA's random insertion (RI), {@code n} times: a random synonym of a random non-stop word is
 * inserted at a random position — never inside an entity. Inserted words can give synonyms too,
 * as in the reference code.
 */
final class RandomInsertion {
    static final String OP = "RI";

    private RandomInsertion() {
    }

    static List<Piece> apply(List<Piece> in, int n, SynonymSource synonyms, SplittableRandom rng) {
        InsertionSlots sentence = new InsertionSlots(in, p -> p.editable() && !p.stop() && !synonyms.synonyms(p.key()).isEmpty());
        for (int k = 0; k < n && sentence.sources() > 0; k++) {
            Piece from = sentence.source(rng.nextInt(sentence.sources()));
            List<String> options = synonyms.synonyms(from.key());
            Piece word = Piece.inserted(options.get(rng.nextInt(options.size())));
            sentence.insert(rng.nextInt(sentence.points()), word);
        }
        return sentence.pieces();
    }
}
