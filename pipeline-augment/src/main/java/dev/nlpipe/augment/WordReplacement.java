package dev.nlpipe.augment;

import dev.nlpipe.augment.synonym.CasePattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Replacement of whole words, shared by synonym (EDA's SR) and embedding-neighbour replacement: up
 * to {@code n} distinct non-stop words, taken in random order among those that have candidates,
 * are each replaced by one random candidate — every occurrence of the word, as EDA's reference code
 * does — in the case pattern of the word they replace.
 */
public final class WordReplacement {
    private WordReplacement() {
    }

    /**
     * The pieces with up to {@code n} words replaced, or {@code null} when no word has a candidate.
     *
     * @param candidates the replacements of a word (its key), empty when it has none
     */
    public static List<Piece> replace(List<Piece> in, int n, Function<String, List<String>> candidates, SplittableRandom rng) {
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
            List<String> options = candidates.apply(key);
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
        return replaced == 0 ? null : out;
    }
}
