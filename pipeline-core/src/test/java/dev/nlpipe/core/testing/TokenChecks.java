package dev.nlpipe.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.doc.Token;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** Assertions shared by the tokenizer and segmenter tests. */
public final class TokenChecks {
    private TokenChecks() {
    }

    /** Runs one document through a one-stage pipeline built in code. */
    public static Document run(String stage, Map<String, ?> options, Document doc) {
        try (Pipeline p = Pipeline.builder().add(stage, options).build()) {
            List<Document> out = p.process(doc);
            assertEquals(1, out.size(), "the stage keeps the document");
            return out.get(0);
        }
    }

    /** Runs a text through a one-stage pipeline. */
    public static Document run(String stage, Map<String, ?> options, String text) {
        return run(stage, options, new Document("d", text));
    }

    /** The token texts. */
    public static List<String> texts(Document doc) {
        return doc.tokens().stream().map(Token::text).toList();
    }

    /**
     * Every token lies inside the text, tokens do not overlap unless {@code overlapping}, and each
     * token's text equals the original characters it covers, or is a normalized form of them that
     * {@code normalizedForm.test(surface, tokenText)} accepts.
     */
    public static void assertOffsets(Document doc, boolean overlapping, BiPredicate<String, String> normalizedForm) {
        String text = doc.text();
        int lastEnd = 0;
        for (Token t : doc.tokens()) {
            assertTrue(t.start() >= 0 && t.end() <= text.length() && t.start() < t.end(), () -> "token out of range: " + t);
            assertTrue(!Character.isLowSurrogate(text.charAt(t.start())) || t.start() == 0
                    || !Character.isHighSurrogate(text.charAt(t.start() - 1)), () -> "token starts inside a surrogate pair: " + t);
            assertTrue(t.end() == text.length() || !Character.isLowSurrogate(text.charAt(t.end()))
                    || !Character.isHighSurrogate(text.charAt(t.end() - 1)), () -> "token ends inside a surrogate pair: " + t);
            if (!overlapping) {
                assertTrue(t.start() >= lastEnd, () -> "tokens overlap or go backwards at " + t);
            }
            lastEnd = t.end();
            String surface = text.substring(t.start(), t.end());
            if (!surface.equals(t.text()) && !normalizedForm.test(surface, t.text())) {
                fail("token text '" + t.text() + "' is neither the text at [" + t.start() + ", " + t.end() + ") '" + surface
                        + "' nor an accepted normalized form of it");
            }
        }
    }

    /** Every sentence lies inside the text, in order, and starts and ends on a non-space character. */
    public static void assertSentences(Document doc) {
        String text = doc.text();
        int lastEnd = 0;
        for (Span s : doc.sentences()) {
            assertTrue(s.start() >= lastEnd && s.end() <= text.length() && s.start() < s.end(), () -> "bad sentence " + s);
            assertTrue(!Character.isWhitespace(text.charAt(s.start())) && !Character.isWhitespace(text.charAt(s.end() - 1)),
                    () -> "sentence not trimmed: " + s);
            lastEnd = s.end();
        }
    }
}
