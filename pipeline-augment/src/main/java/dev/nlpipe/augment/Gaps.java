package dev.nlpipe.augment;

/**
 * The text placed between two pieces that were not neighbours in the original: nothing next to a
 * Chinese or Japanese character or full-width punctuation, a space between anything else.
 */
public final class Gaps {
    private Gaps() {
    }

    static String between(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return "";
        }
        int a = left.codePointBefore(left.length());
        int b = right.codePointAt(0);
        return spaceless(a) || spaceless(b) ? "" : " ";
    }

    /** Characters of scripts written without spaces, and the punctuation that goes with them. */
    public static boolean spaceless(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
