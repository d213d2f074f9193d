package dev.nlpipe.augment;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A document prepared for token-level augmentation: its tokens as {@link Piece}s, cut at entity
 * boundaries and locked inside entities, with the original text between pieces kept so that
 * untouched neighbours keep their spacing in every variant.
 *
 * <p>Entities are grouped: the outermost entities (by start, longest first) each form one locked
 * group; entities nested inside a group move with it and keep their relative offsets. Text of an
 * entity that no token covers at its edges (the brackets of {@code 《地球》} when the tokenizer
 * drops punctuation) moves with the group too ({@link #lead}, {@link #tail}), so the entity keeps
 * its text wherever its neighbours go.
 */
public final class Sentence {
    private final Document doc;
    private final List<Piece> pieces;
    private final int[] starts;
    private final int[] ends;
    private final String[] leads;
    private final String[] tails;
    private final boolean[] marked;
    private final List<Group> groups;

    /**
     * An outermost entity and the entities nested in it.
     *
     * @param entity the outermost entity
     * @param nested entities lying inside it (without it)
     */
    public record Group(Entity entity, List<Entity> nested) {
    }

    private Sentence(Document doc, List<Piece> pieces, int[] starts, int[] ends, boolean[] marked, List<Group> groups) {
        this.doc = doc;
        this.marked = marked;
        this.pieces = List.copyOf(pieces);
        this.starts = starts;
        this.ends = ends;
        this.groups = List.copyOf(groups);
        this.leads = new String[pieces.size()];
        this.tails = new String[pieces.size()];
        String text = doc.text();
        for (int slot = 0; slot < pieces.size(); slot++) {
            int g = pieces.get(slot).entity();
            if (g < 0) {
                continue;
            }
            Entity e = groups.get(g).entity();
            if (slot == 0 || pieces.get(slot - 1).entity() != g) {
                leads[slot] = text.substring(Math.min(e.start(), starts[slot]), starts[slot]);
            }
            if (slot == pieces.size() - 1 || pieces.get(slot + 1).entity() != g) {
                tails[slot] = text.substring(ends[slot], Math.max(e.end(), ends[slot]));
            }
        }
    }

    /**
     * Builds the pieces of a tokenized document.
     *
     * @param stopWords words (compared in lower case) that count as stop words besides tokens marked so
     */
    public static Sentence of(Document doc, String stage, Set<String> stopWords) {
        List<Token> tokens = new ArrayList<>(doc.requireTokens(stage));
        tokens.sort(Comparator.comparingInt(Token::start).thenComparingInt(Token::end));
        List<Group> groups = groups(doc.entities());
        String text = doc.text();
        List<Piece> pieces = new ArrayList<>(tokens.size());
        List<int[]> spans = new ArrayList<>(tokens.size());
        List<Boolean> marks = new ArrayList<>(tokens.size());
        int lastEnd = 0;
        for (Token t : tokens) {
            if (t.start() < lastEnd || t.end() > text.length() || t.end() == t.start()) {
                continue; // overlapping or empty tokens cannot be laid out again
            }
            lastEnd = t.end();
            int from = t.start();
            for (int cut : cuts(groups, t.start(), t.end())) {
                add(doc, t, from, cut, groups, stopWords, pieces, spans);
                marks.add(t.stop());
                from = cut;
            }
            add(doc, t, from, t.end(), groups, stopWords, pieces, spans);
            marks.add(t.stop());
        }
        int[] starts = new int[spans.size()];
        int[] ends = new int[spans.size()];
        boolean[] marked = new boolean[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            starts[i] = spans.get(i)[0];
            ends[i] = spans.get(i)[1];
            marked[i] = marks.get(i);
        }
        return new Sentence(doc, pieces, starts, ends, marked, groups);
    }

    private static void add(Document doc, Token t, int from, int to, List<Group> groups, Set<String> stopWords,
                            List<Piece> pieces, List<int[]> spans) {
        String surface = doc.text().substring(from, to);
        boolean whole = from == t.start() && to == t.end();
        String key = whole ? t.text() : surface;
        int group = groupAt(groups, from);
        boolean stop = t.stop() || stopWords.contains(key) || stopWords.contains(key.toLowerCase(java.util.Locale.ROOT));
        pieces.add(new Piece(surface, key, pieces.size(), group, null, whole ? t.pos() : null, stop, null));
        spans.add(new int[] {from, to});
    }

    /** Entity boundaries strictly inside a token, ascending, without repeats. */
    private static List<Integer> cuts(List<Group> groups, int start, int end) {
        List<Integer> out = new ArrayList<>(0);
        // groups do not overlap and are sorted, so their ends ascend too: only those from the first ending after the
        // token's start can cut it (a whole file read as one document has thousands of entities)
        for (int g = firstEndingAfter(groups, start); g < groups.size() && groups.get(g).entity().start() < end; g++) {
            addCut(out, groups.get(g).entity().start(), start, end);
            addCut(out, groups.get(g).entity().end(), start, end);
        }
        return out;
    }

    /** The first group whose entity ends after {@code offset} ({@code groups.size()} when none does). */
    private static int firstEndingAfter(List<Group> groups, int offset) {
        int lo = 0;
        int hi = groups.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (groups.get(mid).entity().end() > offset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static void addCut(List<Integer> out, int at, int start, int end) {
        if (at > start && at < end && (out.isEmpty() || out.get(out.size() - 1) < at)) {
            out.add(at);
        }
    }

    private static int groupAt(List<Group> groups, int offset) {
        int g = firstEndingAfter(groups, offset);
        return g < groups.size() && groups.get(g).entity().start() <= offset ? g : -1;
    }

    private static List<Group> groups(List<Entity> entities) {
        List<Group> out = new ArrayList<>();
        if (entities == null || entities.isEmpty()) {
            return out;
        }
        List<Entity> sorted = new ArrayList<>(entities);
        sorted.sort(Comparator.comparingInt(Entity::start).thenComparing(Comparator.comparingInt(Entity::end).reversed()));
        Entity outer = null;
        List<Entity> nested = new ArrayList<>();
        for (Entity e : sorted) {
            if (e.end() == e.start()) {
                continue;
            }
            if (outer != null && e.start() < outer.end()) {
                if (e.end() <= outer.end()) {
                    nested.add(e);
                } // a crossing entity cannot be kept whole beside its neighbour: it is left out of variants
                continue;
            }
            if (outer != null) {
                out.add(new Group(outer, List.copyOf(nested)));
            }
            outer = e;
            nested = new ArrayList<>();
        }
        if (outer != null) { // null when every entity is empty
            out.add(new Group(outer, List.copyOf(nested)));
        }
        return out;
    }

    public Document document() {
        return doc;
    }

    /** The pieces in text order (immutable; operations copy them into a new list). */
    public List<Piece> pieces() {
        return pieces;
    }

    /** The entity groups, in text order. */
    public List<Group> groups() {
        return groups;
    }

    /** The original text between slot {@code i} and slot {@code i + 1}, less the entity text that moves with either. */
    public String gapAfter(int slot) {
        return doc.text().substring(ends[slot] + tail(slot).length(), starts[slot + 1] - lead(slot + 1).length());
    }

    /** The text before the first piece (leading spaces), kept in every variant. */
    public String prefix() {
        return starts.length == 0 ? doc.text() : doc.text().substring(0, starts[0] - lead(0).length());
    }

    /** The text after the last piece, kept in every variant. */
    public String suffix() {
        int last = ends.length - 1;
        return ends.length == 0 ? "" : doc.text().substring(ends[last] + tail(last).length());
    }

    /** Entity text before slot {@code slot}, the first piece of its group, that no token covers; "" for other slots. */
    public String lead(int slot) {
        return slot < 0 || leads[slot] == null ? "" : leads[slot];
    }

    /** Entity text after slot {@code slot}, the last piece of its group, that no token covers; "" for other slots. */
    public String tail(int slot) {
        return slot < 0 || tails[slot] == null ? "" : tails[slot];
    }

    /**
     * The stop flag a variant's token made from this piece carries: the original token's own flag
     * while the piece is that token unchanged, else {@code false}. The stage's stop-word list only
     * keeps words from being edited ({@link Piece#stop}); written onto the tokens it would make a
     * later vectorizer that skips stop tokens drop those words from the variants alone.
     */
    public boolean tokenStop(Piece p) {
        // a replacement or inserted word has stop false, so only an original piece passes the first test
        return p.stop() && p.slot() >= 0 && marked[p.slot()];
    }

    /** The original start offset of a slot. */
    public int start(int slot) {
        return starts[slot];
    }

    /** Number of word pieces (pieces with a letter or digit): the sentence length {@code l} of EDA. */
    public int wordCount() {
        int n = 0;
        for (Piece p : pieces) {
            if (p.isWord()) {
                n++;
            }
        }
        return n;
    }
}
