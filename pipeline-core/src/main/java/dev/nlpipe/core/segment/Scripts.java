package dev.nlpipe.core.segment;

/** Counts of writing systems in a text, for choosing a segmenter when a document's language is not given. */
public final class Scripts {
    private Scripts() {
    }

    /** Whether a code point is a Han ideograph (including the ideographic zero 〇). */
    public static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /**
     * Whether the text reads as Japanese rather than Chinese: at least a tenth of its Han and kana
     * characters are hiragana or katakana. Japanese prose runs to a third or more; Chinese text
     * borrows a の now and then.
     */
    public static boolean looksJapanese(CharSequence text) {
        long han = 0;
        long kana = 0;
        for (int i = 0, n = text.length(); i < n; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                kana++;
            } else if (script == Character.UnicodeScript.HAN) {
                han++;
            }
        }
        return kana > 0 && kana * 10 >= han + kana;
    }

    /**
     * The share of Han ideographs among the text's units, where a unit is a Han character or a
     * word of another script (a run of letters counts once, since a Han character carries about as
     * much as a short word); 0 when the text has neither. Digits, punctuation, symbols and emoji
     * do not count, so "2001年" is all Han, "NBA球星" two thirds and "I love 北京" one half.
     */
    public static double hanShare(CharSequence text) {
        long han = 0;
        long words = 0;
        boolean inWord = false;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (isHan(cp)) {
                han++;
                inWord = false;
            } else if (Character.isLetter(cp)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return han + words == 0 ? 0 : (double) han / (han + words);
    }
}
