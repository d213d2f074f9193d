package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    private static int[] lengths(int n, long seed) {
        Random r = new Random(seed);
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = 1 + r.nextInt(100);
        }
        return l;
    }

    private static void assertEveryExampleOnce(List<int[]> batches, int examples, int batchSize) {
        int[] seen = new int[examples];
        for (int[] b : batches) {
            assertTrue(b.length <= batchSize);
            for (int i : b) {
                seen[i]++;
            }
        }
        for (int s : seen) {
            assertEquals(1, s);
        }
    }

    @Test
    void everyExampleOnceAndLittlePadding() {
        int[] lengths = lengths(5000, 1);
        List<int[]> batches = BatchPlan.shuffled(lengths, 16, new Random(7));
        assertEveryExampleOnce(batches, lengths.length, 16);
        List<int[]> unsorted = BatchPlan.random(lengths.length, 16, new Random(7));
        assertEveryExampleOnce(unsorted, lengths.length, 16);
        double bucketed = BatchPlan.paddingRatio(lengths, batches);
        double random = BatchPlan.paddingRatio(lengths, unsorted);
        assertTrue(bucketed < 0.05 && random > 0.3, "padding " + bucketed + " bucketed vs " + random + " random");
    }

    @Test
    void aBatchLargerThanTheCorpusIsOneBatch() {
        // batchSize * 50 wrapped negative past 42,949,672: the first epoch failed with 'fromIndex(0) > toIndex(-1539607552)'
        int[] lengths = lengths(100, 5);
        List<int[]> batches = BatchPlan.shuffled(lengths, 1_000_000_000, new Random(1));
        assertEquals(1, batches.size());
        assertEveryExampleOnce(batches, lengths.length, 1_000_000_000);
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndEpochsDiffer() {
        int[] lengths = lengths(300, 2);
        List<int[]> a = BatchPlan.shuffled(lengths, 8, new Random(3));
        List<int[]> b = BatchPlan.shuffled(lengths, 8, new Random(3));
        List<int[]> c = BatchPlan.shuffled(lengths, 8, new Random(4));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        assertTrue(!Arrays.equals(a.get(0), c.get(0)) || !Arrays.equals(a.get(1), c.get(1)));
    }

    @Test
    void evaluationBatchesAreSortedByLength() {
        int[] lengths = {5, 1, 3, 3, 9};
        List<int[]> b = BatchPlan.sorted(lengths, 2);
        assertArrayEquals(new int[] {1, 2}, b.get(0));
        assertArrayEquals(new int[] {3, 0}, b.get(1));
        assertArrayEquals(new int[] {4}, b.get(2));
    }
}
