package dev.nlpipe.embed.vectorize;

/**
 * A fitted vocabulary: terms in column order with their document frequency and corpus frequency,
 * and the corpus figures they came from.
 *
 * @param terms the terms; index = column
 * @param df documents containing each term
 * @param cf occurrences of each term in the corpus
 * @param documents documents counted
 * @param distinct distinct terms seen before pruning
 * @param fixed whether the terms were given (a fixed vocabulary) rather than fitted
 */
public record Vocabulary(String[] terms, int[] df, long[] cf, long documents, long distinct, boolean fixed) {

    /** Number of columns. */
    public int size() {
        return terms.length;
    }

    /** Terms counted but left out by pruning. */
    public long pruned() {
        return fixed ? 0 : distinct - terms.length;
    }
}
