package dev.nlpipe.augment.eda;

import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.synonym.SynonymSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * EDA's random insertion (RI), {@code n} times: a random synonym of a random non-stop word is
 * inserted at a random position — never inside an entity.
 */
final class RandomInsertion {
    static final String OP = "RI";

    private RandomInsertion() {
    }

    static List<Piece> apply(List<Piece> in, int n, SynonymSource synonyms, SplittableRandom rng) {
        List<Piece> out = new ArrayList<>(in);
        for (int k = 0; k < n; k++) {
            List<Piece> sources = new ArrayList<>();
            for (Piece p : out) {
                if (p.editable() && !p.stop() && !synonyms.synonyms(p.key()).isEmpty()) {
                    sources.add(p);
                }
            }
            if (sources.isEmpty()) {
                break;
            }
            Piece source = sources.get(rng.nextInt(sources.size()));
            List<String> options = synonyms.synonyms(source.key());
            String word = options.get(rng.nextInt(options.size()));
            List<Integer> positions = insertionPoints(out);
            out.add(positions.get(rng.nextInt(positions.size())), Piece.inserted(word));
        }
        return out;
    }

    /** Positions 0..size where a new piece does not split an entity. */
    static List<Integer> insertionPoints(List<Piece> pieces) {
        List<Integer> out = new ArrayList<>(pieces.size() + 1);
        for (int i = 0; i <= pieces.size(); i++) {
            boolean inside = i > 0 && i < pieces.size() && pieces.get(i - 1).locked() && pieces.get(i).locked()
                    && pieces.get(i - 1).entity() == pieces.get(i).entity();
            if (!inside) {
                out.add(i);
            }
        }
        return out;
    }
}
