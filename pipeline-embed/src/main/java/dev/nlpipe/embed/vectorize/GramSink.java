package dev.nlpipe.embed.vectorize;

/**
 * Receives the features (n-grams) of one document from an {@link Analyzer} without their strings
 * being built: a word n-gram is a run of tokens of a {@link Grams} buffer joined by single spaces,
 * a character n-gram a slice of its character buffer.
 */
interface GramSink {

    /**
     * Tokens {@code from .. from+n-1} of {@code g}, joined by one space.
     *
     * @param hash the {@link PolyHash} of the joined text
     * @param length the joined text's length in UTF-16 units
     */
    void word(Grams g, int from, int n, int hash, int length);

    /**
     * Characters {@code [start, end)} of {@code g.buf}.
     *
     * @param hash the {@link PolyHash} of the slice
     */
    void chars(Grams g, int start, int end, int hash);
}
