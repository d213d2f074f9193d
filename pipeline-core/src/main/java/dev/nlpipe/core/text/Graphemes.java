package dev.nlpipe.core.text;

/**
 * Invisible characters: a left-to-right mark, a soft hyphen or a lone joiner is no word of its
 * own, whatever a segmenter made of it, and no part of a word a list holds.
 */
public final class Graphemes {
    private Graphemes() {
    }

    /**
     * Whether {@code s} from {@code from} to {@code to} shows nothing: it is made only of format
     * characters (U+200E, U+200B, U+00AD, U+2060, a lone joiner) and variation selectors.
     */
    public static boolean isInvisible(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; ) {
            int cp = s.codePointAt(i);
            if (Character.getType(cp) != Character.FORMAT && !(cp >= 0xFE00 && cp <= 0xFE0F) && !(cp >= 0xE0100 && cp <= 0xE01EF)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * {@code word} without its format and control characters (a byte-order mark, a zero-width space,
     * a left-to-right mark, a soft hyphen), which show nothing and keep a word from matching its
     * text, except the joiner inside an emoji sequence (👩\u200D💻), which is part of the emoji.
     */
    public static String withoutInvisible(String word) {
        boolean emoji = word.codePoints().anyMatch(Character::isExtendedPictographic);
        StringBuilder out = new StringBuilder(word.length());
        word.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type != Character.FORMAT && type != Character.CONTROL || emoji && cp == 0x200D) {
                out.appendCodePoint(cp);
            }
        });
        return out.length() == word.length() ? word : out.toString();
    }
}
