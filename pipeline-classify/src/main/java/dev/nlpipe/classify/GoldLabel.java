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

    /**
     * Says when documents carry several labels (a JSON {@code "label": ["travel", "sport"]}): the
     * classifiers are single-label and read each as its top label alone, which a user of a
     * multi-label corpus would not otherwise learn.
     *
     * @param what the documents, for the message ({@code data.train}, the evaluation data)
     */
    public static void warnMultiLabel(java.util.Collection<Document> docs, String what, java.io.PrintStream log) {
        warnMultiLabel(docs.stream().filter(GoldLabel::several).count(), what, log);
    }

    /** Whether a document carries more than one label. */
    public static boolean several(Document d) {
        return d.labels() != null && d.labels().size() > 1;
    }

    /** {@link #warnMultiLabel(java.util.Collection, String, java.io.PrintStream)} for a count made while streaming. */
    public static void warnMultiLabel(long several, String what, java.io.PrintStream log) {
        if (several > 0) {
            log.printf(java.util.Locale.ROOT, "warning: %,d documents of %s carry more than one label; the classifier is single-label"
                    + " and reads each as its top label alone (the first of those with the highest score)%n", several, what);
        }
    }
}
