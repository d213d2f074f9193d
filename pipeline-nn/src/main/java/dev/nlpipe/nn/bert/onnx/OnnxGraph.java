package dev.nlpipe.nn.bert.onnx;

import dev.nlpipe.nn.GitLfsPointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph of an ONNX model file: initializers (the weights), operators, and the names of the
 * graph's inputs and outputs. Read from the file mapped in memory, with only the fields of the
 * ONNX schema that importing weights needs.
 *
 * @param initializers the weights by name, in file order
 * @param nodes the operators in graph order
 * @param inputs the graph's input names
 * @param outputs the graph's output names
 */
public record OnnxGraph(Map<String, OnnxTensor> initializers, List<OnnxNode> nodes, List<String> inputs, List<String> outputs) {
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;

    /**
     * Reads a {@code .onnx} file.
     *
     * @throws IOException when it is not a readable ONNX model (or keeps its weights in external files)
     */
    public static OnnxGraph read(Path file) throws IOException {
        GitLfsPointer.refuse(file);
        ByteBuffer buf;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        try {
            ProtoReader model = new ProtoReader(buf);
            while (model.next()) {
                if (model.field() == MODEL_GRAPH && model.wireType() == ProtoReader.LENGTH) {
                    return graph(model.message());
                }
            }
        } catch (ProtoReader.MalformedException | RuntimeException e) {
            // a download cut short or another kind of file (an HTML page) read as protobuf
            throw new IOException(file + " is not a readable ONNX model (" + e.getMessage() + "): it is damaged, cut short or not an"
                    + " .onnx file; download it again", e);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        throw new IOException(file + " is not an ONNX model: it has no graph");
    }

    private static OnnxGraph graph(ProtoReader g) throws IOException {
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        List<OnnxNode> nodes = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (g.next()) {
            if (g.wireType() != ProtoReader.LENGTH) {
                continue;
            }
            switch (g.field()) {
                case GRAPH_NODE -> nodes.add(node(g.message()));
                case GRAPH_INITIALIZER -> {
                    OnnxTensor t = tensor(g.message());
                    initializers.put(t.name(), t);
                }
                case GRAPH_INPUT -> inputs.add(valueName(g.message()));
                case GRAPH_OUTPUT -> outputs.add(valueName(g.message()));
                default -> {
                }
            }
        }
        return new OnnxGraph(initializers, nodes, inputs, outputs);
    }

    private static String valueName(ProtoReader v) throws IOException {
        while (v.next()) {
            if (v.field() == 1 && v.wireType() == ProtoReader.LENGTH) {
                return v.string();
            }
        }
        return "";
    }

    private static OnnxNode node(ProtoReader n) throws IOException {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String name = "";
        String op = "";
        String domain = "";
        Map<String, Float> floats = new LinkedHashMap<>();
        Map<String, Long> ints = new LinkedHashMap<>();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        Map<String, String> strings = new LinkedHashMap<>();
        while (n.next()) {
            switch (n.field()) {
                case 1 -> in.add(n.string());
                case 2 -> out.add(n.string());
                case 3 -> name = n.string();
                case 4 -> op = n.string();
                case 5 -> attribute(n.message(), floats, ints, tensors, strings);
                case 7 -> domain = n.string();
                default -> {
                }
            }
        }
        return new OnnxNode(name, op, in, out, floats, ints, tensors, strings, domain);
    }

    private static void attribute(ProtoReader a, Map<String, Float> floats, Map<String, Long> ints, Map<String, OnnxTensor> tensors,
                                  Map<String, String> strings) throws IOException {
        String name = null;
        Float f = null;
        Long i = null;
        OnnxTensor t = null;
        String s = null;
        while (a.next()) {
            switch (a.field()) {
                case 1 -> name = a.string();
                case 2 -> f = a.float32();
                case 3 -> i = a.number();
                case 4 -> s = a.string();
                case 5 -> t = tensor(a.message());
                default -> {
                }
            }
        }
        if (name == null) {
            return;
        }
        if (f != null) {
            floats.put(name, f);
        }
        if (i != null) {
            ints.put(name, i);
        }
        if (t != null) {
            tensors.put(name, t);
        }
        if (s != null) {
            strings.put(name, s);
        }
    }

    private static OnnxTensor tensor(ProtoReader t) throws IOException {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        ByteBuffer raw = null;
        float[] floats = null;
        long[] longs = null;
        while (t.next()) {
            switch (t.field()) {
                case 1 -> {
                    if (t.wireType() == ProtoReader.LENGTH) {
                        for (long d : t.packedVarints()) {
                            dims.add(d);
                        }
                    } else {
                        dims.add(t.number());
                    }
                }
                case 2 -> type = (int) t.number();
                case 4 -> {
                    if (t.wireType() == ProtoReader.LENGTH) {
                        ByteBuffer b = t.bytes();
                        floats = new float[b.remaining() / 4];
                        b.asFloatBuffer().get(floats);
                    }
                }
                case 7 -> longs = t.wireType() == ProtoReader.LENGTH ? t.packedVarints() : new long[] {t.number()};
                case 8 -> name = t.string();
                case 9 -> raw = t.bytes();
                case 13 -> throw external(name);
                case 14 -> {
                    if (t.number() == 1) {
                        throw external(name);
                    }
                }
                default -> {
                }
            }
        }
        return new OnnxTensor(name, dims.stream().mapToLong(Long::longValue).toArray(), type, raw, floats, longs);
    }

    private static IOException external(String name) {
        return new IOException("tensor '" + name + "' keeps its data in an external file, which nlpipe does not import; export"
                + " the model with its weights inside the .onnx file");
    }

    /** The node that produces an output name, or {@code null}. */
    public OnnxNode producer(String output) {
        for (OnnxNode n : nodes) {
            if (n.outputs().contains(output)) {
                return n;
            }
        }
        return null;
    }
}
