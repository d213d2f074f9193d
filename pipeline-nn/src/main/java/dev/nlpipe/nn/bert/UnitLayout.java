package dev.nlpipe.nn.bert;

import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the encoder reads a sentence's units: its windows of word pieces and, for every unit that
 * has a piece, the window and column of its first piece. The units that have a piece, in order,
 * are the <em>positions</em> the output layer scores and the CRF tags; a unit without a piece (a
 * character the tokenizer drops) has no position: it is never an entity's first or last unit, but
 * lies inside an entity whose neighbours on both sides are tagged into it.
 *
 * @param windows the encoder's rows: the template's special tokens around a run of the sentence's pieces
 * @param units per position, the index of its unit in the sentence
 * @param rows per position, the window its first piece is read from
 * @param columns per position, the column of its first piece in that window ([CLS] is column 0)
 * @param unitCount the sentence's units
 * @param pieces the sentence's word pieces
 * @param cut pieces left out: those of a unit beyond what one window holds
 */
public record UnitLayout(int[][] windows, int[] units, int[] rows, int[] columns, int unitCount, int pieces, int cut) {

    /** The number of positions (units with a piece). */
    public int length() {
        return units.length;
    }

    /** The word pieces the encoder reads for this sentence, special tokens included (for batching by length). */
    public int width() {
        int n = 0;
        for (int[] w : windows) {
            n += w.length;
        }
        return n;
    }

    /** Spans of positions as spans of units: from the first position's unit to the last one's. */
    public List<TagScheme.TokenSpan> toUnits(List<TagScheme.TokenSpan> positionSpans) {
        return positionSpans.stream().map(this::toUnits).toList();
    }

    /** A span of positions as a span of units: from the first position's unit to the last one's. */
    public TagScheme.TokenSpan toUnits(TagScheme.TokenSpan s) {
        return new TagScheme.TokenSpan(s.type(), units[s.start()], units[s.end() - 1] + 1);
    }

    /**
     * Spans of units as spans of the positions they hold; a span holding no position (its units
     * have no piece) is left out.
     */
    public List<TagScheme.TokenSpan> toPositions(List<TagScheme.TokenSpan> unitSpans) {
        List<TagScheme.TokenSpan> out = new ArrayList<>(unitSpans.size());
        for (TagScheme.TokenSpan s : unitSpans) {
            int from = firstPositionFrom(s.start());
            int to = firstPositionFrom(s.end());
            if (from < to) {
                out.add(new TagScheme.TokenSpan(s.type(), from, to));
            }
        }
        return out;
    }

    /** The first position whose unit is at or after {@code unit}. */
    private int firstPositionFrom(int unit) {
        int lo = 0;
        int hi = units.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (units[mid] < unit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
