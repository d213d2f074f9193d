package dev.nlpipe.classify.linear;

import dev.nlpipe.core.doc.SparseVector;
import java.util.List;

/** Rows of sparse vectors in compressed sparse row form, for the solvers' inner loops. */
public final class CsrMatrix {
    final int rows;
    final int cols;
    final int[] rowStart;
    final int[] index;
    final double[] value;

    private CsrMatrix(int rows, int cols, int[] rowStart, int[] index, double[] value) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.index = index;
        this.value = value;
    }

    /**
     * Packs rows; {@code cols} must exceed every index.
     *
     * @throws IllegalArgumentException when an index is out of range
     */
    public static CsrMatrix of(List<SparseVector> rows, int cols) {
        long nnz = 0;
        for (SparseVector r : rows) {
            nnz += r.size();
        }
        if (nnz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many non-zeros for one matrix: " + nnz);
        }
        int[] start = new int[rows.size() + 1];
        int[] idx = new int[(int) nnz];
        double[] val = new double[(int) nnz];
        int at = 0;
        for (int i = 0; i < rows.size(); i++) {
            SparseVector r = rows.get(i);
            start[i] = at;
            for (int k = 0; k < r.size(); k++) {
                int c = r.indices()[k];
                if (c < 0 || c >= cols) {
                    throw new IllegalArgumentException("row " + i + " has column " + c + " outside 0.." + (cols - 1));
                }
                idx[at] = c;
                val[at++] = r.values()[k];
            }
        }
        start[rows.size()] = at;
        return new CsrMatrix(rows.size(), cols, start, idx, val);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The dot product of row {@code i} with {@code w[offset .. offset + cols)}. */
    double dot(int i, double[] w, int offset) {
        double s = 0;
        for (int k = rowStart[i], e = rowStart[i + 1]; k < e; k++) {
            s += value[k] * w[offset + index[k]];
        }
        return s;
    }

    /** {@code w[offset + j] += a · x_ij} for the non-zeros of row {@code i}. */
    void addTo(int i, double a, double[] w, int offset) {
        for (int k = rowStart[i], e = rowStart[i + 1]; k < e; k++) {
            w[offset + index[k]] += a * value[k];
        }
    }

    /** The squared norm of row {@code i}. */
    double squaredNorm(int i) {
        double s = 0;
        for (int k = rowStart[i], e = rowStart[i + 1]; k < e; k++) {
            s += value[k] * value[k];
        }
        return s;
    }
}
