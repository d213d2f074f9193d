package dev.nlpipe.core.text;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code sentence.split}: sentence spans for Chinese and English text, on the original text.
 *
 * <p>Chinese: a sentence ends after 。！？；(and their half-width forms ! ?), together with any
 * following terminators and closing quotes or brackets (“你好！”). English: a sentence ends after
 * "." "!" or "?" (and closing quotes) followed by a space and a word that is not lowercase ("Oh!
 * wow." is one sentence), unless the period ends a known abbreviation ("Dr.", "e.g."; built-in
 * ones spelt like words count only where they are not words: "No. 5", "St. Louis", not "the
 * answer is no.") or a single capital initial ("J. Smith"); the period after an ordinal ("1st.")
 * ends no abbreviation, and one inside a number ("3.14") or a word ("www.example.com") never ends
 * a sentence.
 * Line breaks end sentences (or, with {@code newlines: false}, only blank lines do). Spans
 * exclude surrounding whitespace.
 */
public final class SentenceSplitter implements StageProvider {
    /** Longer than any abbreviation the splitter knows ("e.g.", "Ph.D.", "U.S.A."). */
    private static final int MAX_ABBREVIATION = 16;

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc",
            "e.g", "i.e", "cf", "al", "inc", "ltd", "co", "corp", "dept", "univ", "no", "nos", "vol", "fig", "figs", "p", "pp",
            "ed", "eds", "approx", "est", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "rev", "hon", "gov", "sen", "rep",
            "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed",
            "thu", "fri", "sat", "sun", "u.s", "u.k", "u.n", "a.m", "p.m", "ph.d", "b.a", "m.a", "b.sc", "m.sc", "ave", "blvd",
            "rd", "op", "ch", "sec", "art");

    /**
     * Built-in abbreviations spelt like ordinary words that end sentences ("The answer is no.",
     * "I love art."): abbreviations only before a number ("No. 5", "Art. 3", "Op. 27").
     */
    private static final Set<String> ONLY_BEFORE_A_NUMBER = Set.of("no", "nos", "art", "op", "fig", "sec", "est");

    /**
     * Built-in abbreviations spelt like ordinary words that are titles, places and days
     * ("Gen. Lee", "St. Louis", "Sat. Jan 5"): abbreviations only capitalised or before a number
     * ("I sat in the sun." ends twice).
     */
    private static final Set<String> ONLY_CAPITALISED = Set.of("st", "rd", "gen", "col", "rev", "rep", "mar", "wed", "sat", "sun");

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "sentence.split";
    }

    @Override
    public String description() {
        return "sentence spans for Chinese (。！？； and closing quotes) and English (abbreviations and decimals kept)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.bool("newlines", true, "a line break ends a sentence (false: only a blank line does)"),
                OptionSpec.stringList("abbreviations", List.of(), "more abbreviations whose period does not end a sentence, "
                        + "without the final period (\"approx\", \"U.S\"); one listed here counts wherever it stands"));
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.SENTENCES);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        Set<String> extra = new HashSet<>();
        o.getStringList("abbreviations").forEach(a -> extra.add(stripDot(a).toLowerCase(Locale.ROOT)));
        Abbreviations abbreviations = new Abbreviations(extra);
        boolean newlines = o.getBoolean("newlines");
        return (Annotator) doc -> doc.setSentences(split(doc.text(), newlines, abbreviations));
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The sentences of {@code text} with the built-in abbreviations. */
    public static List<Span> split(String text, boolean newlines) {
        return split(text, newlines, new Abbreviations(Set.of()));
    }

    /**
     * The words whose period ends no sentence: the built-in ones and the user's {@code extra}
     * (lowercase, without the final period); a word the user lists is one wherever it stands, also
     * where the built-in list restricts it.
     */
    private record Abbreviations(Set<String> extra) {
        /** Whether {@code word} (as written, before its period) is an abbreviation where it stands. */
        boolean matches(String word, boolean beforeANumber) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (extra.contains(lower)) {
                return true;
            }
            if (!ABBREVIATIONS.contains(lower)) {
                return false;
            }
            if (ONLY_BEFORE_A_NUMBER.contains(lower)) {
                return beforeANumber;
            }
            return !ONLY_CAPITALISED.contains(lower) || beforeANumber || Character.isUpperCase(word.charAt(0));
        }
    }

    private static List<Span> split(String text, boolean newlines, Abbreviations abbreviations) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int cut = -1;
            if (isLineBreak(c)) {
                // U+2029 is a paragraph break by definition, a form feed a page break
                if (newlines || c == '\u2029' || c == '\u000C' || blankLineAt(text, i)) {
                    cut = i;
                }
                i++;
            } else if (isChineseEnd(c) || c == '!' || c == '?') {
                int end = closers(text, i + 1);
                if (isChineseEnd(c) || endsEnglishSentence(text, end)) {
                    cut = end;
                }
                i = end;
            } else if (isFullStop(c)) {
                int end = closers(text, i + 1);
                if (endsEnglishSentence(text, i, end, abbreviations)) {
                    cut = end;
                }
                i = end;
            } else {
                i++;
            }
            if (cut >= 0) {
                add(out, text, start, cut);
                start = cut;
            }
        }
        add(out, text, start, n);
        return out;
    }

    /** The full stop, ASCII or full-width ({@code ．}, which some Chinese scientific text ends sentences with). */
    private static boolean isFullStop(char c) {
        return c == '.' || c == '．';
    }

    private static boolean isChineseEnd(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '｡';
    }

    /** Skips further terminators and closing quotes or brackets after a terminator. */
    private static int closers(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (isChineseEnd(c) || c == '!' || c == '?' || isFullStop(c) || c == '…' || c == '"' || c == '\''
                    || type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * Whether an English "!" or "?" (or a period ending a quotation), with the closers that end at
     * {@code end}, ends a sentence: one is followed by a space, a Chinese character or the end of
     * the text, and not by a lowercase word ("Oh! wow.", "He said "stop." and left." are one sentence).
     */
    private static boolean endsEnglishSentence(String text, int end) {
        int n = text.length();
        if (end < n && !RegexTokenizer.isSpace(text.charAt(end)) && !RegexTokenizer.isCjk(text.codePointAt(end))) {
            return false;
        }
        int next = nextWord(text, end);
        return next >= n || !Character.isLowerCase(text.charAt(next));
    }

    /** Where the word after {@code i} starts: past spaces, but not past a line feed. */
    private static int nextWord(String text, int i) {
        while (i < text.length() && RegexTokenizer.isSpace(text.charAt(i)) && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private static boolean endsEnglishSentence(String text, int dot, int end, Abbreviations abbreviations) {
        if (!endsEnglishSentence(text, end)) {
            return false;
        }
        if (end > dot + 1 && !isFullStop(text.charAt(end - 1))) {
            // "." followed by a closing quote or bracket: the quoted sentence ended
            return true;
        }
        int w = dot;
        // no abbreviation is longer than this: a long run of letters (Chinese, which counts as letters, with ASCII dots
        // in it) is not one, and scanning each run to its start made such a text quadratic
        int earliest = Math.max(0, dot - MAX_ABBREVIATION);
        // the word before the dot stops at a Chinese character: "我见了Dr." is the abbreviation "Dr"
        while (w > earliest && (Character.isLetter(text.charAt(w - 1)) && !RegexTokenizer.isCjk(text.charAt(w - 1))
                || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, dot);
        if (word.isEmpty() || w > 0 && Character.isDigit(text.charAt(w - 1))) {
            // the letters of "1st." or "2nd." end a number, not an abbreviation
            return true;
        }
        int next = nextWord(text, end);
        boolean beforeANumber = next < text.length() && Character.isDigit(text.charAt(next));
        return !abbreviations.matches(word, beforeANumber) && !(word.length() == 1 && Character.isUpperCase(word.charAt(0)));
    }

    private static boolean blankLineAt(String text, int i) {
        int j = i + 1;
        if (text.charAt(i) == '\r' && j < text.length() && text.charAt(j) == '\n') {
            j++;
        }
        // a line of any spaces is blank: Chinese text indents with U+3000, and a line of them separates paragraphs
        while (j < text.length() && RegexTokenizer.isSpace(text.charAt(j)) && !isLineBreak(text.charAt(j))) {
            j++;
        }
        return j >= text.length() || isLineBreak(text.charAt(j));
    }

    /**
     * Whether a character ends a line: {@code \n}, {@code \r}, Unicode's line and paragraph
     * separators, NEL, and the vertical tab and form feed of text taken from PDF pages; the NER
     * taggers end a sequence at the same characters.
     */
    public static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000B' || c == '\u000C';
    }

    private static void add(List<Span> out, String text, int from, int to) {
        while (from < to && RegexTokenizer.isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && RegexTokenizer.isSpace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            out.add(new Span(from, to));
        }
    }
}
