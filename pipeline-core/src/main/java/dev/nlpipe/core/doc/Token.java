package dev.nlpipe.core.doc;

import java.util.Objects;

/**
 * A token: its text and its position in the document's original text.
 *
 * <p>{@code start} is inclusive and {@code end} exclusive, in UTF-16 code units of
 * {@link Document#text()} (Java {@code String} indices). {@code text} is normally
 * {@code document.text().substring(start, end)}; stages that normalize (lowercasing, stemming,
 * traditional-to-simplified conversion) put the normalized form here and keep the offsets of the
 * original characters.
 *
 * @param text the token's text, possibly normalized
 * @param start first character, inclusive
 * @param end last character, exclusive
 * @param pos part-of-speech tag, or {@code null}
 * @param stop whether a stop-word stage marked this token as a stop word
 */
public record Token(String text, int start, int end, String pos, boolean stop) {
    public Token {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token offsets [" + start + ", " + end + ") for '" + text + "'");
        }
    }

    /** A token without part of speech. */
    public Token(String text, int start, int end) {
        this(text, start, end, null, false);
    }

    /** This token with another part-of-speech tag. */
    public Token withPos(String newPos) {
        return new Token(text, start, end, newPos, stop);
    }

    /** This token, marked (or unmarked) as a stop word. */
    public Token withStop(boolean newStop) {
        return new Token(text, start, end, pos, newStop);
    }

    /** This token with another text (a normalized form) at the same offsets. */
    public Token withText(String newText) {
        return new Token(newText, start, end, pos, stop);
    }
}
