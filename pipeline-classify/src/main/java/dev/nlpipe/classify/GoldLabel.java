package dev.nlpipe.classify;

import dev.nlpipe.core.doc.Document;

/** The gold label of a training or evaluation document, as every classifier reads it. */
public final class GoldLabel {
    private GoldLabel() {
    }

    /**
     * A document's gold label with surrounding whitespace removed (corpora such as ChnSentiCorp
     * have a stray {@code "    0"}), or {@code null} when it has none.
     */
    public static String of(Document d) {
        String l = d.topLabel();
        if (l == null) {
            return null;
        }
        String t = l.strip();
        return t.isEmpty() ? null : t;
    }
}
