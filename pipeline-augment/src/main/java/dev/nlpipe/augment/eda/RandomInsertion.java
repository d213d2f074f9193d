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
        // whether each piece can give a synonym, looked up once per piece rather than once per piece per insertion
        // (inserted words can give one too, as in the reference code); kept beside out, in text order
        List<Boolean> source = new ArrayList<>(out.size() + n);
        int sources = 0;
        for (Piece p : out) {
            boolean s = canGive(p, synonyms);
            source.add(s);
            sources += s ? 1 : 0;
        }
        for (int k = 0; k < n && sources > 0; k++) {
            Piece from = out.get(nth(source, rng.nextInt(sources)));
            List<String> options = synonyms.synonyms(from.key());
            Piece word = Piece.inserted(options.get(rng.nextInt(options.size())));
            List<Integer> positions = insertionPoints(out);
            int at = positions.get(rng.nextInt(positions.size()));
            out.add(at, word);
            boolean s = canGive(word, synonyms);
            source.add(at, s);
            sources += s ? 1 : 0;
        }
        return out;
    }

    private static boolean canGive(Piece p, SynonymSource synonyms) {
        return p.editable() && !p.stop() && !synonyms.synonyms(p.key()).isEmpty();
    }

    /** The index of the {@code k}-th (from 0) true in {@code flags}. */
    private static int nth(List<Boolean> flags, int k) {
        for (int i = 0, seen = 0; i < flags.size(); i++) {
            if (flags.get(i) && seen++ == k) {
                return i;
            }
        }
        throw new IllegalStateException("fewer than " + (k + 1) + " sources");
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
