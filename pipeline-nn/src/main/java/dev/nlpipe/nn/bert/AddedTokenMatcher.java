package dev.nlpipe.nn.bert;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds added tokens in a text as Hugging Face's {@code AddedVocabulary} does: leftmost-longest matches, scanning on
 * after each match; a {@code singleWord} token next to a word character is skipped; {@code lstrip} and {@code rstrip}
 * widen a match over the whitespace beside it.
 */
final class AddedTokenMatcher {
    private final String[] patterns;
    private final AddedToken[] tokens;
    private final BitSet firstChars = new BitSet(0x10000);

    /**
     * @param tokens the tokens
     * @param patterns what to look for, one per token (the content, or its normalized form)
     */
    AddedTokenMatcher(List<AddedToken> tokens, List<String> patterns) {
        this.tokens = tokens.toArray(new AddedToken[0]);
        this.patterns = patterns.toArray(new String[0]);
        for (String p : this.patterns) {
            if (!p.isEmpty()) {
                firstChars.set(p.charAt(0));
            }
        }
    }

    boolean isEmpty() {
        return tokens.length == 0;
    }

    /** A match: the token and the span it covers in the searched text. */
    record Match(AddedToken token, int start, int end) {
    }

    /** The matches in {@code text[from, to)}, left to right, not overlapping. */
    List<Match> find(CharSequence text, int from, int to) {
        List<Match> out = null;
        int done = from;
        int i = from;
        while (i < to) {
            if (!firstChars.get(text.charAt(i))) {
                i++;
                continue;
            }
            int best = -1;
            int bestLen = 0;
            for (int p = 0; p < patterns.length; p++) {
                String pat = patterns[p];
                int len = pat.length();
                if (len > bestLen && len > 0 && i + len <= to && regionMatches(text, i, pat)) {
                    best = p;
                    bestLen = len;
                }
            }
            if (best < 0) {
                i++;
                continue;
            }
            int start = i;
            int stop = i + bestLen;
            i = stop;
            AddedToken t = tokens[best];
            if (t.singleWord() && ((start > from && isWordChar(Character.codePointBefore(text, start)))
                    || (stop < to && isWordChar(Character.codePointAt(text, stop))))) {
                continue;
            }
            if (t.lstrip()) {
                int s = start;
                while (s > from && isSpace(text.charAt(s - 1))) {
                    s--;
                }
                start = Math.max(s, done);
            }
            if (t.rstrip()) {
                while (stop < to && isSpace(text.charAt(stop))) {
                    stop++;
                }
            }
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(new Match(t, start, stop));
            done = stop;
        }
        return out == null ? List.of() : out;
    }

    private static boolean regionMatches(CharSequence text, int at, String pattern) {
        for (int k = 0; k < pattern.length(); k++) {
            if (text.charAt(at + k) != pattern.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return CharClasses.is(c, CharClasses.SPACE);
    }

    /** Rust regex's Unicode {@code \w}: alphabetic, marks, decimal digits, connector punctuation, joiners. */
    private static boolean isWordChar(int c) {
        if (Character.isAlphabetic(c) || c == 0x200C || c == 0x200D) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.CONNECTOR_PUNCTUATION;
    }
}
