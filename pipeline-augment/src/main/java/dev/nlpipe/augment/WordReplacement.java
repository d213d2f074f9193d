package dev.nlpipe.augment;

import dev.nlpipe.augment.synonym.CasePattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        // the positions of each word, so that replacing one touches its occurrences only (a scan of the
        // whole text per replaced word made a long text quadratic); insertion order is the keys' text order
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            Piece p = in.get(i);
            if (p.editable() && !p.stop()) {
                positions.computeIfAbsent(p.key(), k -> new ArrayList<>(1)).add(i);
            }
        }
        List<String> order = new ArrayList<>(positions.keySet());
        Shuffle.shuffle(order, rng);
        List<Piece> out = new ArrayList<>(in);
        int replaced = 0;
        for (String key : order) {
            List<String> options = candidates.apply(key);
            if (options.isEmpty()) {
                continue;
            }
            String pick = options.get(rng.nextInt(options.size()));
            for (int i : positions.get(key)) {
                Piece p = out.get(i).replacedBy(CasePattern.like(out.get(i).surface(), pick));
                out.set(i, p);
                // as in the reference code, a word replaced into the text is replaced again if its key comes later
                List<Integer> later = p.key().equals(key) || !p.editable() ? null : positions.get(p.key());
                if (later != null) {
                    later.add(i);
                }
            }
            if (++replaced >= n) {
                break;
            }
        }
        return replaced == 0 ? null : out;
    }
}
