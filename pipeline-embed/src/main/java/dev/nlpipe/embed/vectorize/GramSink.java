package dev.nlpipe.embed.vectorize;

/**
 * Receives the features of one document from an {@link Analyzer} without their strings being
 * built: the word n-grams of the tokens in a {@link Grams} buffer, or character n-grams as slices
 * of its character buffer.
 */
interface GramSink {

    /** Every n-gram of the tokens of {@code g} with {@code minN <= n <= maxN}, tokens joined by one space. */
    void words(Grams g, int minN, int maxN);

    /**
     * Characters {@code [start, end)} of {@code g.buf}.
     *
     * @param hash the {@link PolyHash} of the slice
     */
    void chars(Grams g, int start, int end, int hash);
}
