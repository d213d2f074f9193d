package dev.nlpipe.classify.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.classify.LabelSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsAndThresholdTest {

    @Test
    void stratifiedSplitKeepsProportionsAndIsReproducible() {
        int[] y = new int[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 10 == 0 ? 1 : 0;
        }
        int[][] parts = Splits.stratified(y, 2, new double[] {0.8, 0.1, 0.1}, 42);
        assertEquals(800, parts[0].length);
        assertEquals(100, parts[1].length);
        assertEquals(100, parts[2].length);
        for (int[] part : parts) {
            long positives = Arrays.stream(part).filter(i -> y[i] == 1).count();
            assertEquals(part.length / 10, positives, "10% positives in every part");
        }
        assertArrayEquals(parts[1], Splits.stratified(y, 2, new double[] {0.8, 0.1, 0.1}, 42)[1]);
        assertTrue(!Arrays.equals(parts[1], Splits.stratified(y, 2, new double[] {0.8, 0.1, 0.1}, 7)[1]), "the seed matters");
        int[] all = Arrays.stream(parts).flatMapToInt(Arrays::stream).sorted().toArray();
        assertEquals(1000, Arrays.stream(all).distinct().count(), "a partition");
    }

    @Test
    void foldsAreStratified() {
        int[] y = new int[90];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
        }
        int[] fold = Splits.folds(y, 3, 5, 1);
        for (int f = 0; f < 5; f++) {
            int[] in = Splits.select(fold, f, true);
            assertEquals(18, in.length);
            for (int c = 0; c < 3; c++) {
                int cls = c;
                assertEquals(6, Arrays.stream(in).filter(i -> y[i] == cls).count());
            }
            assertEquals(72, Splits.select(fold, f, false).length);
        }
    }

    @Test
    void thresholdMaximizesPositiveF1() {
        // Positives score 0.5, -0.2, -0.4; negatives -0.3, -1, -2. Threshold 0 finds one of three (F1 0.5);
        // predicting the top four (threshold between -0.4 and -1) finds all three with one false positive (F1 6/7).
        double[] decision = {0.5, -0.2, -0.3, -0.4, -1.0, -2.0};
        boolean[] positive = {true, true, false, true, false, false};
        ThresholdSearch.Result r = ThresholdSearch.search(decision, positive);
        assertEquals(6.0 / 7.0, r.f1(), 1e-12);
        assertEquals(-0.7, r.threshold(), 1e-12);
        assertEquals(0.5, r.defaultF1(), 1e-12);
    }

    @Test
    void labelsSortNumericallyAndPutThePositiveSecond() {
        assertEquals(List.of("2", "10"), LabelSet.of(List.of("10", "2"), null).labels());
        assertEquals(List.of("b", "a"), LabelSet.of(List.of("a", "b"), "a").labels());
        assertEquals(List.of("neg", "pos"), LabelSet.of(List.of("pos", "neg"), null).labels());
        assertEquals(List.of("Ｚ", "😀"), LabelSet.of(List.of("😀", "Ｚ"), null).labels(), "code point order, as Python's sorted()");
    }

    @Test
    void heldOutDataWithoutPositivesKeepsTheThresholdAtZero() {
        ThresholdSearch.Result r = ThresholdSearch.search(new double[] {-1, 0.5, 2}, new boolean[] {false, false, false});
        assertEquals(0, r.threshold(), "not above every value, which would never predict the class");
        assertEquals(0, r.f1());
    }
}
