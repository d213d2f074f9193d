package dev.nlpipe.embed.vectorize;

/** The two fitted vectorizers: the name their stage, training task and model kind share. */
public enum VectorizerKind {
    /** scikit-learn's TfidfVectorizer. */
    TFIDF("vectorize.tfidf", "tfidf", "TF-IDF"),
    /** scikit-learn's CountVectorizer. */
    COUNT("vectorize.count", "count", "count");

    private final String registeredName;
    private final String vectorName;
    private final String title;

    VectorizerKind(String registeredName, String vectorName, String title) {
        this.registeredName = registeredName;
        this.vectorName = vectorName;
        this.title = title;
    }

    /** The stage, task and model kind ({@code vectorize.tfidf}). */
    public String registeredName() {
        return registeredName;
    }

    /** The default name of the vector the stage adds. */
    public String vectorName() {
        return vectorName;
    }

    /** For messages: "TF-IDF" or "count". */
    public String title() {
        return title;
    }

    /** Whether the TF-IDF options (norm, idf, sublinear tf) apply. */
    public boolean tfidf() {
        return this == TFIDF;
    }
}
