package dev.nlpipe.classify.linear;

import dev.nlpipe.classify.ClassWeights;
import dev.nlpipe.core.doc.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled documents (after the preprocessing stages) with their class indices.
 *
 * @param docs the documents
 * @param y the class index of each
 */
record Dataset(List<Document> docs, int[] y) {

    int size() {
        return docs.size();
    }

    /** The examples at {@code indices}, in that order. */
    Dataset subset(int[] indices) {
        List<Document> d = new ArrayList<>(indices.length);
        int[] yy = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            d.add(docs.get(indices[i]));
            yy[i] = y[indices[i]];
        }
        return new Dataset(d, yy);
    }

    /**
     * A weight per example: 1, or with {@code balanced} scikit-learn's {@code n / (classes · n_c)}
     * for an example of class c.
     */
    double[] sampleWeights(int classes, boolean balanced) {
        double[] w = new double[y.length];
        double[] perClass = balanced ? ClassWeights.balanced(y, classes) : null;
        for (int i = 0; i < y.length; i++) {
            w[i] = balanced ? perClass[y[i]] : 1.0;
        }
        return w;
    }
}
