package dev.nlpipe.core.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a document's layers may lie, checked on documents read from JSON and on documents a Java
 * program gives a pipeline: a span past the text is refused as its JSON would be, instead of
 * failing deep inside a stage. (Stages take lone surrogates in the text; only reading JSON refuses
 * them, as {@link LoneSurrogates} says.)
 */
public final class DocumentChecks {
    /** Why offsets counted in code points (Python) miss by one per emoji or rare character before the span. */
    private static final String UTF16_OFFSETS =
            "offsets count UTF-16 code units (Python's len counts code points: see docs/pipelines.md)";

    private DocumentChecks() {
    }

    /**
     * Checks that every token, entity and sentence of a document lies inside its text without cutting
     * a surrogate pair in two, and that an entity's text is what its offsets cover (one given by
     * offsets alone gets that text).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void checkOffsets(Document d) {
        int n = d.text().length();
        if (d.tokens() != null) {
            for (Token t : d.tokens()) {
                if (t.end() > n) {
                    throw new IllegalArgumentException("token '" + t.text() + "' ends at " + t.end() + ", past the text's length " + n);
                }
                checkWholeCharacters(d.text(), "token '" + t.text() + "'", t.start(), t.end());
            }
        }
        if (d.entities() != null) {
            List<Entity> checked = new ArrayList<>(d.entities().size());
            for (Entity e : d.entities()) {
                if (e.end() > n) {
                    throw new IllegalArgumentException("entity '" + e.text() + "' ends at " + e.end() + ", past the text's length " + n);
                }
                checkWholeCharacters(d.text(), "entity " + e.type() + (e.text().isEmpty() ? "" : " '" + e.text() + "'"), e.start(), e.end());
                String covered = d.text().substring(e.start(), e.end());
                if (e.text().isEmpty()) {
                    // a span given by offsets alone: its text is what they cover, as the cluener reader takes it
                    checked.add(new Entity(e.type(), e.start(), e.end(), covered, e.score()));
                } else if (!e.text().equals(covered)) {
                    throw new IllegalArgumentException("entity '" + e.text() + "' at " + e.start() + ".." + e.end() + " covers '" + covered
                            + "' of the text; " + UTF16_OFFSETS);
                } else {
                    checked.add(e);
                }
            }
            d.setEntities(checked);
        }
        if (d.sentences() != null) {
            for (Span s : d.sentences()) {
                if (s.end() > n) {
                    throw new IllegalArgumentException("sentence " + s.start() + ".." + s.end() + " ends past the text's length " + n);
                }
                checkWholeCharacters(d.text(), "sentence", s.start(), s.end());
            }
        }
    }

    /**
     * Refuses a span that starts or ends between the two halves of a surrogate pair (an emoji, a rare CJK character): the
     * usual sign of offsets counted in code points, which would otherwise surface as a lone surrogate in the text the
     * span covers, a field the user never wrote.
     */
    private static void checkWholeCharacters(String text, String span, int start, int end) {
        for (int i : new int[] {start, end}) {
            if (LoneSurrogates.splitsPair(text, i)) {
                throw new IllegalArgumentException(span + " at " + start + ".." + end + " cuts the character '" + text.substring(i - 1, i + 1)
                        + "' (at " + (i - 1) + ".." + (i + 1) + ") in two; " + UTF16_OFFSETS);
            }
        }
    }
}
