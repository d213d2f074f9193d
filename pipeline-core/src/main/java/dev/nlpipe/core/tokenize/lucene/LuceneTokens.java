package dev.nlpipe.core.tokenize.lucene;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.text.RegexTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Runs a Lucene analyzer over a document and turns its terms into tokens with offsets into the original text. */
public final class LuceneTokens {
    private static final String FIELD = "text";

    private LuceneTokens() {
    }

    /**
     * The analyzer's tokens for the document's analysis text. Offsets come from Lucene's offset
     * attribute (which char filters keep pointing at their input) mapped back through the
     * document's normalized view; the token text is the analyzer's term (lowercased, stemmed...)
     * or, with {@code surface}, the characters the token covers in the analysis text. Tokens
     * that cover only spaces or control characters, or whose term is empty, are left out.
     *
     * <p>Lucene's sentence-buffering tokenizers (smartcn) can cut a surrogate pair at a 1024-char
     * buffer boundary, emitting each half as a token; such a token is widened to the whole
     * character (with the character as its text), and the second half, then identical, dropped.
     */
    public static List<Token> tokens(Analyzer analyzer, Document doc, boolean surface) {
        String text = doc.analysisText();
        List<Token> out = new ArrayList<>(Math.max(4, text.length() / 4));
        boolean original = doc.normalized() == null;
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int lastEnd = -1; // where the previous term ended in the analysed (normalized) text
            while (ts.incrementToken()) {
                int start = Math.min(offset.startOffset(), text.length());
                int end = Math.min(offset.endOffset(), text.length());
                if (end <= start || RegexTokenizer.onlySpaces(text, start, end)) {
                    continue;
                }
                end = beforeStrippedMarkup(text, start, end, term);
                boolean split = false;
                if (start > 0 && Character.isLowSurrogate(text.charAt(start)) && Character.isHighSurrogate(text.charAt(start - 1))) {
                    start--;
                    split = true;
                }
                if (end < text.length() && Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end++;
                    split = true;
                }
                Token last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (surface || split) {
                    Token t = doc.tokenAt(start, end);
                    if (!sameSpan(last, t)) {
                        out.add(t);
                    }
                } else if (term.length() > 0) {
                    // without a normalized view the offsets are already original: no surface string to copy
                    Token t = original ? new Token(term.toString(), start, end) : doc.tokenAt(start, end).withText(term.toString());
                    if (!original && start == lastEnd && sameSpan(last, t)) {
                        // two terms side by side in the normalized text that come from one original character (㍻ normalized
                        // to 平成): one token, as the other tokenizers make it; terms at the same place (synonyms) stay apart
                        out.set(out.size() - 1, last.withText(last.text() + t.text()));
                    } else {
                        out.add(t);
                    }
                    lastEnd = end;
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The end of a term's span without the markup an {@code htmlStrip} char filter removed after it:
     * the filter gives the removed tags to the character before them ({@code Hello</b>} for
     * {@code Hello}), and a span should end at the word's last character (tags inside it stay, as
     * in {@code Hel<b>lo}). A term that holds {@code <} itself (a keyword tokenizer's) keeps its span.
     */
    private static int beforeStrippedMarkup(String text, int start, int end, CharTermAttribute term) {
        if (text.charAt(end - 1) != '>') {
            return end; // every token without trailing markup: nothing to scan
        }
        for (int i = 0; i < term.length(); i++) {
            if (term.charAt(i) == '<') {
                return end;
            }
        }
        // only tags that trail the last character: Hel<b>lo</b> keeps its inner tag, up to the end of lo
        int e = end;
        while (e > start + 1 && text.charAt(e - 1) == '>') {
            int open = text.lastIndexOf('<', e - 1);
            if (open <= start) {
                break;
            }
            e = open;
        }
        return e;
    }

    private static boolean sameSpan(Token a, Token b) {
        return a != null && a.start() == b.start() && a.end() == b.end();
    }
}
