package dev.nlpipe.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    /**
     * gold a a a b b c, predicted a a b b c c:
     * a: P 2/2, R 2/3, F1 0.8; b: P 1/2, R 1/2, F1 0.5; c: P 1/2, R 1/1, F1 2/3.
     * accuracy 4/6; macro F1 (0.8 + 0.5 + 2/3) / 3; weighted (0.8·3 + 0.5·2 + 2/3) / 6.
     */
    @Test
    void perClassAndAveragedScoresMatchHandCounts() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1, 1, 2},
                new int[] {0, 0, 1, 1, 2, 2});
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
        assertEquals(1.0, m.precision(0), 1e-12);
        assertEquals(2.0 / 3, m.recall(0), 1e-12);
        assertEquals(0.8, m.f1(0), 1e-12);
        assertEquals(0.5, m.f1(1), 1e-12);
        assertEquals(2.0 / 3, m.f1(2), 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-12);
        assertEquals((0.8 * 3 + 0.5 * 2 + 2.0 / 3) / 6, m.weightedF1(), 1e-12);
        assertEquals(m.accuracy(), m.microF1(), 1e-12);
        assertEquals(1, m.confusion()[0][1]);
        Map<String, Object> json = m.toMap();
        assertEquals(m.macroF1(), (Double) json.get("macro_f1"), 1e-12);
        assertEquals(List.of(List.of(2L, 1L, 0L), List.of(0L, 1L, 1L), List.of(0L, 0L, 1L)), json.get("confusion"));
        assertTrue(m.format().contains("macro avg"));
    }

    @Test
    void undefinedPrecisionIsZero() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of("x", "y"), new int[] {0, 0}, new int[] {0, 0});
        assertEquals(0.0, m.precision(1));
        assertEquals(0.0, m.f1(1));
        assertEquals(1.0, m.macroF1(), 1e-12, "y is in neither gold nor predictions: scikit-learn leaves it out of the mean");
    }

    @Test
    void macroAveragesLeaveOutClassesNeitherInGoldNorPredicted() {
        // the model knows a, b, c; this data has a, a, b, b, predicted a, b, b, b: sklearn's f1_score(average='macro')
        // averages a (2/3) and b (0.8) only: 0.7333; precision (1 + 2/3) / 2, recall (0.5 + 1) / 2
        ClassificationMetrics m = ClassificationMetrics.of(List.of("a", "b", "c"), new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1});
        assertEquals((2.0 / 3 + 0.8) / 2, m.macroF1(), 1e-12);
        assertEquals((1 + 2.0 / 3) / 2, m.macroPrecision(), 1e-12);
        assertEquals(0.75, m.macroRecall(), 1e-12);
        assertEquals((2.0 / 3 * 2 + 0.8 * 2) / 4, m.weightedF1(), 1e-12, "the weighted mean was unaffected");
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // positives 0.9, 0.4; negatives 0.4, 0.1: pairs (0.9>0.4) (0.9>0.1) (0.4=0.4 → ½) (0.4>0.1) = 3.5 / 4
        assertEquals(0.875, RocAuc.of(new double[] {0.9, 0.4, 0.4, 0.1}, new boolean[] {true, true, false, false}), 1e-12);
        assertEquals(1.0, RocAuc.of(new double[] {3, 2, 1}, new boolean[] {true, false, false}), 1e-12);
        assertTrue(Double.isNaN(RocAuc.of(new double[] {1, 2}, new boolean[] {true, true})));
        // a NaN score has no rank: no AUC, whatever the order (it gave 0.75 or 0.5 by the order of the labels)
        assertTrue(Double.isNaN(RocAuc.of(new double[] {Double.NaN, Double.NaN, 1, 0}, new boolean[] {false, true, true, false})));
    }
}
