package dev.nlpipe.embed.word2vec;

import java.util.List;

/**
 * A dense document vector from word vectors: the (weighted) mean of the vectors of the document's
 * known tokens, optionally scaled to unit length. A document with no known token gets the zero
 * vector. Thread-safe.
 */
public final class DocumentEmbedder {
    private final WordVectors vectors;
    private final TermWeights weights;
    private final boolean normalize;

    /**
     * @param vectors the word vectors
     * @param weights the weight of each occurrence ({@link TermWeights#uniform()} for the plain mean)
     * @param normalize scale the result to unit length
     */
    public DocumentEmbedder(WordVectors vectors, TermWeights weights, boolean normalize) {
        this.vectors = vectors;
        this.weights = weights;
        this.normalize = normalize;
    }

    /** The vector size. */
    public int dim() {
        return vectors.dim();
    }

    /** The document vector of these tokens. */
    public float[] embed(List<String> tokens) {
        int dim = vectors.dim();
        float[] m = vectors.matrix();
        double[] sum = new double[dim];
        double total = 0;
        for (String t : tokens) {
            // word2vec stored a token with whitespace under its training form (a_b for "a b")
            int row = vectors.indexOf(Word2Vec.wordForm(t));
            if (row < 0) {
                continue;
            }
            double w = weights.weight(t);
            if (w == 0) {
                continue;
            }
            for (int i = 0; i < dim; i++) {
                sum[i] += w * m[row * dim + i];
            }
            total += w;
        }
        float[] out = new float[dim];
        if (total == 0) {
            return out;
        }
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            sum[i] /= total;
            norm += sum[i] * sum[i];
        }
        double scale = normalize && norm > 0 ? 1 / Math.sqrt(norm) : 1;
        for (int i = 0; i < dim; i++) {
            out[i] = (float) (sum[i] * scale);
        }
        return out;
    }
}
