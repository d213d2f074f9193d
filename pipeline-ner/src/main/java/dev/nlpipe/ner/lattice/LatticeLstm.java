package dev.nlpipe.ner.lattice;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One direction of Zhang and Yang's lattice LSTM (2018) over a padded batch. The character cell
 * (gates {@code i, o} and candidate {@code g} from the character input and the previous hidden
 * state) keeps a coupled forget gate {@code 1 - i} where no word ends:
 * <pre>c_e = (1 - i_e) ⊙ c_{e-1} + i_e ⊙ g_e</pre>
 * A lexicon word spanning characters {@code [b, e]} gets a word cell from its embedding
 * {@code w} and the states at its first character (eq. 13–14):
 * <pre>[i; f; g] = [σ; σ; tanh](W_w [w; h_b] + b_w),   c^w = f ⊙ c_b + i ⊙ g</pre>
 * and a gate {@code a = σ(W_a [x_e; c^w] + b_a)} (eq. 15); where words end at {@code e}, the
 * character's cell mixes its candidate and the word cells with weights exp-normalized per unit over
 * the character's input gate and the word gates (eq. 16–17, as the reference code normalizes the
 * gate values):
 * <pre>c_e = (exp(i_e) ⊙ g_e + Σ exp(a_k) ⊙ c^w_k) / (exp(i_e) + Σ exp(a_k)),   h_e = o_e ⊙ tanh(c_e)</pre>
 *
 * <p>The batch steps over character positions {@code t} together; at each step the words of all
 * sentences that end at {@code t} get their cells in one operation (their start states were
 * computed at earlier steps) and a 0/1 matrix of which sentence each word belongs to sums their
 * weighted cells per character, which is the masked softmax over each character's gates.
 *
 * <p>Weights ({@code (out, in)} matrices): {@code prefix.char.wih (3H, in)}, {@code .char.whh (3H, H)},
 * {@code .char.b (3H)} with gates in the order {@code i, o, g}; {@code .word.wih (3H, wordDim)},
 * {@code .word.whh (3H, H)}, {@code .word.b (3H)} in the order {@code i, f, g};
 * {@code .gate.wx (H, in)}, {@code .gate.wc (H, H)}, {@code .gate.b (H)}.
 */
final class LatticeLstm {
    private final Params params;
    private final String prefix;
    private final int hidden;

    /**
     * Creates the weights: uniform in ±1/√hidden as PyTorch's LSTM, or as the reference code starts them
     * ({@code orthogonal}): orthogonal input weights, recurrent weights one identity per gate, zero biases.
     */
    LatticeLstm(Params params, String prefix, int inputSize, int wordDim, int hidden, boolean orthogonal, Random rng) {
        this(params, prefix, hidden);
        Init uniform = Init.uniform(1.0 / Math.sqrt(hidden));
        Init input = orthogonal ? Init.orthogonal() : uniform;
        Init recurrent = orthogonal ? Init.stackedIdentity() : uniform;
        Init bias = orthogonal ? Init.zeros() : uniform;
        params.create(prefix + ".char.wih", new Shape(3L * hidden, inputSize), input, rng);
        params.create(prefix + ".char.whh", new Shape(3L * hidden, hidden), recurrent, rng);
        params.create(prefix + ".char.b", new Shape(3L * hidden), bias, rng);
        params.create(prefix + ".word.wih", new Shape(3L * hidden, wordDim), input, rng);
        params.create(prefix + ".word.whh", new Shape(3L * hidden, hidden), recurrent, rng);
        params.create(prefix + ".word.b", new Shape(3L * hidden), bias, rng);
        params.create(prefix + ".gate.wx", new Shape(hidden, inputSize), input, rng);
        params.create(prefix + ".gate.wc", new Shape(hidden, hidden), recurrent, rng);
        params.create(prefix + ".gate.b", new Shape(hidden), bias, rng);
    }

    private LatticeLstm(Params params, String prefix, int hidden) {
        this.params = params;
        this.prefix = prefix;
        this.hidden = hidden;
    }

    /** Binds to weights that exist in {@code params}. */
    static LatticeLstm bind(Params params, String prefix, int hidden) {
        params.get(prefix + ".gate.b");
        return new LatticeLstm(params, prefix, hidden);
    }

    /**
     * Runs the direction.
     *
     * @param x character inputs {@code (B, T, in)}, in this direction's order
     * @param words the embeddings of the batch's word occurrences {@code (N, wordDim)}, or {@code null} when there are none
     * @param steps where the words enter
     * @return hidden states {@code (B, T, H)}; values at padded positions are meaningless
     */
    NDArray forward(NDArray x, NDArray words, LatticeSteps steps) {
        NDManager m = x.getManager();
        long batch = x.getShape().get(0);
        int length = (int) x.getShape().get(1);
        NDArray charIn = Ops.linear(x, w("char.wih"), w("char.b")).transpose(1, 0, 2);
        NDArray gateIn = Ops.linear(x, w("gate.wx"), w("gate.b")).transpose(1, 0, 2);
        NDArray wordIn = words == null ? null : Ops.linear(words, w("word.wih"), w("word.b"));
        NDArray h = m.zeros(new Shape(batch, hidden), x.getDataType());
        NDArray c = h;
        List<NDArray> states = new ArrayList<>(length);
        NDList outputs = new NDList(length);
        for (int t = 0; t < length; t++) {
            NDList gates = charIn.get(t).add(Ops.linear(h, w("char.whh"), null)).split(3, 1);
            NDArray i = Activation.sigmoid(gates.get(0));
            NDArray o = Activation.sigmoid(gates.get(1));
            NDArray g = gates.get(2).tanh();
            NDArray plain = c.sub(c.mul(i)).add(i.mul(g));
            if (steps.rows[t].length == 0) {
                c = plain;
            } else {
                c = withWords(m, t, batch, i, g, plain, gateIn.get(t), wordIn, states, steps);
            }
            h = o.mul(c.tanh());
            outputs.add(h);
            states.add(h.concat(c, 1));
        }
        return NDArrays.stack(outputs, 1);
    }

    /** The cells of step {@code t}, where at least one sentence has words ending. */
    private NDArray withWords(NDManager m, int t, long batch, NDArray i, NDArray g, NDArray plain, NDArray gateIn, NDArray wordIn,
                              List<NDArray> states, LatticeSteps steps) {
        int[] rows = steps.rows[t];
        int[] starts = steps.starts[t];
        int n = rows.length;
        int first = t;
        for (int s : starts) {
            first = Math.min(first, s);
        }
        // Only the window of steps the words start in is stacked, so a step costs the longest word, not the sentence.
        NDArray window = NDArrays.stack(new NDList(states.subList(first, t)), 0).reshape(-1, 2L * hidden);
        long[] at = new long[n];
        long[] owner = new long[n];
        long[] occurrence = new long[n];
        float[] member = new float[(int) batch * n];
        float[] hasWords = new float[(int) batch];
        for (int k = 0; k < n; k++) {
            at[k] = (starts[k] - first) * batch + rows[k];
            owner[k] = rows[k];
            occurrence[k] = steps.occurrences[t][k];
            member[rows[k] * n + k] = 1;
            hasWords[rows[k]] = 1;
        }
        NDList start = Ops.embedding(m.create(at), window).split(2, 1);
        NDList wg = Ops.embedding(m.create(occurrence), wordIn).add(Ops.linear(start.get(0), w("word.whh"), null)).split(3, 1);
        NDArray wordCell = Activation.sigmoid(wg.get(1)).mul(start.get(1)).add(Activation.sigmoid(wg.get(0)).mul(wg.get(2).tanh()));
        NDArray gate = Activation.sigmoid(Ops.embedding(m.create(owner), gateIn).add(Ops.linear(wordCell, w("gate.wc"), null)));
        NDArray weight = gate.exp();
        NDArray sum = m.create(member, new Shape(batch, n)).toType(i.getDataType(), false);
        NDArray ei = i.exp();
        NDArray mixed = ei.mul(g).add(sum.matMul(weight.mul(wordCell))).div(ei.add(sum.matMul(weight)));
        NDArray mask = m.create(hasWords, new Shape(batch, 1)).toType(i.getDataType(), false);
        return plain.add(mask.mul(mixed.sub(plain)));
    }

    private NDArray w(String name) {
        return params.get(prefix + "." + name);
    }
}
