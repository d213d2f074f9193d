package dev.nlpipe.core.doc;

/**
 * A character range of the original text, such as a sentence: {@code start} inclusive,
 * {@code end} exclusive, in UTF-16 code units.
 */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** Number of characters covered. */
    public int length() {
        return end - start;
    }
}
