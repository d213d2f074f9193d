package dev.nlpipe.nn;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/**
 * Runs a network over examples in inference mode, batched by length (so little is padded), and
 * gives the results back in input order.
 */
public final class LengthBatches {
    private LengthBatches() {
    }

    /**
     * One result per example, in input order: the examples are grouped by {@link BatchPlan#sorted},
     * and each group runs in its own sub-manager of the weights' manager (the weights attached to
     * it), closed after the group, with gradients off. The caller's thread must own the weights.
     *
     * @param params the weights the network reads
     * @param length the length of an example
     * @param batchSize examples per forward pass
     * @param run the results of one group, in the group's order; arrays it makes go in the given scope
     */
    public static <E> int[][] map(Params params, List<E> examples, ToIntFunction<E> length, int batchSize,
                                  BiFunction<List<E>, NDManager, int[][]> run) {
        NeuralEngine.noGrad();
        int[] lengths = examples.stream().mapToInt(length).toArray();
        int[][] out = new int[examples.size()][];
        for (int[] b : BatchPlan.sorted(lengths, batchSize)) {
            try (NDManager scope = params.manager().newSubManager()) {
                params.attachTo(scope);
                int[][] results = run.apply(Arrays.stream(b).mapToObj(examples::get).toList(), scope);
                for (int i = 0; i < b.length; i++) {
                    out[b[i]] = results[i];
                }
            }
        }
        return out;
    }
}
