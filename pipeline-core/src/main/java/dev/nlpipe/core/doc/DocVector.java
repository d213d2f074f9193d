package dev.nlpipe.core.doc;

/** A vector attached to a document under a name ({@code "tfidf"}, {@code "w2v"}). */
public sealed interface DocVector permits SparseVector, DenseVector {
    /** Number of stored entries (non-zeros for a sparse vector, the dimension for a dense one). */
    int size();
}
