package dev.nlpipe.bert.mlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.ShutdownGate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a masked-LM on sequences masked once and for all (the same positions and replacements every
 * epoch, so epochs compare): the accuracy of the top prediction at the masked positions, the mean
 * cross-entropy there, and its exponential, the perplexity.
 */
final class MlmEvaluation {
    private MlmEvaluation() {
    }

    /** Masks sequences once: sequence {@code i} with its own generator for {@code purpose}. */
    static List<Masking.Masked> fixed(List<MlmSequence> sequences, Masking masking, long seed, String purpose) {
        List<Masking.Masked> out = new ArrayList<>(sequences.size());
        for (int i = 0; i < sequences.size(); i++) {
            out.add(masking.mask(sequences.get(i), Masking.random(seed, purpose, 0, i)));
        }
        return out;
    }

    /** {@code accuracy}, {@code loss}, {@code perplexity} and {@code predicted} (the number of masked pieces); empty without data. */
    static Map<String, Double> score(MaskedLmNetwork net, List<Masking.Masked> data, int batchSize) {
        if (data.isEmpty()) {
            return Map.of();
        }
        NeuralEngine.noGrad();
        Integer[] order = new Integer[data.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> data.get(i).length()));
        double nll = 0;
        long correct = 0;
        long count = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            List<Masking.Masked> batch = new ArrayList<>();
            for (int i = from; i < Math.min(order.length, from + batchSize); i++) {
                batch.add(data.get(order[i]));
            }
            try (ShutdownGate.Registration step = ShutdownGate.global().step(); NDManager scope = net.params().manager().newSubManager()) {
                MaskedLmNetwork.Batch b = MaskedLmNetwork.batch(batch, scope);
                if (b.labels().getShape().get(0) == 0) {
                    continue;
                }
                NDArray logits = net.logits(b.ids(), b.lengths(), b.positions(), false);
                nll += logits.logSoftmax(1).gather(b.labels().reshape(-1, 1), 1).sum().getFloat() * -1.0;
                correct += logits.argMax(1).eq(b.labels()).sum().toType(ai.djl.ndarray.types.DataType.INT64, false).getLong();
                count += b.labels().getShape().get(0);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("accuracy", correct / (double) count);
        out.put("loss", nll / count);
        out.put("perplexity", Math.exp(nll / count));
        out.put("predicted", (double) count);
        return out;
    }
}
