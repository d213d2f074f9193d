package dev.nlpipe.ner.data;

import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * Gold entities (character offsets) as spans of a sequence's units. An entity whose ends fall inside
 * a unit is shrunk to the units it covers and counted as misaligned; one that covers no unit, or
 * overlaps an earlier one (nested entities cannot be tagged), is dropped and counted.
 */
public final class GoldSpans {
    private int aligned;
    private int misaligned;
    private int dropped;

    /** Entities used as they are. */
    public int aligned() {
        return aligned;
    }

    /** Entities shrunk to unit boundaries. */
    public int misaligned() {
        return misaligned;
    }

    /** Entities dropped (overlapping an earlier one, or covering no unit). */
    public int dropped() {
        return dropped;
    }

    /** The unit spans of the entities that lie within the sequence. */
    public List<TagScheme.TokenSpan> spans(UnitSequence seq, List<Entity> entities) {
        List<TagScheme.TokenSpan> out = new ArrayList<>();
        int lastEnd = 0;
        List<Entity> sorted = new ArrayList<>(entities);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        for (Entity e : sorted) {
            if (e.end() <= seq.start() || e.start() >= seq.end()) {
                continue;
            }
            int first = firstUnitFrom(seq, e.start());
            int last = lastUnitTo(seq, e.end());
            if (first < 0 || last < first || first < lastEnd) {
                dropped++;
                continue;
            }
            if (seq.starts()[first] != e.start() || seq.ends()[last] != e.end()) {
                misaligned++;
            } else {
                aligned++;
            }
            out.add(new TagScheme.TokenSpan(e.type(), first, last + 1));
            lastEnd = last + 1;
        }
        return out;
    }

    private static int firstUnitFrom(UnitSequence seq, int offset) {
        int[] starts = seq.starts();
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] >= offset) {
                return i;
            }
        }
        return -1;
    }

    private static int lastUnitTo(UnitSequence seq, int offset) {
        int[] ends = seq.ends();
        for (int i = ends.length - 1; i >= 0; i--) {
            if (ends[i] <= offset) {
                return i;
            }
        }
        return -1;
    }
}
