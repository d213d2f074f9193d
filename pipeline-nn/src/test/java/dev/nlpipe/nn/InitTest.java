package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InitTest {

    /** The dot product of rows (or columns) {@code a} and {@code b} of a row-major matrix. */
    private static double dot(float[] m, int rows, int cols, boolean ofRows, int a, int b) {
        double d = 0;
        for (int i = 0; i < (ofRows ? cols : rows); i++) {
            d += ofRows ? (double) m[a * cols + i] * m[b * cols + i] : (double) m[i * cols + a] * m[i * cols + b];
        }
        return d;
    }

    private static void assertOrthonormal(int rows, int cols) {
        float[] m = new float[rows * cols];
        Init.orthogonal().fill(m, new long[] {rows, cols}, new Random(5));
        boolean ofRows = rows <= cols;
        int k = Math.min(rows, cols);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                assertEquals(a == b ? 1.0 : 0.0, dot(m, rows, cols, ofRows, a, b), 1e-5, rows + "x" + cols + " vectors " + a + ", " + b);
            }
        }
    }

    @Test
    void orthogonalRowsOfAWideMatrixAndColumnsOfATallOneAreOrthonormal() {
        assertOrthonormal(30, 100);
        assertOrthonormal(300, 40);
        assertOrthonormal(25, 25);
    }

    @Test
    void orthogonalIsSeededAndNotTheIdentity() {
        float[] a = new float[12 * 12];
        float[] b = new float[12 * 12];
        Init.orthogonal().fill(a, new long[] {12, 12}, new Random(1));
        Init.orthogonal().fill(b, new long[] {12, 12}, new Random(1));
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        double offDiagonal = 0;
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                offDiagonal += i == j ? 0 : Math.abs(a[i * 12 + j]);
            }
        }
        assertTrue(offDiagonal > 1, "a random rotation, not the identity: " + offDiagonal);
    }

    @Test
    void stackedIdentityHasOneIdentityPerBlock() {
        float[] m = new float[3 * 4 * 4];
        Init.stackedIdentity().fill(m, new long[] {12, 4}, new Random(1));
        for (int row = 0; row < 12; row++) {
            for (int col = 0; col < 4; col++) {
                assertEquals(row % 4 == col ? 1f : 0f, m[row * 4 + col], "row " + row + " col " + col);
            }
        }
    }
}
