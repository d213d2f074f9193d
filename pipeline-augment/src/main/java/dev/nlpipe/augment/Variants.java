package dev.nlpipe.augment;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns variants into documents that carry their origin: a new id, the original's language,
 * metadata and labels, and {@code meta.augment = {origin, stage, ops}} naming the original document
 * and the operations applied (accumulated when a variant is augmented again).
 */
public final class Variants {
    /** The metadata key of the origin record. */
    public static final String META_KEY = "augment";

    private Variants() {
    }

    /** Whether a document is a variant made by an augment stage. */
    public static boolean isVariant(Document doc) {
        return doc.meta().get(META_KEY) instanceof Map<?, ?>;
    }

    /** The id of the original a document descends from (its own id for an original). */
    public static String origin(Document doc) {
        if (doc.meta().get(META_KEY) instanceof Map<?, ?> m && m.get("origin") != null) {
            return String.valueOf(m.get("origin"));
        }
        return doc.id();
    }

    /**
     * The texts (stripped) of a batch's documents by the id of their origin. A stage's output goes on
     * to the next stage whole, so a batch holds each original with the variants earlier stages made
     * of it: a stage's new variant is a duplicate when its text is among its origin's here.
     */
    public static Map<String, Set<String>> textsByOrigin(List<Document> docs) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Document d : docs) {
            out.computeIfAbsent(origin(d), k -> new HashSet<>()).add(d.text().strip());
        }
        return out;
    }

    /**
     * A variant document with another text and no layers but labels, marked with its origin.
     *
     * @param source the document it was made from (an original or an earlier variant)
     * @param id the variant's id
     * @param stage the stage id that made it
     * @param ops the operations this stage applied
     */
    public static Document derive(Document source, String id, String text, String stage, List<String> ops) {
        Document d = source.derive(id, text);
        List<Object> allOps = new ArrayList<>();
        if (source.meta().get(META_KEY) instanceof Map<?, ?> prior && prior.get("ops") instanceof List<?> before) {
            allOps.addAll(before);
        }
        allOps.addAll(ops);
        Map<String, Object> mark = new LinkedHashMap<>();
        mark.put("origin", origin(source));
        mark.put("stage", stage);
        mark.put("ops", allOps);
        d.meta().put(META_KEY, mark);
        if (source.labels() != null) {
            d.setLabels(new LinkedHashMap<>(source.labels()));
        }
        return d;
    }

    /**
     * Lays a variant's pieces out as a document: text (original spacing between pieces that stayed
     * neighbours), tokens, and entities recomputed from the locked groups.
     *
     * @param charTokens one token per character (for character-per-line corpora such as BMES)
     */
    public static Document build(Sentence s, Variant v, String id, String stage, boolean charTokens) {
        StringBuilder text = new StringBuilder(s.prefix());
        List<Token> tokens = new ArrayList<>(v.pieces().size());
        List<int[]> runs = new ArrayList<>();
        List<Piece> runPieces = new ArrayList<>();
        Piece prev = null;
        for (Piece p : v.pieces()) {
            if (prev != null) {
                text.append(gap(s, prev, p));
            }
            // an entity's untokenized edges travel with it (the slot is -1 for inserted pieces, which have none)
            text.append(s.lead(p.slot()));
            int start = text.length();
            text.append(p.surface());
            addTokens(p, start, charTokens, s.tokenStop(p), tokens);
            text.append(s.tail(p.slot()));
            if (p.locked()) {
                if (prev != null && prev.locked() && prev.entity() == p.entity()) {
                    runs.get(runs.size() - 1)[2] = text.length();
                } else {
                    runs.add(new int[] {p.entity(), start, text.length()});
                    runPieces.add(p);
                }
            }
            prev = p;
        }
        text.append(s.suffix());
        String t = text.toString();
        Document d = derive(s.document(), id, t, stage, v.ops());
        d.setTokens(tokens);
        if (s.document().entities() != null) {
            d.setEntities(entities(s, t, runs, runPieces));
        }
        return d;
    }

    private static String gap(Sentence s, Piece prev, Piece p) {
        if (p.gapBefore() != null && prev.entity() == p.entity()) {
            return p.gapBefore();
        }
        if (prev.slot() >= 0 && p.slot() == prev.slot() + 1) {
            return s.gapAfter(prev.slot());
        }
        // punctuation keeps the spacing it had: "good ." in a corpus tokenized with spaces, "good." in running text
        if (p.slot() > 0 && Gaps.closes(p.surface())) {
            return s.gapAfter(p.slot() - 1);
        }
        if (prev.slot() >= 0 && prev.slot() + 1 < s.pieces().size() && Gaps.opens(prev.surface())) {
            return s.gapAfter(prev.slot());
        }
        return Gaps.between(prev.surface(), p.surface());
    }

    private static void addTokens(Piece p, int start, boolean charTokens, boolean stop, List<Token> out) {
        String s = p.surface();
        boolean single = !charTokens && s.codePoints().noneMatch(Character::isWhitespace);
        if (single) {
            out.add(new Token(p.key(), start, start + s.length(), p.pos(), stop));
            return;
        }
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int from = i;
            if (charTokens) {
                i += Character.charCount(cp);
            } else {
                while (i < s.length() && !Character.isWhitespace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
            }
            out.add(new Token(s.substring(from, i), start + from, start + i, null, stop));
        }
    }

    private static List<Entity> entities(Sentence s, String text, List<int[]> runs, List<Piece> runPieces) {
        List<Entity> out = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            int[] run = runs.get(r);
            int g = run[0];
            Piece first = runPieces.get(r);
            if (first.type() == null) {
                Sentence.Group group = s.groups().get(g);
                int shift = run[1] - s.start(first.slot());
                out.add(shifted(group.entity(), shift, text));
                for (Entity n : group.nested()) {
                    out.add(shifted(n, shift, text));
                }
            } else {
                out.add(Entity.of(text, first.type(), run[1], run[2]));
            }
        }
        return out;
    }

    private static Entity shifted(Entity e, int shift, String text) {
        int start = e.start() + shift;
        int end = e.end() + shift;
        return new Entity(e.type(), start, end, text.substring(start, end), e.score());
    }
}
