package dev.nlpipe.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Mini-batches of example indices grouped by length, so that a batch pads little.
 *
 * <p>Training batches: the examples are shuffled, cut into pools of {@value #POOL} batches, each pool
 * is sorted by length and cut into batches, and the batch order is shuffled: similar lengths share a
 * batch while every epoch still sees a different mix. Evaluation batches are simply sorted by length.
 */
public final class BatchPlan {
    /** Batches per sorting pool. */
    static final int POOL = 50;

    private BatchPlan() {
    }

    /** Shuffled, length-bucketed batches for one training epoch. */
    public static List<int[]> shuffled(int[] lengths, int batchSize, Random rng) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, lengths.length).boxed().toList());
        Collections.shuffle(order, rng);
        List<int[]> batches = new ArrayList<>();
        // long: a batchSize asked to hold the whole corpus (1e9) would wrap the pool's size negative
        long pool = (long) batchSize * POOL;
        for (int from = 0; from < order.size(); ) {
            int to = (int) Math.min(order.size(), from + pool);
            List<Integer> chunk = new ArrayList<>(order.subList(from, to));
            chunk.sort(Comparator.comparingInt(i -> lengths[i]));
            cut(chunk, batchSize, batches);
            from = to;
        }
        Collections.shuffle(batches, rng);
        return batches;
    }

    /**
     * Batches of shuffled examples, whatever their lengths ({@code train.batches: random}): the batches
     * of PyTorch's {@code DataLoader(shuffle=True)}, which reference recipes train with.
     */
    public static List<int[]> random(int size, int batchSize, Random rng) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(order, rng);
        List<int[]> batches = new ArrayList<>();
        cut(order, batchSize, batches);
        return batches;
    }

    /** Batches in order of length (stable), for evaluation and inference. */
    public static List<int[]> sorted(int[] lengths, int batchSize) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, lengths.length).boxed().toList());
        order.sort(Comparator.comparingInt(i -> lengths[i]));
        List<int[]> batches = new ArrayList<>();
        cut(order, batchSize, batches);
        return batches;
    }

    private static void cut(List<Integer> order, int batchSize, List<int[]> out) {
        for (int i = 0; i < order.size(); i += batchSize) {
            out.add(order.subList(i, Math.min(order.size(), i + batchSize)).stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The share of padding positions in these batches (0 = none), for the log. */
    public static double paddingRatio(int[] lengths, List<int[]> batches) {
        long real = 0;
        long padded = 0;
        for (int[] b : batches) {
            int max = 0;
            for (int i : b) {
                real += lengths[i];
                max = Math.max(max, lengths[i]);
            }
            padded += (long) max * b.length;
        }
        return padded == 0 ? 0 : 1.0 - real / (double) padded;
    }
}
