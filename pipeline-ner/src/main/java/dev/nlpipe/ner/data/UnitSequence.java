package dev.nlpipe.ner.data;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.NormalizedText;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.core.text.Graphemes;
import dev.nlpipe.core.text.RegexTokenizer;
import dev.nlpipe.core.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The units a tagger labels as one sequence: the characters (or tokens) of one sentence of a
 * document, or of the whole document when it has no sentences layer, with their offsets in the
 * document text. Whitespace is never a unit. Characters are read from the document's analysis
 * text, so a normalizer before the tagger (full-width to half-width, traditional to simplified)
 * changes what the model sees while entities keep the original offsets and spelling; tokens keep
 * their original spelling, since a tokenizer's {@code text} may be lower-cased or stemmed and the
 * token taggers read capitalization themselves. In character mode each unit may also carry its
 * position in the word of the document's tokens layer (for segmentation features).
 *
 * @param doc the document
 * @param texts each unit's surface text (a code point of the analysis text, or a token's original text)
 * @param starts each unit's first character (UTF-16 offset, inclusive)
 * @param ends each unit's end (exclusive)
 * @param wordPositions per unit {@link #NO_WORD}, {@link #B}, {@link #M}, {@link #E} or {@link #S}; {@code null} when not asked for
 */
public record UnitSequence(Document doc, String[] texts, int[] starts, int[] ends, byte[] wordPositions) {
    /** A character outside every token. */
    public static final byte NO_WORD = 1;
    /** First character of a word. */
    public static final byte B = 2;
    /** Inner character of a word. */
    public static final byte M = 3;
    /** Last character of a word. */
    public static final byte E = 4;
    /** A one-character word. */
    public static final byte S = 5;

    /** The number of units. */
    public int length() {
        return texts.length;
    }

    /** Units {@code from} (inclusive) to {@code to} (exclusive), with their offsets in the same document. */
    public UnitSequence slice(int from, int to) {
        return new UnitSequence(doc, Arrays.copyOfRange(texts, from, to), Arrays.copyOfRange(starts, from, to),
                Arrays.copyOfRange(ends, from, to), wordPositions == null ? null : Arrays.copyOfRange(wordPositions, from, to));
    }

    /**
     * The sequences of a document: one per sentence when it has sentences, else one per line of the
     * text (a line break ends a sequence, as {@code sentence.split} ends a sentence there by default:
     * no training sentence holds one, and a name on one line and a word on the next are not one
     * entity). Empty sequences (a blank sentence or line) are left out; tokens listed out of order
     * (JSON lines from another tool) are read in text order.
     *
     * @param doc the document
     * @param tokenUnits tag tokens (the document must have tokens) instead of characters
     * @param wordPositions fill {@link #wordPositions} from the tokens layer (character mode)
     * @param stage the stage asking, for the missing-layer message
     */
    public static List<UnitSequence> of(Document doc, boolean tokenUnits, boolean wordPositions, String stage) {
        List<Span> ranges = doc.sentences() != null && !doc.sentences().isEmpty() ? covering(doc.sentences(), doc.text().length())
                : lines(doc.text());
        List<Token> tokens = tokenUnits || wordPositions ? inTextOrder(doc.requireTokens(stage)) : null;
        // nested tokens (an expansion over its parts) leave the ends out of order: each range then reads every token
        boolean sorted = tokens == null || endsInOrder(tokens);
        CharUnits characters = tokenUnits ? null : CharUnits.of(doc);
        List<UnitSequence> out = new ArrayList<>(ranges.size());
        for (Span r : ranges) {
            // a long document has many sentences: each reads only the tokens that reach into it, found by binary search,
            // rather than the whole list (sentences x tokens steps for a book read as one document)
            List<Token> near = tokens;
            if (tokens != null && sorted) {
                int from = first(tokens.size(), i -> tokens.get(i).end() > r.start());
                near = tokens.subList(from, Math.max(from, first(tokens.size(), i -> tokens.get(i).start() >= r.end())));
            }
            UnitSequence s = tokenUnits ? tokens(doc, near, r) : chars(doc, characters, r, wordPositions ? near : null);
            if (s.length() > 0) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The sentences in text order, each character in one of them: overlaps cut off (a span given
     * twice would tag its entities twice), and the text no sentence covers added as spans of its own
     * (a sentences layer from JSON lines may cover part of the text; the rest is still tagged).
     */
    static List<Span> covering(List<Span> sentences, int length) {
        List<Span> sorted = new ArrayList<>(sentences);
        // at one start the longest first, so a span nested in it adds nothing
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Span::end, Comparator.reverseOrder()));
        List<Span> out = new ArrayList<>(sorted.size() + 1);
        int at = 0;
        for (Span s : sorted) {
            int start = Math.max(s.start(), at);
            if (start > at) {
                out.add(new Span(at, start));
                at = start; // an empty sentence here leaves the gap covered once, not again by the next span or the tail
            }
            if (s.end() > start) {
                out.add(new Span(start, s.end()));
                at = s.end();
            }
        }
        if (at < length) {
            out.add(new Span(at, length));
        }
        return out;
    }

    /** The tokens by start, then end: as given when they are so already, else a sorted copy. */
    private static List<Token> inTextOrder(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).start() < tokens.get(i - 1).start() || tokens.get(i).end() < tokens.get(i - 1).end()) {
                List<Token> sorted = new ArrayList<>(tokens);
                sorted.sort(Comparator.comparingInt(Token::start).thenComparingInt(Token::end));
                return sorted;
            }
        }
        return tokens;
    }

    private static boolean endsInOrder(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).end() < tokens.get(i - 1).end()) {
                return false;
            }
        }
        return true;
    }

    /** The text's lines: spans between line breaks (those {@code sentence.split} ends a sentence at), breaks left out. */
    static List<Span> lines(String text) {
        List<Span> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SentenceSplitter.isLineBreak(c)) {
                if (i > from) {
                    out.add(new Span(from, i));
                }
                from = i + 1;
            }
        }
        if (from < text.length() || out.isEmpty()) {
            out.add(new Span(from, text.length()));
        }
        return out;
    }

    /**
     * The first index below {@code size} for which {@code reached} holds, by binary search;
     * {@code reached} must hold for every index after that one too ({@code size} when it holds for none).
     */
    private static int first(int size, IntPredicate reached) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (reached.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static UnitSequence tokens(Document doc, List<Token> tokens, Span range) {
        List<String> texts = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        for (Token t : tokens) {
            // a token belongs to the sentence it starts in, whole: sentences and tokens from different tools may not agree
            // on an edge, and a token crossing one would otherwise be in no sequence at all
            if (t.start() >= range.start() && t.start() < range.end() && t.end() > t.start()) {
                String surface = doc.text().substring(t.start(), t.end());
                if (!surface.isBlank()) {
                    texts.add(surface);
                    offsets.add(new int[] {t.start(), t.end()});
                }
            }
        }
        return build(doc, texts, offsets, null);
    }

    /** Variation selectors (U+FE00–FE0F, and U+E0100–E01EF for CJK ideographic variants). */
    static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /**
     * A word as the character units of a text read it, for a lexicon to match them: without
     * variation selectors (a unit's text leaves them out) and without the invisible format and
     * control characters no unit holds (a byte-order mark, zero-width space, soft hyphen), except
     * the joiner inside an emoji sequence, which stays in its unit.
     */
    public static String unitText(String word) {
        String visible = Graphemes.withoutInvisible(word);
        if (visible.codePoints().noneMatch(UnitSequence::isVariationSelector)) {
            return visible;
        }
        StringBuilder out = new StringBuilder(visible.length());
        visible.codePoints().filter(cp -> !isVariationSelector(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Every character of the document's analysis text (the normalized view when a normalizer ran
     * before the tagger, so that {@code normalize.chinese} or {@code normalize.text} changes what the
     * model reads) that is not a space, with the offsets of its source in the original text.
     */
    private record CharUnits(String[] texts, int[] starts, int[] ends, boolean sorted) {
        static CharUnits of(Document doc) {
            String text = doc.analysisText();
            NormalizedText view = doc.normalized();
            int originalLength = doc.text().length();
            List<String> texts = new ArrayList<>();
            int[] starts = new int[text.length()];
            int[] ends = new int[text.length()];
            boolean sorted = true;
            int previousEnd = -1;
            boolean joinNext = false;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                // one emoji is one unit: a skin-tone modifier, a zero-width joiner and what it joins, the second letter of a
                // flag; an entity edge then never cuts one
                String last = texts.isEmpty() ? "" : texts.get(texts.size() - 1);
                // the unit's first code point: 🧑🏽 ends in its skin-tone modifier, which is no pictograph, and still joins 💻 in 🧑🏽\u200D💻
                boolean afterEmoji = !last.isEmpty() && Character.isExtendedPictographic(last.codePointAt(0));
                boolean sameEmoji = previousEnd == i && (cp == ZWJ && afterEmoji || joinNext && Character.isExtendedPictographic(cp)
                        || isRegionalIndicator(cp) && isLoneRegionalIndicator(last));
                joinNext = cp == ZWJ && sameEmoji;
                if ((attaches(cp) || sameEmoji) && previousEnd == i) {
                    // a combining mark or variation selector is part of the character before it (Jose\u0301 ends after the
                    // accent; a Devanagari vowel sign stays with its consonant), in the unit's text as in its span; a variation
                    // selector only in the span, as it picks a glyph, not another character: 京\uFE0F is read as 京 for its
                    // vector and the lexicon (北京\uFE0F大学 matches 北京 and 大学; an ideographic variant of 葛 in 葛城 too)
                    int u = texts.size() - 1;
                    if (!isVariationSelector(cp)) {
                        texts.set(u, texts.get(u) + text.substring(i, i + n));
                    }
                    ends[u] = view == null ? i + n : Math.max(starts[u], view.originalEnd(i + n, originalLength));
                    previousEnd = i + n;
                } else if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && Character.getType(cp) != Character.FORMAT
                        && Character.getType(cp) != Character.CONTROL) {
                    // format characters (zero-width space, soft hyphen, a byte-order mark in the middle) are invisible and
                    // would split 北京\u200B大学 into two words for the lexicon; a control character (NUL, ESC) is no
                    // character of a name, so no entity starts or ends on one
                    previousEnd = i + n;
                    int u = texts.size();
                    texts.add(text.substring(i, i + n));
                    starts[u] = view == null ? i : view.originalStart(i, originalLength);
                    ends[u] = view == null ? i + n : Math.max(starts[u], view.originalEnd(i + n, originalLength));
                    sorted &= u == 0 || starts[u] >= starts[u - 1];
                }
                i += n;
            }
            return new CharUnits(texts.toArray(new String[0]), Arrays.copyOf(starts, texts.size()), Arrays.copyOf(ends, texts.size()), sorted);
        }

        private static boolean attaches(int cp) {
            // combining marks, variation selectors, emoji skin-tone modifiers and tag characters (subdivision flags)
            return RegexTokenizer.isMark(cp) || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0x1F3FB && cp <= 0x1F3FF
                    || cp >= 0xE0020 && cp <= 0xE007F;
        }

        private static final int ZWJ = 0x200D;

        private static boolean isRegionalIndicator(int cp) {
            return cp >= 0x1F1E6 && cp <= 0x1F1FF;
        }

        /** Whether a unit is one regional indicator, waiting for the second letter of its flag. */
        private static boolean isLoneRegionalIndicator(String unit) {
            return unit.length() == 2 && isRegionalIndicator(unit.codePointAt(0));
        }

        /** The first unit starting at or after {@code offset}, when the units are sorted. */
        int firstFrom(int offset) {
            return first(starts.length, i -> starts[i] >= offset);
        }
    }

    private static UnitSequence chars(Document doc, CharUnits all, Span range, List<Token> words) {
        String text = doc.text();
        List<String> texts = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        // a normalizer that reorders characters (none shipped does) leaves the units unsorted: then each range looks at all
        int from = all.sorted() ? all.firstFrom(range.start()) : 0;
        int to = all.sorted() ? all.firstFrom(range.end()) : all.starts().length;
        for (int u = from; u < to; u++) {
            if (all.starts()[u] >= range.start() && all.starts()[u] < range.end()) {
                texts.add(all.texts()[u]);
                offsets.add(new int[] {all.starts()[u], all.ends()[u]});
            }
        }
        byte[] positions = null;
        if (words != null) {
            positions = new byte[texts.size()];
            int w = 0;
            for (int u = 0; u < positions.length; u++) {
                int start = offsets.get(u)[0];
                while (w < words.size() && words.get(w).end() <= start) {
                    w++;
                }
                if (w < words.size() && words.get(w).start() <= start) {
                    Token t = words.get(w);
                    boolean first = start == t.start() || onlySpaceBetween(text, t.start(), start);
                    boolean last = offsets.get(u)[1] >= t.end() || onlySpaceBetween(text, offsets.get(u)[1], t.end());
                    positions[u] = first && last ? S : first ? B : last ? E : M;
                } else {
                    positions[u] = NO_WORD;
                }
            }
        }
        return build(doc, texts, offsets, positions);
    }

    private static boolean onlySpaceBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static UnitSequence build(Document doc, List<String> texts, List<int[]> offsets, byte[] positions) {
        int[] starts = new int[texts.size()];
        int[] ends = new int[texts.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = offsets.get(i)[0];
            ends[i] = offsets.get(i)[1];
        }
        return new UnitSequence(doc, texts.toArray(new String[0]), starts, ends, positions);
    }

    /** The first character of this sequence in the document. */
    public int start() {
        return starts[0];
    }

    /** The end of this sequence in the document. */
    public int end() {
        return ends[ends.length - 1];
    }

    /** Spans of this sequence's units as entities with character offsets into the document's text. */
    public List<Entity> entities(List<TagScheme.TokenSpan> spans) {
        return scoredEntities(spans.stream().map(ScoredSpan::unscored).toList());
    }

    /** Scored spans of this sequence's units as entities carrying their scores. */
    public List<Entity> scoredEntities(List<ScoredSpan> spans) {
        List<Entity> out = new ArrayList<>(spans.size());
        for (ScoredSpan scored : spans) {
            TagScheme.TokenSpan span = scored.span();
            int start = starts[span.start()];
            int end = ends[span.end() - 1];
            Entity last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && start < last.end()) {
                // units of one original character (NFKC's ㈱ is "(株)"): entities touching it would overlap in the text, so
                // one of the same type grows the entity before it and one of another type is left out
                if (last.type().equals(span.type()) && end > last.end()) {
                    double score = Math.min(last.score(), scored.score()); // NaN, unscored, stays NaN
                    out.set(out.size() - 1, new Entity(last.type(), last.start(), end, doc.text().substring(last.start(), end), score));
                }
                continue;
            }
            out.add(new Entity(span.type(), start, end, doc.text().substring(start, end), scored.score()));
        }
        return out;
    }
}
