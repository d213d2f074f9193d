package dev.nlpipe.augment;

/**
 * The text placed between two pieces that were not neighbours in the original: nothing next to a
 * Chinese or Japanese character or full-width punctuation, before punctuation that closes (a comma,
 * a full stop, a closing bracket, an apostrophe's {@code 's}) or after punctuation that opens, as
 * English is written; a space between anything else.
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
        return spaceless(a) || spaceless(b) || opens(a) || closes(right) ? "" : " ";
    }

    /** Whether a piece ends with punctuation that opens (a bracket, an opening quote). */
    static boolean opens(String piece) {
        return !piece.isEmpty() && opens(piece.codePointBefore(piece.length()));
    }

    /** Whether a piece starts with punctuation that closes (a comma, a full stop, a closing bracket, {@code 's}). */
    static boolean closes(String piece) {
        if (piece.isEmpty()) {
            return false;
        }
        if (piece.charAt(0) == '\'') {
            // an apostrophe closes as a clitic ('s, 're); alone it may open a quotation as well as close one
            return piece.length() > 1 && Character.isLetter(piece.codePointAt(1));
        }
        return closes(piece.codePointAt(0));
    }

    private static boolean opens(int cp) {
        int type = Character.getType(cp);
        return type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION;
    }

    private static boolean closes(int cp) {
        int type = Character.getType(cp);
        return type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || ",.;:!?%".indexOf(cp) >= 0;
    }

    /** Characters of scripts written without spaces, and the punctuation that goes with them. */
    public static boolean spaceless(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
