package dev.nlpipe.core.doc;

import java.util.Objects;

/**
 * A typed mention in the original text, such as a person name.
 *
 * @param type entity type, e.g. {@code PER}
 * @param start first character, inclusive (UTF-16 code units)
 * @param end last character, exclusive
 * @param text the covered text, {@code document.text().substring(start, end)}
 * @param score confidence in [0, 1], or {@code NaN} when the producer gives none
 */
public record Entity(String type, int start, int end, String text, double score) {
    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad entity offsets [" + start + ", " + end + ")");
        }
    }

    /** An entity without a score, its text taken from the document text. */
    public static Entity of(String documentText, String type, int start, int end) {
        return new Entity(type, start, end, documentText.substring(start, end), Double.NaN);
    }

    /** Whether a score is present. */
    public boolean hasScore() {
        return !Double.isNaN(score);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entity e && type.equals(e.type) && start == e.start && end == e.end
                && text.equals(e.text) && Double.compare(score, e.score) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, start, end, text, Double.hashCode(score));
    }
}
