package dev.nlpipe.augment.eda;

import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.Shuffle;
import dev.nlpipe.augment.synonym.CasePattern;
import dev.nlpipe.augment.synonym.SynonymSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        Set<String> keys = new LinkedHashSet<>();
        for (Piece p : in) {
            if (p.editable() && !p.stop()) {
                keys.add(p.key());
            }
        }
        List<String> order = new ArrayList<>(keys);
        Shuffle.shuffle(order, rng);
        List<Piece> out = new ArrayList<>(in);
        int replaced = 0;
        for (String key : order) {
            List<String> options = synonyms.synonyms(key);
            if (options.isEmpty()) {
                continue;
            }
            String pick = options.get(rng.nextInt(options.size()));
            for (int i = 0; i < out.size(); i++) {
                Piece p = out.get(i);
                if (p.editable() && !p.stop() && p.key().equals(key)) {
                    out.set(i, p.replacedBy(CasePattern.like(p.surface(), pick)));
                }
            }
            if (++replaced >= n) {
                break;
            }
        }
        return out;
    }
}
