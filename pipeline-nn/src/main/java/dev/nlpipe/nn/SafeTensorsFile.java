package dev.nlpipe.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.io.AtomicFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named tensors in Hugging Face's safetensors format (a JSON header, then raw little-endian data;
 * no code, unlike a pickle), read and written with DJL's own codec. Tensors of any floating type
 * (float16 and bfloat16 checkpoints included) are read as float32 on the Java heap.
 */
public final class SafeTensorsFile {
    private SafeTensorsFile() {
    }

    /** Reads every tensor of a file, in file order. */
    public static Map<String, TensorFile.Tensor> read(Path file) throws IOException {
        Map<String, TensorFile.Tensor> out = new LinkedHashMap<>();
        try (NDManager m = NeuralEngine.get().newBaseManager();
             InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            NDList list;
            try {
                list = NDList.decode(m, in);
            } catch (RuntimeException e) {
                throw new IOException(file + " is not a readable safetensors file: " + e.getMessage(), e);
            }
            for (NDArray a : list) {
                if (a.getName() == null) {
                    throw new IOException(file + " holds an unnamed tensor; it is not a safetensors file");
                }
                NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
                out.put(a.getName(), new TensorFile.Tensor(a.getShape().getShape(), f.toFloatArray()));
            }
        }
        return out;
    }

    /** Writes tensors as float32, replacing {@code file} only when complete. */
    public static void write(Path file, Map<String, TensorFile.Tensor> tensors) throws IOException {
        try (NDManager m = NeuralEngine.get().newBaseManager(); AtomicFile atomic = AtomicFile.create(file)) {
            NDList list = new NDList(tensors.size());
            for (Map.Entry<String, TensorFile.Tensor> e : tensors.entrySet()) {
                NDArray a = m.create(e.getValue().values(), new Shape(e.getValue().shape()));
                a.setName(e.getKey());
                list.add(a);
            }
            list.encode(atomic.stream(), NDList.Encoding.SAFETENSORS);
            atomic.commit();
        }
    }
}
