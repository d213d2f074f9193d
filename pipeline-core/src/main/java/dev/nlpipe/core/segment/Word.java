package dev.nlpipe.core.segment;

/**
 * A word a segmenter found: a range of the text it was given (UTF-16 indices, end exclusive), the
 * segmenter's part-of-speech tag, and the word's characters when the segmenter already made them
 * into a string (so that turning words into tokens need not copy them again).
 *
 * @param start first character, inclusive
 * @param end last character, exclusive
 * @param pos the part-of-speech tag (HanLP's nature such as {@code nr}), or {@code null}
 * @param chars the characters of the range, or {@code null} when not at hand
 */
public record Word(int start, int end, String pos, String chars) {
    public Word {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad word range [" + start + ", " + end + ")");
        }
    }

    /** A word whose characters are not at hand. */
    public Word(int start, int end, String pos) {
        this(start, end, pos, null);
    }

    /** The word's characters in {@code text}. */
    public String in(String text) {
        return chars != null ? chars : text.substring(start, end);
    }

    /** Number of UTF-16 code units covered. */
    public int length() {
        return end - start;
    }
}
