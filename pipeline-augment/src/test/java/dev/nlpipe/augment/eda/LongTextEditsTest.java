package dev.nlpipe.augment.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.Shuffle;
import dev.nlpipe.augment.synonym.CasePattern;
import dev.nlpipe.augment.synonym.SynonymSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random insertion and synonym replacement no longer scan the whole sentence per edit (quadratic on
 * a long text); they must still make exactly the reference code's edits. Compared here with direct
 * transcriptions of the reference loops, on random sentences with entities, stop words, repeated
 * words and synonyms that are themselves words of the text.
 */
class LongTextEditsTest {
    private static final List<String> WORDS = List.of("quick", "fast", "Quick", "film", "movie", "good", "great", "the", "a", ",", "x");
    private static final Map<String, List<String>> GROUPS = Map.of("quick", List.of("fast", "rapid"), "fast", List.of("quick", "rapid"),
            "film", List.of("movie"), "movie", List.of("film", "picture"), "good", List.of("great"), "great", List.of("good", "fine"),
            "rapid", List.of("quick", "fast"), "picture", List.of("movie"));
    private static final SynonymSource SYNONYMS = w -> GROUPS.getOrDefault(w, List.of());

    private static List<Piece> sentence(SplittableRandom r) {
        List<Piece> out = new ArrayList<>();
        int n = r.nextInt(40);
        int entity = 0;
        for (int i = 0; i < n; i++) {
            if (r.nextInt(8) == 0) {
                int len = 1 + r.nextInt(3);
                for (int j = 0; j < len; j++) {
                    out.add(new Piece("E" + j, "E" + j, out.size(), entity, null, null, false, null));
                }
                entity++;
                continue;
            }
            String w = WORDS.get(r.nextInt(WORDS.size()));
            out.add(new Piece(w, w.toLowerCase(), out.size(), -1, null, null, w.equals("the") || w.equals("a"), null));
        }
        return out;
    }

    @Test
    void insertionAndReplacementMakeTheReferenceEditsOnRandomSentences() {
        SplittableRandom gen = new SplittableRandom(3);
        for (int t = 0; t < 2_000; t++) {
            List<Piece> s = sentence(gen);
            int n = 1 + gen.nextInt(8);
            long seed = gen.nextLong();
            assertEquals(referenceInsertion(s, n, new SplittableRandom(seed)), RandomInsertion.apply(s, n, SYNONYMS, new SplittableRandom(seed)),
                    "insertion, case " + t);
            assertEquals(referenceReplacement(s, n, new SplittableRandom(seed)), SynonymReplacement.apply(s, n, SYNONYMS, new SplittableRandom(seed)),
                    "replacement, case " + t);
        }
    }

    /** The reference's loop: each insertion scans for sources and for the points outside entities. */
    private static List<Piece> referenceInsertion(List<Piece> in, int n, SplittableRandom rng) {
        List<Piece> out = new ArrayList<>(in);
        for (int k = 0; k < n; k++) {
            List<Piece> sources = out.stream().filter(p -> p.editable() && !p.stop() && !SYNONYMS.synonyms(p.key()).isEmpty()).toList();
            if (sources.isEmpty()) {
                break;
            }
            Piece from = sources.get(rng.nextInt(sources.size()));
            List<String> options = SYNONYMS.synonyms(from.key());
            Piece word = Piece.inserted(options.get(rng.nextInt(options.size())));
            List<Integer> points = new ArrayList<>();
            for (int i = 0; i <= out.size(); i++) {
                if (!(i > 0 && i < out.size() && out.get(i - 1).locked() && out.get(i).locked() && out.get(i - 1).entity() == out.get(i).entity())) {
                    points.add(i);
                }
            }
            out.add(points.get(rng.nextInt(points.size())), word);
        }
        return out;
    }

    /** The reference's loop: each replaced word rewrites every piece of the current text with its key. */
    private static List<Piece> referenceReplacement(List<Piece> in, int n, SplittableRandom rng) {
        Set<String> keys = new LinkedHashSet<>();
        in.stream().filter(p -> p.editable() && !p.stop()).forEach(p -> keys.add(p.key()));
        List<String> order = new ArrayList<>(keys);
        Shuffle.shuffle(order, rng);
        List<Piece> out = new ArrayList<>(in);
        int replaced = 0;
        for (String key : order) {
            List<String> options = SYNONYMS.synonyms(key);
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
        return replaced == 0 ? in : out;
    }
}
