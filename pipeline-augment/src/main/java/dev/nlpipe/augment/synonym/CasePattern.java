package dev.nlpipe.augment.synonym;

import java.util.Locale;

/** Gives a replacement word the capitalization of the word it replaces (dictionaries are lower case). */
public final class CasePattern {
    private CasePattern() {
    }

    /** {@code word} written like {@code like}: all capitals, capitalized, or as it is. */
    public static String like(String like, String word) {
        if (word.isEmpty() || like.isEmpty() || !hasCasedLetter(like)) {
            return word;
        }
        if (like.length() > 1 && like.equals(like.toUpperCase(Locale.ROOT)) && !like.equals(like.toLowerCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        int first = like.codePointAt(0);
        if (Character.isUpperCase(first)) {
            int w = word.codePointAt(0);
            return new StringBuilder().appendCodePoint(Character.toUpperCase(w)).append(word, Character.charCount(w), word.length())
                    .toString();
        }
        return word;
    }

    private static boolean hasCasedLetter(String s) {
        return s.codePoints().anyMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c));
    }
}
