package dev.nlpipe.augment.mentions;

import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.Sentence;
import dev.nlpipe.augment.Variant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mention replacement (MR, Dai and Adel 2020): each entity of a variant is, with a probability,
 * swapped for another mention of the same type from a {@link MentionPool}. The new mention becomes
 * a locked group of its own, so its tags are recomputed from its span like any other entity.
 */
public final class MentionReplacer {
    /** The operation name recorded in a variant's origin. */
    public static final String OP = "MR";
    private final MentionPool pool;
    private final double probability;

    public MentionReplacer(MentionPool pool, double probability) {
        this.pool = pool;
        this.probability = probability;
    }

    /** The variant with some entities replaced (the same variant when none was). */
    public Variant apply(Sentence s, Variant v, SplittableRandom rng) {
        return replace(s, v, rng, false);
    }

    /** The variant with at least one entity replaced, or {@code null} when no entity can be. */
    public Variant applyAtLeastOne(Sentence s, Variant v, SplittableRandom rng) {
        return replace(s, v, rng, true);
    }

    private Variant replace(Sentence s, Variant v, SplittableRandom rng, boolean atLeastOne) {
        List<Integer> groups = replaceable(s, v);
        if (groups.isEmpty()) {
            return atLeastOne ? null : v;
        }
        // sets by group id, not lists: a whole file read as one document has thousands of entities
        BitSet chosen = new BitSet(s.groups().size());
        for (int g : groups) {
            if (rng.nextDouble() < probability) {
                chosen.set(g);
            }
        }
        if (chosen.isEmpty() && atLeastOne) {
            chosen.set(groups.get(rng.nextInt(groups.size())));
        }
        if (chosen.isEmpty()) {
            return v;
        }
        List<Piece> out = new ArrayList<>(v.pieces().size());
        int nextId = s.groups().size();
        int i = 0;
        List<Piece> in = v.pieces();
        while (i < in.size()) {
            Piece p = in.get(i);
            if (p.locked() && p.type() == null && chosen.get(p.entity())) {
                Sentence.Group g = s.groups().get(p.entity());
                MentionPool.Mention m = pool.pick(g.entity().type(), g.entity().text(), rng);
                int id = nextId++;
                for (int k = 0; k < m.pieces().size(); k++) {
                    String piece = m.pieces().get(k);
                    out.add(new Piece(piece, piece, -1, id, m.type(), null, false, k == 0 ? null : m.gaps().get(k)));
                }
                while (i < in.size() && in.get(i).entity() == p.entity() && in.get(i).type() == null) {
                    i++;
                }
            } else {
                out.add(p);
                i++;
            }
        }
        List<String> ops = new ArrayList<>(v.ops());
        ops.add(OP);
        return new Variant(out, ops);
    }

    /** Original groups still in the variant for which the pool has another mention of the type. */
    private List<Integer> replaceable(Sentence s, Variant v) {
        List<Integer> out = new ArrayList<>();
        BitSet seen = new BitSet(s.groups().size());
        for (Piece p : v.pieces()) {
            if (p.locked() && p.type() == null && !seen.get(p.entity())) {
                seen.set(p.entity());
                Sentence.Group g = s.groups().get(p.entity());
                int n = pool.count(g.entity().type());
                if (n > 1 || (n == 1 && pool.pick(g.entity().type(), g.entity().text(), new SplittableRandom(0)) != null)) {
                    out.add(p.entity());
                }
            }
        }
        return out;
    }
}
