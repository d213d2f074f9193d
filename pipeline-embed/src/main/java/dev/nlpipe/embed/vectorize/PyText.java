package dev.nlpipe.embed.vectorize;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Python's string semantics where they differ from Java's, so that features, vocabularies and
 * their order come out exactly as scikit-learn makes them.
 */
public final class PyText {
    /**
     * Python's order of {@code str} values: by code point. Java's {@code String.compareTo} compares
     * UTF-16 units, which puts supplementary characters (surrogate pairs) before U+E000..U+FFFF.
     */
    public static final Comparator<String> CODE_POINT_ORDER = PyText::compare;

    private PyText() {
    }

    /** Compares two strings by code point, as Python compares {@code str}. */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // A surrogate unit sorts below U+E000..U+FFFF in UTF-16 but its code point is above
                // them; shifting the two ranges past each other restores code point order.
                return fixup(x) - fixup(y);
            }
        }
        return a.length() - b.length();
    }

    /**
     * Sorts strings into code point order, in parallel. When no string holds a surrogate, UTF-16
     * order is code point order and the JDK's intrinsic {@code compareTo} is used.
     */
    public static void sort(String[] a) {
        boolean surrogates = false;
        for (String s : a) {
            for (int i = 0; i < s.length() && !surrogates; i++) {
                surrogates = Character.isSurrogate(s.charAt(i));
            }
            if (surrogates) {
                break;
            }
        }
        if (surrogates) {
            Arrays.parallelSort(a, CODE_POINT_ORDER);
        } else {
            Arrays.parallelSort(a);
        }
    }

    private static int fixup(char c) {
        if (c >= 0xD800) {
            return c >= 0xE000 ? c - 0x800 : c + 0x2000;
        }
        return c;
    }

    /**
     * Python's {@code \w} for {@code str} patterns: {@code str.isalnum()} or the underscore —
     * letters (L*), and characters with a numeric value (Nd, Nl, No). Unlike Java's Unicode
     * {@code \w} it excludes combining marks and connector punctuation other than {@code _}.
     */
    public static boolean isWord(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        int type = Character.getType(cp);
        return switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                 Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * Python's {@code str.isspace()} (and regex {@code \s}): the separators Zs, Zl, Zp and the
     * control characters \t \n \v \f \r, U+001C..U+001F and U+0085. Unlike Java's
     * {@code Character.isWhitespace} it includes the no-break spaces.
     */
    public static boolean isSpace(int cp) {
        if (cp < 128) {
            return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 0x1C && cp <= 0x1F);
        }
        if (cp == 0x85) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
