package dev.nlpipe.ner.data;

import dev.nlpipe.core.segment.TextChunker;
import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sequences longer than a limit cut into windows that a tagger reads one by one, and the spans
 * found in the windows put back together as spans of the sequences. A window ends after the last
 * sentence-final punctuation mark in its second half ({@link TextChunker#endsSentence}) that is not
 * inside brackets or quotes (the ！ of 《加油！向未来》 ends no sentence), and the next starts there.
 * Where there is none (a list, a table, text without punctuation) the window ends at the limit and
 * the next one starts {@link #overlap} units earlier: each window keeps the spans that start on its
 * side of the middle of that overlap, so an entity across the cut, up to half the overlap long, is
 * found whole, with context on both sides, and found once; a longer one that the window's end cut
 * short is taken whole from the next window when that one saw it from its start. For taggers
 * whose cost grows with the square of the length (FLAT's attention over a lattice of characters
 * and words), a text with no sentences layer stays in bounded memory this way, and in the range of
 * distances training showed.
 */
public final class SequenceWindows {
    /**
     * The longest sequence the BiLSTM-CRF, the Lattice LSTM and BERT taggers read in one piece: far
     * longer than any training sentence, short enough that a book read as one document without
     * {@code sentence.split} neither fills memory with its CRF tables nor runs the network over
     * millions of steps it never saw in training.
     */
    public static final int RECURRENT_LIMIT = 1_000;

    /** The most units two windows cut at the limit share. */
    static final int MAX_OVERLAP = 64;

    private final List<UnitSequence> windows = new ArrayList<>();
    private final List<Integer> owner = new ArrayList<>();
    private final List<Integer> offset = new ArrayList<>();
    /** Per window, the units of its sequence whose spans and tags it gives: {@code [ownFrom, ownTo)}. */
    private final List<Integer> ownFrom = new ArrayList<>();
    private final List<Integer> ownTo = new ArrayList<>();
    private final int sequences;
    /** How many sequences were read in more than one window. */
    private int cutSequences;

    private SequenceWindows(int sequences) {
        this.sequences = sequences;
    }

    /**
     * The scored spans of each of {@code seqs}, read in windows of at most {@code limit} units: each
     * window encoded by {@code encode}, all of them decoded by {@code decode} (the spans of each, in
     * order), and the spans put back together per sequence.
     */
    public static <E> List<List<ScoredSpan>> decode(List<UnitSequence> seqs, int limit, Function<UnitSequence, E> encode,
                                                    Function<List<E>, List<List<ScoredSpan>>> decode) {
        SequenceWindows windows = of(seqs, limit);
        return windows.merge(decode.apply(windows.windows().stream().map(encode).toList()));
    }

    /**
     * The windows of {@code seqs}, in order.
     *
     * @param limit the most units in a window; 0 or less leaves every sequence whole
     */
    public static SequenceWindows of(List<UnitSequence> seqs, int limit) {
        SequenceWindows w = new SequenceWindows(seqs.size());
        for (int i = 0; i < seqs.size(); i++) {
            UnitSequence s = seqs.get(i);
            if (limit <= 0 || s.length() <= limit) {
                w.add(s, i, 0, 0, s.length());
                continue;
            }
            w.cutSequences++; // longer than the limit: cut() ends its first window before its end
            int overlap = overlap(limit);
            for (int from = 0, owned = 0; from < s.length(); ) {
                Cut cut = cut(s, from, limit);
                int to = cut.to();
                boolean atSentenceEnd = to == s.length() || cut.sentenceEnd();
                int ownedTo = atSentenceEnd ? to : to - overlap / 2;
                w.add(s.slice(from, to), i, from, owned, ownedTo);
                owned = ownedTo;
                from = atSentenceEnd ? to : to - overlap;
            }
        }
        return w;
    }

    /** How many units two windows cut at the limit share: a quarter of the limit, at most {@link #MAX_OVERLAP}. */
    static int overlap(int limit) {
        return Math.min(MAX_OVERLAP, limit / 4);
    }

    private static boolean endsSentence(UnitSequence s, int i) {
        String unit = s.texts()[i];
        return unit.length() == 1 && TextChunker.endsSentence(unit.charAt(0));
    }

    /** Where a window ends, and whether that is after a sentence end (no overlap with the next) or at the limit. */
    private record Cut(int to, boolean sentenceEnd) {
    }

    /**
     * Where the window starting at {@code from} ends: after a sentence end in its second half outside
     * brackets and quotes, else at the limit (even when a mark inside brackets falls right before it).
     */
    private static Cut cut(UnitSequence s, int from, int limit) {
        int end = from + limit;
        if (end >= s.length()) {
            return new Cut(s.length(), true);
        }
        // how deep in brackets or quotes each unit is, counted from the window's start
        int[] depth = new int[limit];
        int d = 0;
        for (int i = from; i < end; i++) {
            String unit = s.texts()[i];
            char c = unit.length() == 1 ? unit.charAt(0) : 0;
            if (OPENING.indexOf(c) >= 0) {
                d++;
            } else if (CLOSING.indexOf(c) >= 0) {
                d = Math.max(0, d - 1); // a closing mark without its opening (an apostrophe’s) is no bracket
            }
            depth[i - from] = d;
        }
        for (int i = end - 1; i >= from + limit / 2; i--) {
            if (endsSentence(s, i) && depth[i - from] == 0) {
                return new Cut(i + 1, true);
            }
        }
        return new Cut(end, false);
    }

    /** Marks that open a title, a quotation or an aside, and those that close them, which a sentence end inside does not end. */
    private static final String OPENING = "《〈「『“‘（([{【〔";
    private static final String CLOSING = "》〉」』”’）)]}】〕";

    private void add(UnitSequence window, int sequence, int first, int ownedFrom, int ownedTo) {
        windows.add(window);
        owner.add(sequence);
        offset.add(first);
        ownFrom.add(ownedFrom);
        ownTo.add(ownedTo);
    }

    /** How many of the sequences are read in more than one window. */
    public int cutSequences() {
        return cutSequences;
    }

    /** The windows to tag, each a sequence of its own with its offsets in its document. */
    public List<UnitSequence> windows() {
        return windows;
    }

    /**
     * The spans of each sequence, in order, from the spans found in each {@linkplain #windows window}:
     * a window gives those that start in its own part; one that starts inside a span already given
     * (the previous window's, running into the overlap) is left out.
     */
    public List<List<ScoredSpan>> merge(List<List<ScoredSpan>> perWindow) {
        List<List<ScoredSpan>> out = new ArrayList<>(sequences);
        int[] given = new int[sequences];
        for (int i = 0; i < sequences; i++) {
            out.add(new ArrayList<>());
        }
        for (int w = 0; w < windows.size(); w++) {
            int shift = offset.get(w);
            int seq = owner.get(w);
            int previousEnd = given[seq];
            for (ScoredSpan found : perWindow.get(w)) {
                ScoredSpan placed = shifted(found, shift);
                int start = placed.span().start();
                if (start < ownFrom.get(w) || start >= ownTo.get(w) || start < previousEnd) {
                    continue;
                }
                placed = wholeFromNext(placed, w, perWindow);
                out.get(seq).add(placed);
                given[seq] = Math.max(given[seq], placed.span().end());
            }
        }
        return out;
    }

    private static ScoredSpan shifted(ScoredSpan found, int shift) {
        TagScheme.TokenSpan span = found.span();
        return shift == 0 ? found : new ScoredSpan(new TagScheme.TokenSpan(span.type(), span.start() + shift, span.end() + shift),
                found.score());
    }

    /**
     * A span that runs to the end of a window cut at the limit was cut short there: the next window,
     * which overlaps this one, gives it whole when it saw it from its start (the same start and type).
     */
    private ScoredSpan wholeFromNext(ScoredSpan placed, int w, List<List<ScoredSpan>> perWindow) {
        int windowEnd = offset.get(w) + windows.get(w).length();
        int next = w + 1;
        if (placed.span().end() != windowEnd || next >= windows.size() || !owner.get(next).equals(owner.get(w))
                || offset.get(next) >= windowEnd || placed.span().start() < offset.get(next)) {
            return placed;
        }
        for (ScoredSpan other : perWindow.get(next)) {
            ScoredSpan there = shifted(other, offset.get(next));
            if (there.span().start() == placed.span().start() && there.span().type().equals(placed.span().type())
                    && there.span().end() > placed.span().end()) {
                return there;
            }
        }
        return placed;
    }

    /**
     * {@link #merge} for unscored spans (the dev scoring of a training, which must put windows
     * together as tagging does: joining their tag paths in the middle of an overlap could give
     * another span, or an invalid run of tags, where the windows disagree).
     */
    public List<List<TagScheme.TokenSpan>> mergeSpans(List<List<TagScheme.TokenSpan>> perWindow) {
        return merge(perWindow.stream().map(spans -> spans.stream().map(span -> new ScoredSpan(span, Double.NaN)).toList()).toList())
                .stream().map(spans -> spans.stream().map(ScoredSpan::span).toList()).toList();
    }
}
