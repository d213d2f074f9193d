package dev.nlpipe.nn.bert.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX files read as data: what a damaged file, another kind of file or a Git LFS pointer in place of one says. */
class OnnxGraphTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatIsNoOnnxModelIsNamedWithWhatToDo() throws IOException {
        byte[] whole = OnnxBytes.model(OnnxBytes.node("/encoder/layer.0/intermediate/intermediate_act_fn/Erf", "Erf", ""));
        assertEquals("Erf", OnnxGraph.read(Files.write(dir.resolve("whole.onnx"), whole)).nodes().get(0).op());

        Path cut = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(whole, whole.length - 3));
        Path html = Files.writeString(dir.resolve("page.onnx"), "<!DOCTYPE html><html><body>model.onnx</body></html>");
        for (Path damaged : new Path[] {cut, html}) {
            IOException e = assertThrows(IOException.class, () -> OnnxGraph.read(damaged));
            assertTrue(e.getMessage().startsWith(damaged + " is not a readable ONNX model") && e.getMessage().contains("download it again"),
                    e.getMessage());
        }

        // what `git clone` without git-lfs leaves in place of the model
        Path pointer = Files.writeString(dir.resolve("model.onnx"), "version https://git-lfs.github.com/spec/v1\n"
                + "oid sha256:4b2d5e0ba1f4e0a4b9cbd9b04d9bb8e5f5b1b7c1d8f0a1e2b3c4d5e6f7a8b9c0\nsize 133093490\n");
        IOException e = assertThrows(IOException.class, () -> OnnxGraph.read(pointer));
        assertTrue(e.getMessage().startsWith(pointer + " is a Git LFS pointer") && e.getMessage().contains("git lfs pull"), e.getMessage());
    }
}
