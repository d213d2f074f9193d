package dev.nlpipe.classify.linear;

import dev.nlpipe.core.doc.SparseVector;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fitted linear classifier weights. A binary model has one weight vector scoring the second
 * label (the positive class); a multi-class model has one per label, combined by softmax
 * (multinomial logistic regression) or compared one-vs-rest. Thread-safe.
 */
public final class LinearModel {
    /** The loss the model was fitted with. */
    public enum Loss {
        LOGISTIC("logistic"), HINGE("hinge"), SQUARED_HINGE("squared_hinge");

        private final String key;

        Loss(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Loss of(String key) {
            for (Loss l : values()) {
                if (l.key.equals(key)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown loss '" + key + "' (logistic, hinge, squared_hinge)");
        }

        /** Whether scores are probabilities. */
        public boolean probabilistic() {
            return this == LOGISTIC;
        }
    }

    private static final int MAGIC = 0x4E4C4C4D;
    private static final int FORMAT = 1;

    private final Loss loss;
    private final boolean multinomial;
    private final int classes;
    private final double[][] w;
    private final double[] b;

    /**
     * @param classes the number of labels (2 for a binary model with one vector)
     * @param multinomial softmax over the vectors (logistic only)
     * @param w one weight vector per scored class (one for binary)
     * @param b the intercepts
     */
    LinearModel(Loss loss, int classes, boolean multinomial, double[][] w, double[] b) {
        this.loss = loss;
        this.classes = classes;
        this.multinomial = multinomial;
        this.w = w;
        this.b = b;
    }

    public Loss loss() {
        return loss;
    }

    public int classes() {
        return classes;
    }

    /** Number of features. */
    public int dimension() {
        return w[0].length;
    }

    /** The weights of vector {@code k} (not copied). */
    double[] weights(int k) {
        return w[k];
    }

    double intercept(int k) {
        return b[k];
    }

    boolean binary() {
        return w.length == 1;
    }

    /** The binary decision value (positive means the second class), before any threshold. */
    public double decision(SparseVector x) {
        return dot(0, x);
    }

    private double dot(int k, SparseVector x) {
        double s = b[k];
        double[] wk = w[k];
        int[] idx = x.indices();
        double[] val = x.values();
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < wk.length) {
                s += wk[idx[i]] * val[i];
            }
        }
        return s;
    }

    /**
     * A score per class: probabilities for logistic regression (they sum to one), decision values
     * for the SVM. The argmax is the prediction.
     */
    public double[] scores(SparseVector x) {
        double[] out = new double[classes];
        if (binary()) {
            double f = decision(x);
            if (loss.probabilistic()) {
                double p = LogisticObjective.sigmoid(f);
                out[0] = 1 - p;
                out[1] = p;
            } else {
                out[0] = -f;
                out[1] = f;
            }
            return out;
        }
        for (int k = 0; k < classes; k++) {
            out[k] = dot(k, x);
        }
        if (loss.probabilistic()) {
            if (multinomial) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : out) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    out[k] = Math.exp(out[k] - max);
                    sum += out[k];
                }
                for (int k = 0; k < classes; k++) {
                    out[k] /= sum;
                }
            } else {
                // the sigmoids normalized, in log space: every margin far below 0 (a long unnormalized count vector)
                // underflows each sigmoid to 0, and their sum with them
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    double m = out[k];
                    out[k] = m >= 0 ? -Math.log1p(Math.exp(-m)) : m - Math.log1p(Math.exp(m));
                    max = Math.max(max, out[k]);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    out[k] = Math.exp(out[k] - max);
                    sum += out[k];
                }
                for (int k = 0; k < classes; k++) {
                    out[k] /= sum;
                }
            }
        }
        return out;
    }

    /**
     * The predicted class: the argmax of the decision values, as scikit-learn's {@code predict}
     * (not of the probabilities, whose sigmoids round to exactly 1 above a decision of about 37 and
     * would tie one-vs-rest classes).
     */
    public int predict(SparseVector x) {
        if (binary()) {
            return decision(x) > 0 ? 1 : 0;
        }
        int best = 0;
        double bestValue = dot(0, x);
        for (int k = 1; k < classes; k++) {
            double v = dot(k, x);
            if (v > bestValue) {
                best = k;
                bestValue = v;
            }
        }
        return best;
    }

    /** This binary model with its decision threshold moved to {@code threshold} (so decision = old - threshold). */
    LinearModel withThreshold(double threshold) {
        double[] nb = b.clone();
        nb[0] -= threshold;
        return new LinearModel(loss, classes, multinomial, w, nb);
    }

    /** Writes {@code weights.bin}: a header, the intercepts, then each weight vector (big-endian doubles). */
    void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(classes);
            out.writeInt(w.length);
            out.writeInt(w[0].length);
            out.writeBoolean(multinomial);
            out.writeUTF(loss.key());
            for (double v : b) {
                out.writeDouble(v);
            }
            for (double[] wk : w) {
                for (double v : wk) {
                    out.writeDouble(v);
                }
            }
        }
    }

    /** Reads a file written by {@link #write}. */
    static LinearModel read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file.getFileName() + " is not an nlpipe weights file");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException(file.getFileName() + " has format " + format + "; this nlpipe reads " + FORMAT);
            }
            int classes = in.readInt();
            int vectors = in.readInt();
            int dims = in.readInt();
            boolean multinomial = in.readBoolean();
            Loss loss = Loss.of(in.readUTF());
            // the header is checked against the file's size before anything is allocated: a damaged or hostile header
            // (a few bytes asking for 100,000 x 100,000 weights) is refused rather than run out of memory
            long size = Files.size(file);
            if (vectors < 0 || dims < 0 || 8L * vectors * (dims + 1L) > size) {
                throw new IOException(file.getFileName() + " is damaged: its header declares " + vectors + " x " + dims
                        + " weights, more than its " + size + " bytes hold");
            }
            double[] b = new double[vectors];
            for (int k = 0; k < vectors; k++) {
                b[k] = in.readDouble();
            }
            double[][] w = new double[vectors][dims];
            for (int k = 0; k < vectors; k++) {
                for (int j = 0; j < dims; j++) {
                    w[k][j] = in.readDouble();
                }
            }
            return new LinearModel(loss, classes, multinomial, w, b);
        }
    }
}
