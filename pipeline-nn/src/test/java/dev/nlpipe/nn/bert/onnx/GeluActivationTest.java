package dev.nlpipe.nn.bert.onnx;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which activations of an ONNX export are BERT's exact GELU: Erf (opset < 20) or ONNX's Gelu (opset 20) without the tanh approximation. */
class GeluActivationTest {
    private static final String NODE = "/encoder/layer.0/intermediate/intermediate_act_fn/Gelu";

    @TempDir
    Path dir;

    /** The graph of a file holding this one node, read as model import reads it. */
    private OnnxGraph read(byte[] node) throws IOException {
        return OnnxGraph.read(Files.write(dir.resolve("gelu.onnx"), OnnxBytes.model(node)));
    }

    @Test
    void onnxsGeluIsExactUnlessItIsTheTanhApproximation() throws IOException {
        // what PyTorch's exporters write for aten::gelu at opset 20: approximate "none", or left out (its default)
        assertDoesNotThrow(() -> OnnxBertWeights.checkExactGelu(read(OnnxBytes.node(NODE, "Gelu", "",
                OnnxBytes.stringAttribute("approximate", "none")))));
        assertDoesNotThrow(() -> OnnxBertWeights.checkExactGelu(read(OnnxBytes.node(NODE, "Gelu", ""))));
        assertDoesNotThrow(() -> OnnxBertWeights.checkExactGelu(read(OnnxBytes.node(NODE, "Gelu", "ai.onnx"))));
        assertDoesNotThrow(() -> OnnxBertWeights.checkExactGelu(read(OnnxBytes.node("/Erf", "Erf", ""))));

        OnnxGraph tanh = read(OnnxBytes.node(NODE, "Gelu", "", OnnxBytes.stringAttribute("approximate", "tanh")));
        IOException e = assertThrows(IOException.class, () -> OnnxBertWeights.checkExactGelu(tanh));
        assertTrue(e.getMessage().contains(NODE + " has approximate=\"tanh\"") && e.getMessage().contains("not BERT's exact gelu"),
                e.getMessage());

        // onnxruntime's fused operator of the same name is not the graph nlpipe reads weights from
        OnnxGraph fused = read(OnnxBytes.node(NODE, "Gelu", "com.microsoft"));
        e = assertThrows(IOException.class, () -> OnnxBertWeights.checkExactGelu(fused));
        assertTrue(e.getMessage().contains("neither an Erf operator nor ONNX's Gelu"), e.getMessage());
    }
}
