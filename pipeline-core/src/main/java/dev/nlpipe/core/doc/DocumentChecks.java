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
    private DocumentChecks() {
    }

    /**
     * Checks that every token, entity and sentence of a document lies inside its text and that an
     * entity's text is what its offsets cover (one given by offsets alone gets that text).
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
            }
        }
        if (d.entities() != null) {
            List<Entity> checked = new ArrayList<>(d.entities().size());
            for (Entity e : d.entities()) {
                if (e.end() > n) {
                    throw new IllegalArgumentException("entity '" + e.text() + "' ends at " + e.end() + ", past the text's length " + n);
                }
                String covered = d.text().substring(e.start(), e.end());
                if (e.text().isEmpty()) {
                    // a span given by offsets alone: its text is what they cover, as the cluener reader takes it
                    checked.add(new Entity(e.type(), e.start(), e.end(), covered, e.score()));
                } else if (!e.text().equals(covered)) {
                    // offsets counted in code points (Python) are off by one per emoji or rare character before the span
                    throw new IllegalArgumentException("entity '" + e.text() + "' at " + e.start() + ".." + e.end() + " covers '" + covered
                            + "' of the text; offsets count UTF-16 code units (Python's len counts code points: see docs/pipelines.md)");
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
            }
        }
    }
}
