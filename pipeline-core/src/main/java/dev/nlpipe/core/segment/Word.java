package dev.nlpipe.core.segment;

/**
 * A word a segmenter found: a range of the text it was given (UTF-16 indices, end exclusive) and
 * the segmenter's part-of-speech tag.
 *
 * @param start first character, inclusive
 * @param end last character, exclusive
 * @param pos the part-of-speech tag (HanLP's nature such as {@code nr}), or {@code null}
 */
public record Word(int start, int end, String pos) {
    public Word {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad word range [" + start + ", " + end + ")");
        }
    }

    /** The word's characters in {@code text}. */
    public String in(String text) {
        return text.substring(start, end);
    }

    /** Number of UTF-16 code units covered. */
    public int length() {
        return end - start;
    }
}
