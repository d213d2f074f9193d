package dev.nlpipe.core.segment;

/**
 * Cuts long texts into chunks at natural boundaries, so that a segmenter whose memory grows with
 * the length of its input (HanLP builds a word lattice per call) handles a 1 MB single-line
 * document in bounded memory. Texts up to the chunk size are never cut, so ordinary sentences and
 * paragraphs are segmented exactly as the library segments them.
 */
public final class TextChunker {
    private TextChunker() {
    }

    /**
     * Where the chunk starting at {@code from} should end: {@code text.length()} when the rest fits
     * in {@code max} characters, else after the last sentence end (or line break) in the second half
     * of the window, else after the last space or punctuation mark there, else at {@code max}
     * characters without splitting a surrogate pair.
     */
    public static int end(CharSequence text, int from, int max) {
        int n = text.length();
        if (n - from <= max) {
            return n;
        }
        int limit = from + max;
        int floor = from + max / 2;
        for (int i = limit; i > floor; i--) {
            if (endsSentence(text.charAt(i - 1))) {
                return i;
            }
        }
        for (int i = limit; i > floor; i--) {
            if (isBreak(text.charAt(i - 1))) {
                return i;
            }
        }
        if (Character.isLowSurrogate(text.charAt(limit)) && Character.isHighSurrogate(text.charAt(limit - 1))) {
            return limit - 1;
        }
        return limit;
    }

    /** Whether a character ends a sentence (。！？；… and their ASCII forms) or a line. */
    public static boolean endsSentence(char c) {
        return switch (c) {
            case '。', '！', '？', '；', '!', '?', ';', '\n', '\r', '…' -> true;
            default -> false;
        };
    }

    private static boolean isBreak(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION;
    }
}
