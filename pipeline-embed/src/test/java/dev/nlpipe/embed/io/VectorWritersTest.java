package dev.nlpipe.embed.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.stage.Components;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorWritersTest {

    private static Document doc(String id, String label, int[] idx, double[] val) {
        Document d = new Document(id, "text").putVector("tfidf", new SparseVector(idx, val));
        if (label != null) {
            d.addLabel(label);
        }
        return d;
    }

    private static DocumentWriter writer(String format, Map<String, ?> options) {
        WriterProvider p = Components.get().writers().get(format, dev.nlpipe.core.config.Location.NONE);
        return p.create(Options.of("output " + format, options, p.options()));
    }

    private static String write(DocumentWriter w, List<Document> docs) throws IOException {
        StringWriter out = new StringWriter();
        w.start(out);
        StringBuilder sb = new StringBuilder();
        for (Document d : docs) {
            w.write(d, sb);
        }
        out.append(sb);
        w.finish(out);
        return out.toString();
    }

    @Test
    void svmlightWritesLabelsAndOneBasedIndices() throws IOException {
        List<Document> docs = List.of(doc("a", "1", new int[] {0, 4}, new double[] {0.5, 0.25}),
                doc("b", null, new int[] {2}, new double[] {1.0}));
        assertEquals("1 1:0.5 5:0.25\n0 3:1.0\n", write(writer("svmlight", Map.of()), docs));
        assertEquals("1 0:0.5 4:0.25\n-1 2:1.0\n", write(writer("libsvm", Map.of("zeroBased", true, "unlabeled", "-1")), docs));
    }

    @Test
    void svmlightNumbersNamedLabelsAndWritesMultilabels() throws IOException {
        Document pos = doc("a", "pos", new int[] {1}, new double[] {2.0});
        Document both = doc("b", "neg", new int[] {0}, new double[] {1.0}).addLabel("pos");
        assertEquals("1 2:2.0\n0,1 1:1.0\n", write(writer("svmlight", Map.of("labels", List.of("neg", "pos"))), List.of(pos, both)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(writer("svmlight", Map.of()), List.of(pos)));
        assertTrue(e.getMessage().contains("output.labels"), e.getMessage());
    }

    @Test
    void svmlightNeverGivesADocumentALabelItDoesNotHave() throws IOException {
        Document none = doc("n", null, new int[] {0}, new double[] {1.0});
        // with named labels, 0 is neg's position: an unlabelled document is refused unless output.unlabeled says what to write
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> write(writer("svmlight", Map.of("labels", List.of("neg", "pos"))), List.of(none)));
        assertTrue(e.getMessage().contains("has no label; set output.unlabeled"), e.getMessage());
        assertEquals("-1 1:1.0\n", write(writer("svmlight", Map.of("labels", List.of("neg", "pos"), "unlabeled", "-1")), List.of(none)));
        // a multi-hot row with no label set is unlabelled, not the first of its zeros
        Document zeros = doc("z", null, new int[] {1}, new double[] {1.0});
        zeros.setLabels(new LinkedHashMap<>(Map.of("1", 0.0, "2", 0.0)));
        assertEquals("0 2:1.0\n", write(writer("svmlight", Map.of()), List.of(zeros)));
        // labels Java reads as numbers and Python does not (3d, NaN) are not numbers
        Document odd = doc("o", "3d", new int[] {0}, new double[] {1.0});
        assertThrows(IllegalArgumentException.class, () -> write(writer("svmlight", Map.of()), List.of(odd)));
    }

    @Test
    void matrixMarketHeaderCountsRowsColumnsAndEntries() throws IOException {
        Document dense = new Document("c", "t").putVector("w2v", new DenseVector(new float[] {0f, 1.5f}));
        List<Document> docs = List.of(doc("a", null, new int[] {0, 4}, new double[] {0.5, 0.25}), doc("b", null, new int[] {}, new double[] {}));
        String mtx = write(writer("mtx", Map.of()), docs);
        assertEquals("""
                %%MatrixMarket matrix coordinate real general
                % written by nlpipe: row i is the i-th document written, column j is vector index j-1
                2 5 2
                1 1 0.5
                1 5 0.25
                """, mtx);
        String withColumns = write(writer("mtx", Map.of("columns", 10, "vector", "w2v")), List.of(dense));
        assertTrue(withColumns.contains("\n1 10 1\n1 2 1.5\n"), withColumns);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> write(writer("mtx", Map.of("vector", "nope")), docs));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    }

    @Test
    void aDocumentBeyondTheColumnsIsRefusedWithoutCountingInTheHeader() throws IOException {
        DocumentWriter w = writer("mtx", Map.of("columns", 10));
        StringWriter out = new StringWriter();
        w.start(out);
        StringBuilder sb = new StringBuilder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.write(doc("wide", null, new int[] {1, 12}, new double[] {1.0, 2.0}), sb));
        assertTrue(e.getMessage().contains("wide") && e.getMessage().contains("12"), e.getMessage());
        w.write(doc("ok", null, new int[] {1}, new double[] {3.0}), sb);
        out.append(sb);
        w.finish(out);
        assertTrue(out.toString().endsWith("\n1 10 1\n1 2 3.0\n"), out.toString());
    }

    @Test
    void anAbortedMatrixDeletesItsScratchFile() throws IOException {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        java.util.function.Supplier<java.util.Set<java.nio.file.Path>> spills = () -> {
            try (var files = java.nio.file.Files.list(tmp)) {
                return files.filter(f -> f.getFileName().toString().startsWith("nlpipe-mtx-")).collect(java.util.stream.Collectors.toSet());
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        };
        java.util.Set<java.nio.file.Path> before = spills.get();
        DocumentWriter w = writer("mtx", Map.of());
        w.start(new StringWriter());
        w.write(doc("a", null, new int[] {0}, new double[] {1.0}), new StringBuilder());
        // only the files this writer made: another build in the same temporary directory may make its own meanwhile
        java.util.Set<java.nio.file.Path> mine = new java.util.HashSet<>(spills.get());
        mine.removeAll(before);
        assertTrue(!mine.isEmpty(), "the entries wait in a scratch file");
        w.abort();
        for (java.nio.file.Path f : mine) {
            assertTrue(!java.nio.file.Files.exists(f), f + " is deleted");
        }
    }
}
