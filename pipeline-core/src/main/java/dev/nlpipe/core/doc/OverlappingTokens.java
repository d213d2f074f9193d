package dev.nlpipe.core.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokens found in a normalized view, after their offsets were mapped back to the original text
 * ({@link Document#tokenAt}): where normalization made one character several (㈱ → (株), ㍻ → 平成,
 * HanLP's 6-to-5 traditional-to-simplified table), the words found in them map to the same or
 * overlapping original spans, and a document must not hold two tokens over one character. Each
 * token that starts inside the previous one is joined to it.
 */
public final class OverlappingTokens {
    private OverlappingTokens() {
    }

    /**
     * {@code tokens} (in text order) with every token that starts before the previous one's end
     * joined to that one; {@code tokens} itself when none does (always, without a normalized view).
     */
    public static List<Token> joined(List<Token> tokens) {
        boolean overlap = false;
        for (int i = 1; i < tokens.size() && !overlap; i++) {
            overlap = tokens.get(i).start() < tokens.get(i - 1).end();
        }
        if (!overlap) {
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            Token last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && t.start() < last.end()) {
                out.set(out.size() - 1, new Token(last.text() + t.text(), last.start(), Math.max(last.end(), t.end()), last.pos(), last.stop()));
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
