package dev.nlpipe.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers for augmentation tests: documents with given tokens, and checks every variant must pass. */
public final class AugmentTesting {
    private AugmentTesting() {
    }

    /** A document whose text is the words joined by {@code join}, one token per word. */
    public static Document doc(String id, String join, String... words) {
        StringBuilder text = new StringBuilder();
        List<Token> tokens = new ArrayList<>();
        for (String w : words) {
            if (!text.isEmpty()) {
                text.append(join);
            }
            int start = text.length();
            text.append(w);
            tokens.add(new Token(w, start, text.length()));
        }
        return new Document(id, text.toString()).setTokens(tokens);
    }

    /** The variants among a stage's output (documents marked with an origin). */
    public static List<Document> variants(List<Document> out) {
        return out.stream().filter(Variants::isVariant).toList();
    }

    /** The operations recorded on a variant. */
    @SuppressWarnings("unchecked")
    public static List<String> ops(Document variant) {
        return (List<String>) ((Map<String, Object>) variant.meta().get(Variants.META_KEY)).get("ops");
    }

    /** Every token of a document lies on its text at its offsets, in order, without overlap. */
    public static void assertTokensAligned(Document d) {
        int last = 0;
        for (Token t : d.tokens()) {
            assertTrue(t.start() >= last, () -> "tokens overlap or go backwards in " + d.id() + ": " + d.tokens());
            assertTrue(t.end() <= d.text().length(), () -> "token past the end in " + d.id());
            String surface = d.text().substring(t.start(), t.end());
            assertTrue(surface.equalsIgnoreCase(t.text()) || !surface.isBlank(),
                    () -> "token '" + t.text() + "' does not match '" + surface + "' in " + d.id());
            assertEquals(surface.strip(), surface, () -> "token with spaces in " + d.id() + ": '" + surface + "'");
            last = t.end();
        }
    }
}
