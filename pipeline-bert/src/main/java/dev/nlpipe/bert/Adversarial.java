package dev.nlpipe.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adversarial training on the word embeddings: after the clean pass's backward, the embedding
 * table is pushed along its gradient and the loss of the perturbed model is back-propagated too,
 * its gradients adding to the clean ones; then the table is restored. FGM (Miyato et al.) takes
 * one step of size {@code epsilon}; PGD (Madry et al., as used for BERT) takes {@code steps} steps
 * of size {@code alpha}, projected back into the ball of radius {@code epsilon}, and keeps the
 * gradients of the last one.
 *
 * @param method {@code none}, {@code fgm} or {@code pgd}
 * @param epsilon the perturbation's L2 norm (FGM) or its largest norm (PGD)
 * @param steps PGD's steps
 * @param alpha PGD's step size
 */
public record Adversarial(String method, double epsilon, int steps, double alpha) {
    /** No adversarial training. */
    public static final Adversarial NONE = new Adversarial("none", 0, 0, 0);

    /**
     * Reads the {@code adversarial:} option: {@code {method: fgm|pgd, epsilon: 1.0, steps: 3, alpha: 0.3}}.
     *
     * @throws dev.nlpipe.core.config.ConfigException located at the option when a value is wrong
     */
    public static Adversarial from(Options o, String key) {
        Map<String, Object> m = o.getMap(key);
        if (m == null || m.isEmpty()) {
            return NONE;
        }
        for (String k : m.keySet()) {
            if (!java.util.List.of("method", "epsilon", "steps", "alpha").contains(k)) {
                throw o.error(key, "unknown key '" + k + "' (valid: method, epsilon, steps, alpha)");
            }
        }
        String method = String.valueOf(m.getOrDefault("method", "fgm")).toLowerCase(Locale.ROOT);
        if (!method.equals("fgm") && !method.equals("pgd") && !method.equals("none")) {
            throw o.error(key, "method must be fgm, pgd or none, not '" + method + "'");
        }
        if (!method.equals("pgd") && (m.containsKey("steps") || m.containsKey("alpha"))) {
            // FGM takes one step of size epsilon: steps and alpha would be ignored while the user thinks they tuned them
            throw o.error(key, "steps and alpha are PGD's (method: pgd); " + method + " takes one step of size epsilon");
        }
        double epsilon = number(o, key, m, "epsilon", 1.0);
        double stepsGiven = number(o, key, m, "steps", 3);
        double alpha = number(o, key, m, "alpha", 0.3);
        // an infinite epsilon left the restored table NaN (inf - inf) and the run stopped as "diverged"; 2.5 steps ran 2
        if (!(epsilon > 0) || !Double.isFinite(epsilon) || !(alpha > 0) || !Double.isFinite(alpha)
                || !(stepsGiven >= 1) || stepsGiven != Math.rint(stepsGiven) || stepsGiven > 1000) {
            throw o.error(key, "epsilon and alpha must be finite numbers above 0 and steps a whole number from 1 to 1000");
        }
        int steps = (int) stepsGiven;
        return method.equals("none") ? NONE : new Adversarial(method, epsilon, steps, alpha);
    }

    private static double number(Options o, String key, Map<String, Object> m, String name, double fallback) {
        Object v = m.getOrDefault(name, fallback);
        if (!(v instanceof Number n)) {
            throw o.error(key, name + " must be a number, not '" + v + "'");
        }
        return n.doubleValue();
    }

    /** Whether a perturbed pass is made. */
    public boolean active() {
        return !method.equals("none");
    }

    /** The settings as recorded in {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        if (active()) {
            m.put("epsilon", epsilon);
            if (method.equals("pgd")) {
                m.put("steps", steps);
                m.put("alpha", alpha);
            }
        }
        return m;
    }

    /**
     * Adds the gradients of the perturbed passes to those of the clean pass, already in the weights.
     * Call after the clean backward, in the batch's scope, outside any gradient collector.
     *
     * @param table the word-embedding table's weight name
     * @param pass a forward pass in training mode returning the loss
     * @param scale multiplies each perturbed loss before its backward pass (gradient accumulation)
     * @param before the table's gradient before this batch's clean pass (what earlier batches of an
     *     accumulated step left), or {@code null} when it was zero: the perturbation follows this
     *     batch's own gradient, not the step's sum so far
     */
    public void addPerturbedGradients(Params params, String table, Supplier<NDArray> pass, float scale, NDArray before) {
        if (!active()) {
            return;
        }
        NDArray w = params.get(table);
        NDArray own = before == null ? w.getGradient() : w.getGradient().sub(before);
        // restored from a copy: subtracting the step again would leave rounding errors that build up over training
        NDArray original = w.duplicate();
        if (method.equals("fgm")) {
            NDArray r = step(own, epsilon);
            if (r != null) {
                w.addi(r);
                backward(pass, scale);
                restore(w, original);
            }
            return;
        }
        Map<String, NDArray> clean = new LinkedHashMap<>();
        for (String name : params.trainableNames()) {
            NDArray g = params.gradient(name);
            if (g != null) {
                clean.put(name, g.duplicate());
            }
        }
        boolean perturbed = false;
        for (int t = 0; t < steps; t++) {
            // after the first step the gradients were cleared: the table's is that step's pass alone
            NDArray r = step(t == 0 ? own : w.getGradient(), alpha);
            if (r == null) {
                break;
            }
            w.addi(r);
            NDArray d = w.sub(original);
            double norm = d.norm().getFloat();
            if (norm > epsilon) {
                w.subi(d).addi(Ops.times(d, (float) (epsilon / norm)));
            }
            // each step's gradient is taken alone (the next step follows it); the last one's is kept
            clean.keySet().forEach(name -> params.gradient(name).subi(params.gradient(name)));
            backward(pass, scale);
            perturbed = true;
        }
        if (perturbed) {
            // the clean pass's gradients beside the last perturbed pass's, however many steps ran
            clean.forEach((name, g) -> params.gradient(name).addi(g));
        }
        restore(w, original);
    }

    /** Puts {@code original}'s values back into {@code w} in place, on its device (w − w is exactly 0 for finite w). */
    private static void restore(NDArray w, NDArray original) {
        w.subi(w).addi(original);
    }

    /** {@code size · g / ||g||} for a gradient of the table, or {@code null} when it is zero or not finite. */
    private static NDArray step(NDArray g, double size) {
        double norm = g.norm().getFloat();
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return null;
        }
        return Ops.times(g, (float) (size / norm));
    }

    private static void backward(Supplier<NDArray> pass, float scale) {
        try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
            NDArray l = pass.get();
            gc.backward(scale == 1f ? l : Ops.times(l, scale));
        }
    }
}
