package dev.nlpipe.ner.bilstm;

/** A word's shape for the case feature of English taggers: capitalization and digits. */
final class WordShape {
    /** The number of shape ids, padding included. */
    static final int COUNT = 8;

    private WordShape() {
    }

    /** 1 lower, 2 UPPER, 3 Capitalized, 4 numeric, 5 mostly digits, 6 has a digit, 7 other. */
    static int of(String word) {
        int letters = 0;
        int upper = 0;
        int digits = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (Character.isDigit(cp)) {
                digits++;
            } else if (Character.isLetter(cp)) {
                letters++;
                if (Character.isUpperCase(cp)) {
                    upper++;
                }
            }
            i += Character.charCount(cp);
        }
        int n = word.codePointCount(0, word.length());
        if (digits == n) {
            return 4;
        }
        if (digits * 2 > n) {
            return 5;
        }
        if (digits > 0) {
            return 6;
        }
        if (letters > 0 && upper == 0) {
            return 1;
        }
        if (letters > 0 && upper == letters) {
            return 2;
        }
        if (letters > 0 && Character.isUpperCase(word.codePointAt(0)) && upper == 1) {
            return 3;
        }
        return 7;
    }
}
