package dev.nlpipe.classify;

/** Weights that let every class count as much in a training loss however many examples it has. */
public final class ClassWeights {
    private ClassWeights() {
    }

    /**
     * scikit-learn's {@code class_weight="balanced"}: {@code n / (classes · n_c)} for class c, where
     * n is the number of examples and {@code n_c} those of class c (1 for a class with none, which
     * no example reads).
     *
     * @param y the class index of each example, each in {@code [0, classes)}
     * @param classes the number of classes
     * @return one weight per class
     */
    public static double[] balanced(int[] y, int classes) {
        long[] counts = new long[classes];
        for (int c : y) {
            counts[c]++;
        }
        double[] w = new double[classes];
        for (int c = 0; c < classes; c++) {
            w[c] = counts[c] == 0 ? 1.0 : y.length / (classes * (double) counts[c]);
        }
        return w;
    }
}
