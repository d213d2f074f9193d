package dev.nlpipe.core.text;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.OverlappingTokens;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code tokenize.regex}: a Unicode-aware rule tokenizer. By default each CJK character (Han,
 * kana) is a token; runs of letters, digits and marks are words (keeping an apostrophe between
 * letters, "don't", a point or comma between digits, "3.14", "1,000", and an invisible format
 * character such as a zero-width non-joiner or a soft hyphen between word characters); every other visible
 * character (punctuation, symbols, emoji with their modifiers) is a token of its own. With
 * {@code pattern}, tokens are the pattern's matches instead. Offsets always point into the
 * original text, also after a normalizer.
 */
public final class RegexTokenizer implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "tokenize.regex";
    }

    @Override
    public String description() {
        return "Unicode rule tokenizer: CJK characters one token each, letter/digit runs as words, or the matches of a regex";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.string("pattern", null, "a Java regex whose matches are the tokens (default: the built-in rules)"),
                OptionSpec.bool("punctuation", true, "keep punctuation and symbol tokens"),
                OptionSpec.bool("lowercase", false, "lowercase token texts (offsets unchanged)"));
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        boolean punct = o.getBoolean("punctuation");
        boolean lower = o.getBoolean("lowercase");
        String pattern = o.getString("pattern");
        if (pattern != null) {
            if (o.isSet("punctuation")) {
                throw o.error("punctuation", "has no effect with 'pattern', which alone says what a token is: write the pattern"
                        + " so that it does not match punctuation (e.g. '\\w+'), or leave 'pattern' out");
            }
            Pattern p;
            try {
                p = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
            } catch (PatternSyntaxException e) {
                throw o.error("pattern", "invalid regex: " + e.getDescription());
            }
            return (Annotator) doc -> doc.setTokens(byPattern(doc, p, lower));
        }
        return (Annotator) doc -> doc.setTokens(tokenize(doc, punct, lower));
    }

    private static List<Token> byPattern(Document doc, Pattern p, boolean lower) {
        List<Token> out = new ArrayList<>();
        Matcher m = p.matcher(doc.analysisText());
        while (m.find()) {
            if (m.end() > m.start()) {
                out.add(finish(doc.tokenAt(m.start(), m.end()), lower));
            }
        }
        return OverlappingTokens.joined(out);
    }

    /** Tokenizes a document's analysis text by the built-in rules. */
    public static List<Token> tokenize(Document doc, boolean punctuation, boolean lowercase) {
        String s = doc.analysisText();
        List<Token> out = new ArrayList<>(Math.max(4, s.length() / 4));
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (isSpace(cp)) {
                i += len;
                continue;
            }
            int start = i;
            if (isCjk(cp)) {
                i = clusterEnd(s, start);
                out.add(finish(doc.tokenAt(start, i), lowercase));
            } else if (isWordChar(cp)) {
                i += len;
                while (i < n) {
                    int c = s.codePointAt(i);
                    if (isWordChar(c) && !isCjk(c)) {
                        i += Character.charCount(c);
                    } else if (i + 1 < n && joinsWord(s, i, c)) {
                        i += 1;
                    } else if (isFormat(c)) {
                        int end = formatRunEnd(s, i);
                        if (!wordCharAt(s, end)) {
                            break;
                        }
                        i = end;
                    } else {
                        break;
                    }
                }
                out.add(finish(doc.tokenAt(start, i), lowercase));
            } else {
                i = clusterEnd(s, start);
                if (punctuation && !Graphemes.isInvisible(s, start, i)) {
                    out.add(finish(doc.tokenAt(start, i), lowercase));
                }
            }
        }
        return OverlappingTokens.joined(out);
    }

    private static Token finish(Token t, boolean lowercase) {
        return lowercase ? t.withText(t.text().toLowerCase(Locale.ROOT)) : t;
    }

    /** An apostrophe between letters, or a point/comma between digits, stays inside a word. */
    private static boolean joinsWord(String s, int i, int c) {
        int prev = s.codePointBefore(i);
        int next = s.codePointAt(i + 1);
        if ((c == '\'' || c == '\u2019') && Character.isLetter(prev) && Character.isLetter(next) && !isCjk(next)) {
            return true;
        }
        return (c == '.' || c == ',') && Character.isDigit(prev) && Character.isDigit(next);
    }

    /**
     * A format character that shows nothing and breaks no word (UAX #29 rule WB4): a zero-width
     * non-joiner (the Persian کتاب‌ها is one word), a joiner (the Devanagari conjunct क्‍ष), a soft
     * hyphen (Erdbeer\u00ADmarmelade). The zero-width space and byte-order mark are spaces instead.
     */
    private static boolean isFormat(int cp) {
        return Character.getType(cp) == Character.FORMAT && !isSpace(cp);
    }

    /** Where the run of {@link #isFormat} characters starting at {@code i} ends. */
    private static int formatRunEnd(String s, int i) {
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (!isFormat(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** Whether a word goes on at {@code i}: a word character that is not CJK (a CJK character is a token of its own). */
    private static boolean wordCharAt(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        int c = s.codePointAt(i);
        return isWordChar(c) && !isCjk(c);
    }

    /**
     * The end of the user-perceived character that starts at {@code i}: the code point with the
     * combining marks, variation selectors, skin tones, joined emoji and second flag letter after it.
     * A regional indicator at {@code i} is a flag's first letter, so a walk from one character to
     * the next pairs a run of them from where it starts (🇨🇳🇺: 🇨🇳, then 🇺).
     */
    public static int clusterEnd(String s, int i) {
        int end = i + Character.charCount(s.codePointAt(i));
        // the flag is paired here, not by continuesCharacter, which counts the run before each letter: a line of flags
        // walked letter by letter that way was quadratic
        if (isRegionalIndicator(s.codePointAt(i)) && end < s.length() && isRegionalIndicator(s.codePointAt(end))) {
            end += Character.charCount(s.codePointAt(end));
        }
        while (end < s.length() && !isRegionalIndicator(s.codePointAt(end)) && continuesCharacter(s, end)) {
            end += Character.charCount(s.codePointAt(end));
        }
        return end;
    }

    /**
     * Whether the code point at {@code i} continues the user-perceived character before it (as
     * {@link #clusterEnd} groups them): a combining mark, variation selector, skin tone or joiner, a
     * flag's second letter, a symbol after a joiner. Looks at {@code i} alone, so a segmenter's word
     * boundaries are checked without walking the text (but for a regional indicator, whose run
     * before it says whether it is a flag's second letter).
     */
    public static boolean continuesCharacter(String s, int i) {
        if (i <= 0 || i >= s.length()) {
            return false;
        }
        int c = s.codePointAt(i);
        if (isMark(c) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF)) {
            return true;
        }
        if (c == 0x200D) {
            // a joiner binds the emoji after it (👩‍💻); before a letter, a Han character or a space it binds nothing and is a
            // character of its own, an invisible one (joiners put between Chinese characters to dodge keyword filters, 敏\u200D感,
            // leave 敏 and 感 as they are)
            return i + 1 < s.length() && Character.getType(s.codePointAt(i + 1)) == Character.OTHER_SYMBOL;
        }
        if (isRegionalIndicator(c)) {
            // the second letter of a flag (🇨🇳 is two regional indicators): pairs counted from the run's start
            return regionalIndicatorsBefore(s, i) % 2 == 1;
        }
        return s.charAt(i - 1) == '\u200D' && Character.getType(c) == Character.OTHER_SYMBOL;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    /** How many regional indicators come right before {@code i}. */
    private static int regionalIndicatorsBefore(String s, int i) {
        int n = 0;
        while (i > 0 && isRegionalIndicator(s.codePointBefore(i))) {
            i -= Character.charCount(s.codePointBefore(i));
            n++;
        }
        return n;
    }

    /** Whether the characters of {@code s} from {@code from} to {@code to} are all {@linkplain #isSpace spaces} (true when none). */
    public static boolean onlySpaces(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a code point separates tokens: white space, a control character, a byte-order mark or a zero-width space. */
    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.CONTROL
                || cp == 0xFEFF || cp == 0x200B;
    }

    /** Han ideographs, kana and CJK symbols that are words of their own. */
    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        // enclosing marks too: the keycap 1️⃣ is a digit, a variation selector and U+20E3
        return Character.isLetterOrDigit(cp) || isMark(cp) || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Whether a code point is a combining mark (non-spacing, spacing or enclosing), part of the character before it. */
    public static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
