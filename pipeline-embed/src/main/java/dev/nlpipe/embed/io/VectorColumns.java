package dev.nlpipe.embed.io;

import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.DocVector;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.SparseVector;
import java.util.Map;

/** Picks the vector a matrix writer writes, as a sparse vector (dense vectors lose their zeros). */
final class VectorColumns {
    private VectorColumns() {
    }

    /**
     * The named vector of a document, or its first one when {@code name} is null.
     *
     * @throws IllegalArgumentException when the document has no such vector
     */
    static SparseVector of(Document doc, String name, String format) {
        Map<String, DocVector> vectors = doc.vectors();
        DocVector v = null;
        if (vectors != null && !vectors.isEmpty()) {
            v = name == null ? vectors.values().iterator().next() : vectors.get(name);
        }
        if (v == null) {
            throw new IllegalArgumentException("output " + format + ": document " + doc.id() + " has no "
                    + (name == null ? "vector" : "vector '" + name + "'" + (vectors == null ? "" : " (it has " + vectors.keySet() + ")"))
                    + "; add a vectorize stage (vectorize.tfidf, vectorize.count, vectorize.hashing) or set output.vector");
        }
        if (v instanceof SparseVector s) {
            return s;
        }
        float[] dense = ((DenseVector) v).values();
        int nnz = 0;
        for (float f : dense) {
            if (f != 0) {
                nnz++;
            }
        }
        int[] idx = new int[nnz];
        double[] val = new double[nnz];
        for (int i = 0, k = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                idx[k] = i;
                val[k++] = dense[i];
            }
        }
        return new SparseVector(idx, val);
    }
}
