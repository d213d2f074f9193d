package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.SparseVector;
import java.util.List;

/**
 * Fitting in a program (the Java counterpart of scikit-learn's {@code fit} and
 * {@code fit_transform}) on documents already in memory; {@code nlpipe train} streams instead.
 */
public final class VectorizerFitter {
    private VectorizerFitter() {
    }

    /** A fitted vectorizer and the rows of the documents it was fitted on. */
    public record Fitted(VectorizerModel model, SparseVector[] rows) {
    }

    /**
     * Fits a vectorizer.
     *
     * @param fixedVocabulary the terms to use, in column order, or {@code null} to fit them
     * @param threads counting threads
     * @throws IllegalArgumentException when pruning leaves no terms, or the documents have none
     */
    public static VectorizerModel fit(Iterable<Document> docs, AnalyzerSpec spec, Pruning pruning, Weighting weighting,
                                      List<String> fixedVocabulary, int threads) {
        Analyzer analyzer = new Analyzer(spec, "fit");
        try (VocabularyCounter counter = new VocabularyCounter(analyzer, fixedVocabulary, threads,
                VocabularyCounter.defaultTermsInMemory())) {
            docs.forEach(counter::add);
            return new VectorizerModel(analyzer, weighting, counter.finish(pruning, weighting.binary()), null);
        }
    }

    /**
     * Fits a vectorizer and returns the documents' rows too, analyzing each document once (the
     * feature ids seen while counting are mapped to columns after pruning).
     */
    public static Fitted fitTransform(List<Document> docs, AnalyzerSpec spec, Pruning pruning, Weighting weighting,
                                      List<String> fixedVocabulary, int threads) {
        Analyzer analyzer = new Analyzer(spec, "fit");
        try (VocabularyCounter counter = new VocabularyCounter(analyzer, fixedVocabulary, threads, Long.MAX_VALUE, true)) {
            docs.forEach(counter::add);
            VectorizerModel model = new VectorizerModel(analyzer, weighting, counter.finish(pruning, weighting.binary()), null);
            return new Fitted(model, counter.rows(model));
        }
    }
}
