package dev.nlpipe.core.segment;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a text that is not Chinese reads as English, for the {@code lang} field of documents the
 * {@code segment} stage tokenizes without a given language. English running text is about 40 %
 * function words (the, of, and, to, ...), other Latin-script languages share few of them, so a
 * text of at least {@value #MIN_WORDS} Latin words of which at least a fifth are English function
 * words is taken as English. Shorter texts, and texts that are not mostly Latin letters, get no
 * guess: a wrong {@code lang} is worse than none.
 */
public final class EnglishGuess {
    /** The fewest words that give a guess. */
    static final int MIN_WORDS = 4;
    private static final double FUNCTION_SHARE = 0.2;
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "and", "to", "a", "in", "is", "that", "it", "for", "was",
            "on", "with", "as", "are", "be", "this", "by", "at", "i", "you", "he", "she", "we", "they", "not", "or", "from", "have",
            "has", "had", "but", "his", "her", "their", "an", "were", "been", "which", "will", "would", "there", "what", "all", "can",
            "my", "your", "our", "its", "do", "does", "did", "so", "if", "no", "about", "who", "when", "than", "then", "into");

    private EnglishGuess() {
    }

    /** Whether the text reads as English running text. */
    public static boolean isEnglish(CharSequence text) {
        int words = 0;
        int function = 0;
        int latinLetters = 0;
        int otherLetters = 0;
        StringBuilder word = new StringBuilder();
        int n = text.length();
        for (int i = 0; i <= n; ) {
            int cp = i < n ? Character.codePointAt(text, i) : ' ';
            i += i < n ? Character.charCount(cp) : 1;
            boolean latin = Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
            if (latin || cp == '\'' && !word.isEmpty()) {
                if (latin) {
                    latinLetters++;
                }
                word.appendCodePoint(cp);
                continue;
            }
            if (Character.isLetter(cp)) {
                otherLetters++;
            }
            if (!word.isEmpty()) {
                words++;
                if (FUNCTION_WORDS.contains(word.toString().toLowerCase(Locale.ROOT))) {
                    function++;
                }
                word.setLength(0);
            }
        }
        return words >= MIN_WORDS && latinLetters > 4 * otherLetters && function >= FUNCTION_SHARE * words;
    }
}
