package dev.nlpipe.nn;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
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
     * @param run the results of one group, in the group's order; arrays it makes go in the given scope,
     *            so results must be plain Java values (tag ids, scores), not arrays of that scope
     */
    public static <E, R> List<R> map(Params params, List<E> examples, ToIntFunction<E> length, int batchSize,
                                     BiFunction<List<E>, NDManager, List<R>> run) {
        return map(examples, length, batchSize, () -> {
            NDManager scope = params.manager().newSubManager();
            params.attachTo(scope);
            return scope;
        }, run);
    }

    /**
     * One result per example, in input order, as {@link #map(Params, List, ToIntFunction, int, BiFunction)}
     * but each group in a new scope from {@code scopes}, for weights that several threads read at
     * once and so must not be attached to any one thread's scope.
     */
    public static <E, R> List<R> map(List<E> examples, ToIntFunction<E> length, int batchSize, Supplier<NDManager> scopes,
                                     BiFunction<List<E>, NDManager, List<R>> run) {
        NeuralEngine.noGrad();
        int[] lengths = examples.stream().mapToInt(length).toArray();
        List<R> out = new ArrayList<>(Collections.nCopies(examples.size(), null));
        for (int[] b : BatchPlan.sorted(lengths, batchSize)) {
            try (ShutdownGate.Registration step = ShutdownGate.global().step(); NDManager scope = scopes.get()) {
                List<R> results = run.apply(Arrays.stream(b).mapToObj(examples::get).toList(), scope);
                for (int i = 0; i < b.length; i++) {
                    out.set(b[i], results.get(i));
                }
            }
        }
        return out;
    }
}
