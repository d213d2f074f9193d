package dev.nlpipe.nn.bert.onnx;

import java.util.List;
import java.util.Map;

/**
 * An operator of an ONNX graph.
 *
 * @param name the node's name (exporters from PyTorch write the module path, e.g.
 *     {@code /encoder/layer.0/attention/self/query/MatMul})
 * @param op the operator ({@code MatMul}, {@code Constant}...)
 * @param inputs the names of its inputs
 * @param outputs the names of its outputs
 * @param floats its float attributes (e.g. {@code epsilon})
 * @param ints its integer attributes (e.g. {@code transB})
 * @param tensors its tensor attributes (a constant's {@code value})
 * @param strings its string attributes (e.g. {@code Gelu}'s {@code approximate})
 * @param domain the operator set it is from: empty for ONNX's own ({@code ai.onnx}), {@code com.microsoft} for
 *     onnxruntime's fused operators
 */
public record OnnxNode(String name, String op, List<String> inputs, List<String> outputs, Map<String, Float> floats,
                       Map<String, Long> ints, Map<String, OnnxTensor> tensors, Map<String, String> strings, String domain) {
    /** Whether the operator is ONNX's own: no domain, or {@code ai.onnx}. */
    public boolean isStandard() {
        return domain.isEmpty() || domain.equals("ai.onnx");
    }
}
