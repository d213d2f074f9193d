package dev.nlpipe.nn;

import static dev.nlpipe.nn.TransformerFixture.array;
import static dev.nlpipe.nn.TransformerFixture.assertClose;
import static dev.nlpipe.nn.TransformerFixture.assertWeightGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelfAttentionTest {
    private static final int HIDDEN = 16;
    private static final int HEADS = 4;
    private static final int D = HIDDEN / HEADS;

    @Test
    void withAPaddingMaskMatchesPyTorchInValuesAndGradients() {
        NeuralEngine.noGrad();
        try (Params p = TransformerFixture.weights("attn"); NDManager m = p.manager().newSubManager()) {
            p.attachTo(m);
            SelfAttention attn = SelfAttention.bind(p, "attn", HIDDEN, HEADS, 0f);
            NDArray x = array(m, "attn.x");
            x.setRequiresGradient(true);
            NDArray mask = AttentionMask.fromLengths(m, TransformerFixture.ints("attn.lengths"), 5);
            try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                NDArray out = attn.forward(x, mask, null, false);
                assertClose("attn.out", out);
                gc.backward(TransformerFixture.loss(out, "attn"));
            }
            assertClose("attn.grad.x", x.getGradient());
            assertWeightGradients("attn", p);
        }
    }

    @Test
    void aQueryDependentRelativeTermMatchesPyTorchInValuesAndGradients() {
        NeuralEngine.noGrad();
        try (Params p = TransformerFixture.weights("rel"); NDManager m = p.manager().newSubManager()) {
            p.attachTo(m);
            SelfAttention attn = SelfAttention.bind(p, "rel", HIDDEN, HEADS, 0f);
            NDArray x = array(m, "rel.x");
            NDArray u = array(m, "rel.u");
            NDArray v = array(m, "rel.v");
            NDArray r = array(m, "rel.r");
            for (NDArray a : new NDArray[] {x, u, v, r}) {
                a.setRequiresGradient(true);
            }
            int heads = HEADS;
            int d = D;
            // FLAT's (q + v)·R_ij + u·k_j, as ScoreTerm's Javadoc writes it; r is shared by the heads.
            // Everything the term derives from r, u and v is computed inside it, so while the
            // gradient collector records.
            ScoreTerm flat = (q, k) -> {
                NDArray rel = r.reshape(1, 5, 5, 1, d);
                NDArray qv = q.add(v.reshape(1, heads, 1, d));
                NDArray bd = qv.transpose(0, 2, 1, 3).expandDims(2).mul(rel).sum(new int[] {4}).transpose(0, 3, 1, 2);
                NDArray uk = k.matMul(u.reshape(heads, d, 1)).transpose(0, 1, 3, 2);
                return bd.add(uk);
            };
            NDArray mask = AttentionMask.fromLengths(m, TransformerFixture.ints("rel.lengths"), 5);
            try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
                NDArray out = attn.forward(x, mask, flat, false);
                assertClose("rel.out", out);
                gc.backward(TransformerFixture.loss(out, "rel"));
            }
            assertClose("rel.grad.x", x.getGradient());
            assertClose("rel.grad.u", u.getGradient());
            assertClose("rel.grad.v", v.getGradient());
            assertClose("rel.grad.r", r.getGradient());
            assertWeightGradients("rel", p);
        }
    }

    @Test
    void attentionDropoutActsOnlyWhileTraining() {
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), false); NDManager m = p.manager().newSubManager()) {
            SelfAttention attn = new SelfAttention(p, "a", 8, 2, 0.5f, Init.normal(0.5), new Random(3));
            p.attachTo(m);
            NDArray x = m.randomNormal(new Shape(1, 6, 8));
            float[] eval1 = attn.forward(x, null, null, false).toFloatArray();
            float[] eval2 = attn.forward(x, null, null, false).toFloatArray();
            float[] train = attn.forward(x, null, null, true).toFloatArray();
            assertArrayEquals(eval1, eval2);
            assertFalse(Arrays.equals(eval1, train));
        }
    }
}
