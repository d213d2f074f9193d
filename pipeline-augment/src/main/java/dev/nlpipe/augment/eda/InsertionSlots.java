package dev.nlpipe.augment.eda;

import dev.nlpipe.augment.Piece;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A sentence that random insertion grows: the original pieces with the words inserted into each
 * gap between them, numbering the points where a word may go (not inside an entity) and the pieces
 * that can give a synonym, both in text order, as the reference code's scans of the whole list do.
 * A gap inside an entity never receives a word, so a gap holding {@code m} inserted words offers
 * {@code m + 1} points, all free. Each pick and insertion costs {@code O(log n)} plus the words in
 * one gap, instead of a pass over the sentence.
 */
final class InsertionSlots {
    private final List<Piece> original;
    private final Predicate<Piece> isSource;
    private final List<List<Piece>> inserted;
    /** Per gap {@code g}: the points it offers. */
    private final PrefixCounts points;
    /** Slot {@code 2g}: sources among gap {@code g}'s inserted words; slot {@code 2g+1}: whether piece {@code g} is one. */
    private final PrefixCounts sources;

    InsertionSlots(List<Piece> original, Predicate<Piece> isSource) {
        this.original = original;
        this.isSource = isSource;
        int n = original.size();
        inserted = new ArrayList<>(n + 1);
        points = new PrefixCounts(n + 1);
        sources = new PrefixCounts(2 * n + 1);
        for (int g = 0; g <= n; g++) {
            inserted.add(null);
            boolean insideEntity = g > 0 && g < n && original.get(g - 1).locked() && original.get(g).locked()
                    && original.get(g - 1).entity() == original.get(g).entity();
            if (!insideEntity) {
                points.add(g, 1);
            }
            if (g < n && isSource.test(original.get(g))) {
                sources.add(2 * g + 1, 1);
            }
        }
    }

    /** How many pieces can give a synonym. */
    int sources() {
        return sources.total();
    }

    /** The {@code k}-th piece (from 0, in text order) that can give a synonym. */
    Piece source(int k) {
        int slot = sources.slotOf(k);
        if (slot % 2 == 1) {
            return original.get(slot / 2);
        }
        int rest = k - sources.before(slot);
        for (Piece p : inserted.get(slot / 2)) {
            if (isSource.test(p) && rest-- == 0) {
                return p;
            }
        }
        throw new IllegalStateException("gap " + slot / 2 + " holds fewer sources than counted");
    }

    /** How many points a word may be inserted at. */
    int points() {
        return points.total();
    }

    /** Inserts {@code word} at the {@code k}-th free point (from 0, in text order). */
    void insert(int k, Piece word) {
        int gap = points.slotOf(k);
        List<Piece> words = inserted.get(gap);
        if (words == null) {
            words = new ArrayList<>(2);
            inserted.set(gap, words);
        }
        words.add(k - points.before(gap), word);
        points.add(gap, 1);
        if (isSource.test(word)) {
            sources.add(2 * gap, 1);
        }
    }

    /** The sentence as it now stands. */
    List<Piece> pieces() {
        List<Piece> out = new ArrayList<>(original.size() + points.total());
        for (int g = 0; g <= original.size(); g++) {
            if (inserted.get(g) != null) {
                out.addAll(inserted.get(g));
            }
            if (g < original.size()) {
                out.add(original.get(g));
            }
        }
        return out;
    }
}
