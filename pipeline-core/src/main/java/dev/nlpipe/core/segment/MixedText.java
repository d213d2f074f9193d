package dev.nlpipe.core.segment;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.OverlappingTokens;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.segment.hanlp.HanlpAnnotator;
import dev.nlpipe.core.text.Graphemes;
import dev.nlpipe.core.text.RegexTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Token-list repairs for text that mixes Chinese with another language, so that a line is
 * tokenized the same way whichever tokenizer its language picked: Han runs segmented into words,
 * and punctuation either a token everywhere or nowhere. The methods work on offsets into the
 * text they are given (a document's analysis text); {@link #toOriginal} maps the result onto a
 * document whose analysis text is a normalized view.
 */
final class MixedText {
    private MixedText() {
    }

    /**
     * {@code tokens} (from a tokenizer that makes every Han character a token) with each run of
     * two or more adjacent Han characters replaced by HanLP's words for it (with the annotator's
     * conventions); the person, place and organization words found go to {@code named}, with
     * offsets into {@code text}.
     */
    static List<Token> hanRunsSegmented(String text, List<Token> tokens, HanlpAnnotator hanlp, boolean pos, List<Word> named) {
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && isHan(text, tokens.get(j)) && (j == i || tokens.get(j - 1).end() == tokens.get(j).start())) {
                j++;
            }
            if (j - i < 2) {
                out.add(tokens.get(i));
                i++;
                continue;
            }
            int runStart = tokens.get(i).start();
            String run = text.substring(runStart, tokens.get(j - 1).end());
            List<Word> found = new ArrayList<>();
            for (Word w : hanlp.words(run, found)) {
                int start = runStart + w.start();
                int end = runStart + w.end();
                out.add(new Token(w.in(run), start, end, pos ? w.pos() : null, false));
            }
            for (Word w : found) {
                named.add(new Word(runStart + w.start(), runStart + w.end(), w.pos()));
            }
            i = j;
        }
        return out;
    }

    /**
     * {@code tokens} plus a token for each visible grapheme the tokenizer skipped: punctuation and
     * symbols, and letters and digits its Unicode tables predate (Lucene's standard tokenizer drops
     * the ideographs U+9FF0–9FFF and 〆, the Arabic letters U+0870–08C9). Spaces and invisible
     * characters stay uncovered. A run of one mark repeated ({@code ...}, {@code --}, {@code !!!})
     * is one token, as HanLP and the PKU conventions have it on the Chinese path.
     */
    static List<Token> withSkipped(String text, List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size() + 8);
        int at = 0;
        for (Token t : tokens) {
            addSkipped(text, at, t.start(), out);
            out.add(t);
            at = Math.max(at, t.end());
        }
        addSkipped(text, at, text.length(), out);
        return out;
    }

    private static void addSkipped(String text, int from, int to, List<Token> out) {
        int added = out.size();
        for (int k = from; k < to; ) {
            int cp = text.codePointAt(k);
            if (RegexTokenizer.isSpace(cp)) {
                // alone: a combining mark after a space is a visible character of its own
                k += Character.charCount(cp);
                continue;
            }
            int next = Math.min(to, RegexTokenizer.clusterEnd(text, k));
            if (!Graphemes.isInvisible(text, k, next)) {
                Token last = out.size() > added ? out.get(out.size() - 1) : null;
                String grapheme = text.substring(k, next);
                if (last != null && last.end() == k && extendsRun(last.text(), grapheme)) {
                    out.set(out.size() - 1, new Token(last.text() + grapheme, last.start(), next, null, false));
                } else {
                    out.add(new Token(grapheme, k, next, null, false));
                }
            }
            k = next;
        }
    }

    /**
     * {@code tokens} with each run of adjacent tokens that spells a word of the user dictionary
     * joined into it, longest first ({@code C} {@code ++} into {@code C++}, {@code U} {@code 盘} into
     * {@code U盘}), as HanLP joins its own words on the Chinese path. A user word that starts or ends
     * inside a token is not found.
     *
     * @param text the text the tokens' offsets point into
     * @param startsUserWord whether some user word starts with a text: the search from a token stops
     *     at the first run that starts none, so a dictionary with a long entry costs no more per token
     * @param longest the length of the longest user word (0: no dictionary, nothing joined)
     */
    static List<Token> userWordsJoined(String text, List<Token> tokens, java.util.function.Predicate<String> userWord,
                                       java.util.function.Predicate<String> startsUserWord, int longest) {
        if (longest == 0) {
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); ) {
            Token first = tokens.get(i);
            int last = i;
            for (int j = i + 1; j < tokens.size() && tokens.get(j).start() == tokens.get(j - 1).end()
                    && tokens.get(j).end() - first.start() <= longest; j++) {
                String run = text.substring(first.start(), tokens.get(j).end());
                if (!startsUserWord.test(run)) {
                    break;
                }
                if (userWord.test(run)) {
                    last = j;
                }
            }
            if (last == i) {
                out.add(first);
            } else {
                int end = tokens.get(last).end();
                out.add(new Token(text.substring(first.start(), end), first.start(), end, null, false));
            }
            i = last + 1;
        }
        return out;
    }

    /**
     * {@code tokens} with the punctuation marks and symbols at the edges of a word that holds a
     * letter made tokens of their own (one per code point). HanLP reads {@code - & % ' _} as letters
     * and leaves "COVID-" of "COVID-19疫情" whole, where the other path and jieba give COVID / -.
     * Marks inside a word (AT&amp;T, e-mail) and beside digits alone (3.5, 25％, which the PKU
     * conventions join) stay.
     *
     * @param original the text the tokens' offsets point into
     * @param userWord the words a user dictionary holds, which stay whole (C++, C#, .NET)
     */
    static List<Token> edgeMarksSplit(String original, List<Token> tokens, java.util.function.Predicate<String> userWord) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            String s = original.substring(t.start(), t.end());
            if (userWord.test(t.text())) {
                out.add(t);
                continue;
            }
            if (isMixedMarkRun(t.text()) && t.text().length() == s.length()) {
                addMarks(t.text(), 0, t.text().length(), t.start(), t.pos() == null ? null : "w", out);
                continue;
            }
            int a = 0;
            while (a < s.length() && isMark(s.codePointAt(a))) {
                a += Character.charCount(s.codePointAt(a));
            }
            int b = s.length();
            while (b > a && isMark(s.codePointBefore(b))) {
                b -= Character.charCount(s.codePointBefore(b));
            }
            boolean split = (a > 0 || b < s.length()) && s.substring(a, b).codePoints().anyMatch(Character::isLetter)
                    && t.text().length() == s.length();
            if (!split) {
                out.add(t);
                continue;
            }
            String markPos = t.pos() == null ? null : "w";
            // the marks as the token has them (normalized: COVID－19 behind normalize.chinese gives -, not －), at its offsets
            addMarks(t.text(), 0, a, t.start(), markPos, out);
            out.add(new Token(t.text().substring(a, b), t.start() + a, t.start() + b, t.pos(), t.stop()));
            addMarks(t.text(), b, s.length(), t.start(), markPos, out);
        }
        return out;
    }

    /**
     * Whether a token is two or more different marks, such as HanLP's {@code )!} or {@code :"} (a run
     * of one mark repeated, the ellipsis {@code ……} or the dash {@code ——}, is one word in the PKU
     * conventions and stays).
     */
    private static boolean isMixedMarkRun(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(MixedText::isMark) && !isRepeatedMark(text);
    }

    /**
     * Whether {@code grapheme} continues {@code run}, a grapheme or a run of one repeated mark built
     * here: checked on the grapheme alone, so a run of 200,000 dots costs no more than its length
     * (testing the whole run again at every dot made it quadratic).
     */
    private static boolean extendsRun(String run, String grapheme) {
        return run.length() % grapheme.length() == 0 && run.startsWith(grapheme) && run.endsWith(grapheme)
                && isRepeatedMark(grapheme + grapheme);
    }

    /** Whether {@code text} is one mark, or one mark repeated ({@code ...}, {@code ——}). */
    private static boolean isRepeatedMark(String text) {
        if (text.isEmpty() || !text.codePoints().allMatch(MixedText::isMark)) {
            return false;
        }
        // by grapheme: 🇨🇳 and 👍🏽 are one symbol of two code points each and stay whole
        int firstEnd = RegexTokenizer.clusterEnd(text, 0);
        String first = text.substring(0, firstEnd);
        for (int k = firstEnd; k < text.length(); ) {
            int next = RegexTokenizer.clusterEnd(text, k);
            if (!text.startsWith(first, k) || next - k != first.length()) {
                return false;
            }
            k = next;
        }
        return true;
    }

    /** {@code tokens} without those made only of punctuation and symbols. */
    static List<Token> withoutPunctuation(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (!t.text().codePoints().allMatch(MixedText::isMark)) {
                out.add(t);
            }
        }
        return out;
    }

    /** A token for each mark of {@code text} between {@code from} and {@code to}, at offset {@code base} plus its index. */
    private static void addMarks(String text, int from, int to, int base, String pos, List<Token> out) {
        for (int k = from; k < to; ) {
            int cp = text.codePointAt(k);
            int next = Math.min(to, RegexTokenizer.clusterEnd(text, k));
            if (isMark(cp)) {
                out.add(new Token(text.substring(k, next), base + k, base + next, pos, false));
            }
            k = next;
        }
    }

    /** Tokens with offsets into {@code doc}'s analysis text, moved onto its original text (the text keeps the analysis form). */
    static List<Token> toOriginal(Document doc, List<Token> tokens) {
        if (doc.normalized() == null) {
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(doc.tokenAt(t.start(), t.end()).withPos(t.pos()));
        }
        return OverlappingTokens.joined(out);
    }

    private static boolean isMark(int cp) {
        return !Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Character.isISOControl(cp)
                && Character.getType(cp) != Character.FORMAT;
    }

    private static boolean isHan(String text, Token t) {
        return t.end() - t.start() > 0 && text.substring(t.start(), t.end()).codePoints().allMatch(Scripts::isHan);
    }
}
