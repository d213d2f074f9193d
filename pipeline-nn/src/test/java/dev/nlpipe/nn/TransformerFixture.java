package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * PyTorch's reference values for the transformer blocks, written by
 * {@code src/test/resources/transformer/make_fixture.py} (see there to regenerate), and the
 * comparisons the parity tests make.
 */
final class TransformerFixture {
    /** The largest |Δ| a float32 result may differ from PyTorch's by. */
    static final double TOLERANCE = 1e-5;
    private static Map<String, TensorFile.Tensor> tensors;

    private TransformerFixture() {
    }

    static synchronized Map<String, TensorFile.Tensor> tensors() {
        if (tensors == null) {
            try {
                tensors = TensorFile.read(Path.of(TransformerFixture.class.getResource("/transformer/fixture.bin").toURI()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return tensors;
    }

    static TensorFile.Tensor get(String name) {
        TensorFile.Tensor t = tensors().get(name);
        if (t == null) {
            throw new IllegalArgumentException("the fixture has no tensor '" + name + "'; regenerate it with make_fixture.py");
        }
        return t;
    }

    /** A fixture tensor as an array in {@code manager}. */
    static NDArray array(NDManager manager, String name) {
        TensorFile.Tensor t = get(name);
        return manager.create(t.values(), new Shape(t.shape()));
    }

    /** A fixture tensor's values as ints (lengths, positions). */
    static int[] ints(String name) {
        float[] v = get(name).values();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.round(v[i]);
        }
        return out;
    }

    /**
     * The weights of a case, {@code prefix.*.weight} and {@code prefix.*.bias} (never its
     * {@code grad.*}), under their fixture names, in a new trainable {@link Params}.
     */
    static Params weights(String prefix) {
        Params p = new Params(Device.cpu(), true);
        for (Map.Entry<String, TensorFile.Tensor> e : tensors().entrySet()) {
            String n = e.getKey();
            if (n.startsWith(prefix + ".") && !n.startsWith(prefix + ".grad.") && (n.endsWith(".weight") || n.endsWith(".bias"))) {
                p.put(n, new Shape(e.getValue().shape()), e.getValue().values());
            }
        }
        return p;
    }

    /** The largest |expected - actual| after checking that the shapes agree. */
    static double maxDiff(String expected, NDArray actual) {
        TensorFile.Tensor t = get(expected);
        assertArrayEquals(t.shape(), actual.getShape().getShape(), "shape of " + expected);
        float[] a = actual.toFloatArray();
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) t.values()[i] - a[i]));
        }
        return max;
    }

    /** Asserts that {@code actual} is PyTorch's {@code expected} within {@link #TOLERANCE}; returns the |Δ|. */
    static double assertClose(String expected, NDArray actual) {
        double d = maxDiff(expected, actual);
        System.out.printf("parity %-45s max |Δ| %.3g%n", expected, d);
        assertTrue(d <= TOLERANCE, expected + ": max |Δ| " + d + " above " + TOLERANCE);
        return d;
    }

    /**
     * Asserts every weight gradient of a case ({@code prefix.grad.NAME} against the gradient of
     * weight {@code prefix.NAME}); returns the largest |Δ|.
     */
    static double assertWeightGradients(String prefix, Params params) {
        double max = 0;
        for (String name : params.names()) {
            max = Math.max(max, assertClose(prefix + ".grad." + name.substring(prefix.length() + 1), params.get(name).getGradient()));
        }
        return max;
    }

    /** The scalar loss the fixture differentiates: {@code sum(out * proj)}. */
    static NDArray loss(NDArray out, String prefix) {
        return out.mul(array(out.getManager(), prefix + ".proj")).sum();
    }
}
