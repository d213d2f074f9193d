package dev.nlpipe.nn.bert.onnx;

import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.BertConfig;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weights and sizes of a BERT encoder exported to ONNX from Hugging Face's {@code BertModel}
 * (as the Maven model jars of bge and MiniLM hold them). Named initializers keep their names
 * ({@code encoder.layer.0.attention.self.query.bias}); the matrices of {@code MatMul} nodes are
 * anonymous ({@code onnx::MatMul_541}), so each is named after its node
 * ({@code /encoder/layer.0/attention/self/query/MatMul} → {@code ...query.weight}) and transposed
 * from ONNX's {@code (in, out)} to PyTorch's {@code (out, in)}. The sizes come from the shapes; the
 * head count from the attention's {@code 1/√d} scale; the LayerNorm epsilon from its constant.
 *
 * @param config the encoder's sizes (dropouts BERT's defaults)
 * @param weights the weights under Hugging Face's names
 */
public record OnnxBertWeights(BertConfig config, Map<String, TensorFile.Tensor> weights) {
    private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");

    /**
     * Reads the encoder from a graph.
     *
     * @throws IOException saying what the graph lacks to be a BERT encoder
     */
    public static OnnxBertWeights of(OnnxGraph graph) throws IOException {
        Map<String, TensorFile.Tensor> weights = new LinkedHashMap<>();
        for (OnnxTensor t : graph.initializers().values()) {
            if (isModuleWeight(t.name()) && t.isFloating()) {
                weights.put(t.name(), new TensorFile.Tensor(t.dims(), t.toFloats()));
            }
        }
        for (OnnxNode n : graph.nodes()) {
            if ((n.op().equals("MatMul") || n.op().equals("Gemm")) && n.inputs().size() >= 2
                    && graph.initializers().containsKey(n.inputs().get(1))) {
                String module = modulePath(n.name());
                OnnxTensor w = graph.initializers().get(n.inputs().get(1));
                boolean transposed = n.op().equals("Gemm") && n.ints().getOrDefault("transB", 0L) == 1;
                weights.put(module + ".weight", transposed ? new TensorFile.Tensor(w.dims(), w.toFloats()) : transpose(w));
                if (n.op().equals("Gemm") && n.inputs().size() > 2 && graph.initializers().containsKey(n.inputs().get(2))
                        && !weights.containsKey(module + ".bias")) {
                    OnnxTensor b = graph.initializers().get(n.inputs().get(2));
                    weights.put(module + ".bias", new TensorFile.Tensor(b.dims(), b.toFloats()));
                }
            }
        }
        checkExactGelu(graph);
        return new OnnxBertWeights(config(graph, weights), weights);
    }

    /**
     * Refuses a graph whose activation is not BERT's exact GELU, the one nlpipe's encoder computes:
     * exports compute it with {@code Erf}, or from opset 20 with ONNX's {@code Gelu} operator, whose
     * {@code approximate} is {@code none} (the default) for it and {@code tanh} for the approximation.
     *
     * @throws IOException saying which activation the graph has instead
     */
    static void checkExactGelu(OnnxGraph graph) throws IOException {
        boolean exact = false;
        for (OnnxNode n : graph.nodes()) {
            if (n.op().equals("Gelu") && n.isStandard()) {
                String approximate = n.strings().getOrDefault("approximate", "none");
                if (!approximate.equals("none")) {
                    throw new IOException("the graph's Gelu node " + n.name() + " has approximate=\"" + approximate + "\": its activation"
                            + " is an approximation of gelu, not BERT's exact gelu, which nlpipe's encoder computes (an encoder"
                            + " trained with hidden_act gelu_new or gelu_pytorch_tanh is not imported)");
                }
                exact = true;
            } else if (n.op().equals("Erf")) {
                exact = true;
            }
        }
        if (!exact) {
            throw new IOException("the graph has neither an Erf operator nor ONNX's Gelu: its activation is not BERT's exact gelu (a"
                    + " tanh approximation or another activation), which nlpipe's encoder does not compute");
        }
    }

    /** Module weights, not buffers such as {@code embeddings.position_ids} (int64). */
    private static boolean isModuleWeight(String name) {
        return name.startsWith("embeddings.") || name.startsWith("encoder.layer.") || name.startsWith("pooler.");
    }

    /** {@code /encoder/layer.0/attention/self/query/MatMul} → {@code encoder.layer.0.attention.self.query}. */
    private static String modulePath(String node) {
        String p = node.startsWith("/") ? node.substring(1) : node;
        int last = p.lastIndexOf('/');
        return (last < 0 ? p : p.substring(0, last)).replace('/', '.');
    }

    private static TensorFile.Tensor transpose(OnnxTensor w) {
        if (w.dims().length != 2) {
            throw new IllegalArgumentException("matrix '" + w.name() + "' is not two-dimensional");
        }
        int rows = (int) w.dims()[0];
        int cols = (int) w.dims()[1];
        float[] v = w.toFloats();
        float[] t = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = v[r * cols + c];
            }
        }
        return new TensorFile.Tensor(new long[] {cols, rows}, t);
    }

    private static BertConfig config(OnnxGraph graph, Map<String, TensorFile.Tensor> w) throws IOException {
        long[] words = shape(w, "embeddings.word_embeddings.weight");
        long[] positions = shape(w, "embeddings.position_embeddings.weight");
        long[] types = shape(w, "embeddings.token_type_embeddings.weight");
        long[] intermediate = shape(w, "encoder.layer.0.intermediate.dense.weight");
        TreeSet<Integer> layers = new TreeSet<>();
        for (String name : w.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.find()) {
                layers.add(Integer.parseInt(m.group(1)));
            }
        }
        int hidden = (int) words[1];
        boolean pooler = w.containsKey("pooler.dense.weight");
        return new BertConfig((int) words[0], hidden, layers.size(), heads(graph, hidden), (int) intermediate[0], (int) positions[0],
                (int) types[0], 0.1f, 0.1f, epsilon(graph), pooler);
    }

    private static long[] shape(Map<String, TensorFile.Tensor> w, String name) throws IOException {
        TensorFile.Tensor t = w.get(name);
        if (t == null) {
            throw new IOException("the graph has no '" + name + "'; it is not an ONNX export of a Hugging Face BertModel (a task"
                    + " model's export or a quantized one, such as the -q model jars, is not read: import the model's Hugging Face"
                    + " directory or its unquantized jar)");
        }
        return t.shape();
    }

    /** The head count from the first layer's score scale: a divisor {@code √(hidden / heads)} or its inverse as a factor. */
    static int heads(OnnxGraph graph, int hidden) throws IOException {
        for (OnnxNode n : graph.nodes()) {
            if (n.op().equals("Constant") && n.name().startsWith("/encoder/layer.0/attention/self/") && n.tensors().containsKey("value")) {
                OnnxTensor v = n.tensors().get("value");
                if (v.size() == 1 && v.isFloating()) {
                    double s = v.toFloats()[0];
                    // a float16 or bfloat16 graph keeps √d rounded to 11 or 8 significant bits (√32 as 5.65625), so its square
                    // is d only within twice that rounding
                    double rounding = v.dataType() == OnnxTensor.FLOAT16 ? 0x1p-11 : v.dataType() == OnnxTensor.BFLOAT16 ? 0x1p-8 : 0;
                    // a divisor √d (older exports), or a factor 1/√d (exports that multiply by the scaling)
                    for (double squared : new double[] {s * s, s > 0 ? 1 / (s * s) : 0}) {
                        long headSize = Math.round(squared);
                        double tolerance = Math.max(1e-3, squared * 2.5 * rounding);
                        if (headSize > 1 && Math.abs(squared - headSize) < tolerance && hidden % headSize == 0) {
                            return (int) (hidden / headSize);
                        }
                    }
                }
            }
        }
        throw new IOException("cannot tell the number of attention heads from the graph (no 1/sqrt(head size) constant in"
                + " /encoder/layer.0/attention/self); import the Hugging Face directory instead, whose config.json says it");
    }

    /**
     * The LayerNorm epsilon: a fused LayerNormalization's attribute (ONNX's default, 1e-5, when it has
     * none), or the constant added to the variance; BERT's 1e-12 when the graph shows neither.
     */
    static double epsilon(OnnxGraph graph) {
        for (OnnxNode n : graph.nodes()) {
            if (n.op().equals("LayerNormalization")) {
                return n.floats().containsKey("epsilon") ? n.floats().get("epsilon") : 1e-5;
            }
            if (n.op().equals("Constant") && n.name().startsWith("/embeddings/LayerNorm/") && n.tensors().containsKey("value")) {
                OnnxTensor v = n.tensors().get("value");
                if (v.size() == 1 && v.isFloating()) {
                    float f = v.toFloats()[0];
                    if (f > 0 && f < 1e-3) {
                        return Double.parseDouble(Float.toString(f));
                    }
                }
            }
        }
        return 1e-12;
    }
}
