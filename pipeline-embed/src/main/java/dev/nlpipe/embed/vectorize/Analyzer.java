package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Produces a document's features as scikit-learn's {@code build_analyzer()} does: lowercase,
 * tokens (the document's own, or {@code tokenPattern} matches), stop words removed, then word
 * n-grams joined by one space; or character n-grams of the text with runs of whitespace squeezed
 * to one space ({@code char}), or of each whitespace-separated word padded with one space on
 * each side ({@code char_wb}). Positions count code points, as Python does. Thread-safe.
 */
public final class Analyzer {
    private final AnalyzerSpec spec;
    private final String stage;
    private final boolean sklearnPattern;
    private final Pattern pattern;
    private final Set<String> stopWords;

    /**
     * @param spec the analysis settings
     * @param stage the stage that asks, named in a missing-tokens error
     * @throws java.util.regex.PatternSyntaxException when {@code tokenPattern} is invalid or has
     *     more than one capturing group
     */
    public Analyzer(AnalyzerSpec spec, String stage) {
        this.spec = spec;
        this.stage = stage;
        String p = spec.tokenPattern();
        this.sklearnPattern = p != null && (p.equals(AnalyzerSpec.SKLEARN_TOKEN_PATTERN) || p.equals("\\b\\w\\w+\\b"));
        this.pattern = p == null || sklearnPattern ? null : PyRegex.compile(p);
        if (pattern != null && pattern.matcher("").groupCount() > 1) {
            throw new java.util.regex.PatternSyntaxException("more than 1 capturing group in token pattern; only a single group"
                    + " should be captured (as in scikit-learn)", p, -1);
        }
        this.stopWords = spec.stopWords();
    }

    public AnalyzerSpec spec() {
        return spec;
    }

    /** Analyzes a document into {@code g} and hands every feature to {@code sink}. */
    void analyze(Document doc, Grams g, GramSink sink) {
        switch (spec.kind()) {
            case WORD -> {
                if (spec.tokenPattern() == null) {
                    fromTokens(doc.requireTokens(stage), g);
                } else if (sklearnPattern) {
                    wordRuns(doc.analysisText(), g);
                } else {
                    fromPattern(lower(doc.analysisText()), g);
                }
                sink.words(g, spec.minN(), spec.maxN());
            }
            case CHAR -> {
                squeezeSpaces(lower(doc.analysisText()), g);
                g.addSegment(0, g.cps);
                g.finishChars();
                emitChars(g, sink);
            }
            case CHAR_WB -> {
                paddedWords(lower(doc.analysisText()), g);
                g.finishChars();
                emitCharsWb(g, sink);
            }
        }
    }

    private String lower(String s) {
        return spec.lowercase() ? s.toLowerCase(Locale.ROOT) : s;
    }

    private void fromTokens(List<Token> tokens, Grams g) {
        g.reset();
        for (Token t : tokens) {
            if (spec.skipStopTokens() && t.stop()) {
                continue;
            }
            String s = lower(t.text());
            if (!stopWords.isEmpty() && stopWords.contains(s)) {
                continue;
            }
            g.appendToken(s);
        }
    }

    /** scikit-learn's default token pattern, {@code (?u)\\b\\w\\w+\\b}: runs of two or more Python word characters. */
    private void wordRuns(String text, Grams g) {
        if (spec.lowercase()) {
            g.setLowerText(text);
        } else {
            g.setText(text);
        }
        char[] buf = g.buf;
        int n = g.len;
        int i = 0;
        while (i < n) {
            int c = Character.codePointAt(buf, i, n);
            if (!PyText.isWord(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            int count = 0;
            while (i < n && PyText.isWord(c = Character.codePointAt(buf, i, n))) {
                i += Character.charCount(c);
                count++;
            }
            if (count >= 2 && (stopWords.isEmpty() || !stopWords.contains(new String(buf, start, i - start)))) {
                g.addToken(start, i);
            }
        }
    }

    private void fromPattern(String text, Grams g) {
        g.reset();
        Matcher m = pattern.matcher(text);
        boolean group = m.groupCount() == 1;
        while (m.find()) {
            String tok = group ? m.group(1) : m.group();
            if (tok == null) {
                tok = "";
            }
            if (stopWords.isEmpty() || !stopWords.contains(tok)) {
                g.appendToken(tok);
            }
        }
    }

    /** The text with every run of two or more whitespace characters replaced by one space. */
    private static void squeezeSpaces(String text, Grams g) {
        g.reset();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (PyText.isSpace(c) && next < n && PyText.isSpace(text.codePointAt(next))) {
                while (next < n && PyText.isSpace(c = text.codePointAt(next))) {
                    next += Character.charCount(c);
                }
                g.appendCodePoint(' ');
            } else {
                g.appendCodePoint(c);
            }
            i = next;
        }
    }

    /** Each maximal run of non-whitespace, padded with a space on both sides, as its own segment. */
    private static void paddedWords(String text, Grams g) {
        g.reset();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (PyText.isSpace(c)) {
                i += Character.charCount(c);
                continue;
            }
            int from = g.cps;
            g.appendCodePoint(' ');
            while (i < n && !PyText.isSpace(c = text.codePointAt(i))) {
                g.appendCodePoint(c);
                i += Character.charCount(c);
            }
            g.appendCodePoint(' ');
            g.addSegment(from, g.cps);
        }
    }

    private void emitChars(Grams g, GramSink sink) {
        int total = g.cps;
        for (int n = spec.minN(); n <= Math.min(spec.maxN(), total); n++) {
            for (int i = 0; i + n <= total; i++) {
                emitSlice(g, i, i + n, sink);
            }
        }
    }

    /**
     * scikit-learn's {@code _char_wb_ngrams}, quirk included: a padded word shorter than n yields
     * itself once, and then no longer n-grams are taken from it.
     */
    private void emitCharsWb(Grams g, GramSink sink) {
        for (int s = 0; s < g.segments; s++) {
            int from = g.segFrom[s];
            int wordLen = g.segTo[s] - from;
            for (int n = spec.minN(); n <= spec.maxN(); n++) {
                int offset = 0;
                emitSlice(g, from, from + Math.min(n, wordLen), sink);
                while (offset + n < wordLen) {
                    offset++;
                    emitSlice(g, from + offset, from + offset + n, sink);
                }
                if (offset == 0) {
                    break;
                }
            }
        }
    }

    private static void emitSlice(Grams g, int fromCp, int toCp, GramSink sink) {
        int start = g.cp[fromCp];
        int end = g.cp[toCp];
        sink.chars(g, start, end, g.sliceHash(start, end));
    }
}
