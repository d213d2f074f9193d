package dev.nlpipe.classify.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weights.bin as a downloaded model brings it: read back exactly, and a header the file cannot fill refused. */
class LinearModelFileTest {
    @TempDir
    Path dir;

    @Test
    void aHeaderDeclaringMoreWeightsThanTheFileHoldsIsRefusedBeforeAllocating() throws IOException {
        Path f = dir.resolve("weights.bin");
        new LinearModel(LinearModel.Loss.of("logistic"), 2, false, new double[][] {{0.5, -1.5}}, new double[] {0.25}).write(f);
        assertArrayEquals(new double[] {0.5, -1.5}, LinearModel.read(f).weights(0), 0.0);
        byte[] bytes = Files.readAllBytes(f);
        // magic, format, classes, then the vector count and dimensions at bytes 12 and 16
        for (int[] header : new int[][] {{100_000, 100_000}, {-1, 2}, {1, Integer.MAX_VALUE}}) {
            ByteBuffer.wrap(bytes, 12, 8).putInt(header[0]).putInt(header[1]);
            Files.write(f, bytes);
            IOException e = assertThrows(IOException.class, () -> LinearModel.read(f));
            assertTrue(e.getMessage().contains("is damaged: its header declares " + header[0] + " x " + header[1]), e.getMessage());
        }
    }

    @Test
    void oneVsRestPredictsByDecisionValueWhereTheProbabilitiesSaturate() {
        // decisions 40 and 50: both sigmoids round to 1.0, yet the second class is scikit-learn's prediction
        LinearModel m = new LinearModel(LinearModel.Loss.of("logistic"), 3, false, new double[][] {{0}, {0}, {0}}, new double[] {40, 50, -1});
        org.junit.jupiter.api.Assertions.assertEquals(1, m.predict(new dev.nlpipe.core.doc.SparseVector(new int[0], new double[0])));
        // eval classify and the classify stage predict the same class, though the two probabilities are equal
        LinearClassifier c = new LinearClassifier(null, null, java.util.List.of("a", "b", "c"), m, new Features.FromLayer("v", 1));
        dev.nlpipe.core.doc.Document doc = new dev.nlpipe.core.doc.Document("d", "text")
                .putVector("v", new dev.nlpipe.core.doc.SparseVector(new int[0], new double[0]));
        dev.nlpipe.core.model.TextClassifier.Scored scored = c.score(java.util.List.of(doc)).get(0);
        org.junit.jupiter.api.Assertions.assertEquals(scored.scores()[0], scored.scores()[1], "the probabilities tie");
        org.junit.jupiter.api.Assertions.assertEquals(1, scored.predicted());
        org.junit.jupiter.api.Assertions.assertEquals("b", doc.setLabels(c.labelScores(scored)).topLabel());
        org.junit.jupiter.api.Assertions.assertEquals("b", doc.setLabels(c.labelScores(doc)).topLabel());
    }

    @Test
    void oneVsRestProbabilitiesStayNumbersWhenEveryMarginIsFarBelowZero() {
        // a long document counted without normalization: each sigmoid underflows to 0, and so did their sum (NaN scores)
        LinearModel m = new LinearModel(LinearModel.Loss.of("logistic"), 3, false, new double[][] {{-0.5}, {-0.4}, {-0.6}},
                new double[] {0, 0, 0});
        double[] p = m.scores(new dev.nlpipe.core.doc.SparseVector(new int[] {0}, new double[] {2000}));
        org.junit.jupiter.api.Assertions.assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        org.junit.jupiter.api.Assertions.assertTrue(p[1] > 0.99, java.util.Arrays.toString(p));
        org.junit.jupiter.api.Assertions.assertEquals(1, m.predict(new dev.nlpipe.core.doc.SparseVector(new int[] {0}, new double[] {2000})));
    }

    @Test
    void balancedOneVsRestWeighsEachSubProblemAsScikitLearnDoes() {
        // classes of 10, 20 and 30 rows; class 0 against the rest
        int[] y = new int[60];
        java.util.Arrays.fill(y, 10, 30, 1);
        java.util.Arrays.fill(y, 30, 60, 2);
        // LogisticRegression(multi_class='ovr', class_weight='balanced') balances the binary labels: 60/(2*10), 60/(2*50)
        double[] logistic = LinearFitter.oneVsRestWeights(y, 0, 3, LinearModel.Loss.of("logistic"));
        org.junit.jupiter.api.Assertions.assertEquals(3.0, logistic[0], 1e-12);
        org.junit.jupiter.api.Assertions.assertEquals(0.6, logistic[59], 1e-12);
        // liblinear (LinearSVC): the class keeps its 3-class weight 60/(3*10), the rest weigh 1
        double[] svm = LinearFitter.oneVsRestWeights(y, 0, 3, LinearModel.Loss.of("squared_hinge"));
        org.junit.jupiter.api.Assertions.assertEquals(2.0, svm[0], 1e-12);
        org.junit.jupiter.api.Assertions.assertEquals(1.0, svm[59], 1e-12);
    }
}
