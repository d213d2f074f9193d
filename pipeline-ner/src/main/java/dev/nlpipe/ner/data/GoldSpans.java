package dev.nlpipe.ner.data;

import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * Gold entities (character offsets) as spans of a sequence's units. An entity whose ends fall inside
 * a unit is shrunk to the units it covers and counted as misaligned; one that covers no unit,
 * overlaps an earlier one (nested entities cannot be tagged), or runs across a sentence boundary
 * (its parts would be two entities that are not in the data), is dropped and counted.
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

    /** Entities dropped (overlapping an earlier one, covering no unit, or running across sequences). */
    public int dropped() {
        return dropped;
    }

    /**
     * The unit spans of a document's entities in each of its sequences, which come in text order
     * (the sentences of a document). The entities are sorted once and walked with the sequences, so a
     * long document costs its entities and sentences once each, not their product.
     */
    public List<List<TagScheme.TokenSpan>> spans(List<UnitSequence> seqs, List<Entity> entities) {
        List<Entity> sorted = new ArrayList<>(entities);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<List<Candidate>> candidates = new ArrayList<>(seqs.size());
        int[] sequencesOf = new int[sorted.size()];
        int from = 0;
        for (UnitSequence seq : seqs) {
            // entities before from end before an earlier sequence's start, so before this one's
            while (from < sorted.size() && sorted.get(from).end() <= seq.start()) {
                from++;
            }
            List<Candidate> found = candidates(seq, sorted, from);
            found.forEach(c -> sequencesOf[c.entity()]++);
            candidates.add(found);
        }
        for (int count : sequencesOf) {
            dropped += count > 1 ? 1 : 0; // one entity, however many parts
        }
        List<List<TagScheme.TokenSpan>> out = new ArrayList<>(seqs.size());
        for (List<Candidate> found : candidates) {
            List<TagScheme.TokenSpan> spans = new ArrayList<>(found.size());
            for (Candidate c : found) {
                if (sequencesOf[c.entity()] > 1) {
                    continue;
                }
                if (c.exact()) {
                    aligned++;
                } else {
                    misaligned++;
                }
                spans.add(c.span());
            }
            out.add(spans);
        }
        return out;
    }

    /** An entity's span in one sequence: which entity, its units, whether its ends are the units'. */
    private record Candidate(int entity, TagScheme.TokenSpan span, boolean exact) {
    }

    /** The unit spans of the entities of {@code sorted} from index {@code from} on that reach into the sequence. */
    private List<Candidate> candidates(UnitSequence seq, List<Entity> sorted, int from) {
        List<Candidate> out = new ArrayList<>();
        int lastEnd = 0;
        for (int i = from; i < sorted.size() && sorted.get(i).start() < seq.end(); i++) {
            Entity e = sorted.get(i);
            if (e.end() <= seq.start()) {
                continue;
            }
            int first = firstUnitFrom(seq, e.start());
            int last = lastUnitTo(seq, e.end());
            if (first < 0 || last < first || first < lastEnd) {
                // a part of an entity that runs across sequences and covers no unit here is no part
                dropped += e.start() < seq.start() || e.end() > seq.end() ? 0 : 1;
                continue;
            }
            boolean exact = seq.starts()[first] == e.start() && seq.ends()[last] == e.end();
            out.add(new Candidate(i, new TagScheme.TokenSpan(e.type(), first, last + 1), exact));
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
