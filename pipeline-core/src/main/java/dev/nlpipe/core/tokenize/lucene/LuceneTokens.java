package dev.nlpipe.core.tokenize.lucene;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
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
     * or, with {@code surface}, the characters the token covers in the analysis text.
     */
    public static List<Token> tokens(Analyzer analyzer, Document doc, boolean surface) {
        String text = doc.analysisText();
        List<Token> out = new ArrayList<>(Math.max(4, text.length() / 4));
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = Math.min(offset.startOffset(), text.length());
                int end = Math.min(offset.endOffset(), text.length());
                if (end <= start) {
                    continue;
                }
                Token t = doc.tokenAt(start, end);
                out.add(surface ? t : t.withText(term.toString()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
